package cn.lantian.mobile.inspection;

import cn.lantian.mobile.access.Jurisdiction;
import cn.lantian.mobile.events.DomainEvents;
import cn.lantian.mobile.events.Raised;
import cn.lantian.mobile.repair.ObligationClosure;
import cn.lantian.mobile.repair.PassingRetest;
import cn.lantian.mobile.repair.Repair;
import cn.lantian.mobile.repair.Repairs;
import cn.lantian.mobile.vehicle.Vehicle;
import cn.lantian.mobile.vehicle.Vehicles;
import cn.lantian.security.Caller;
import cn.lantian.web.FieldError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Takes uploaded tests: checks each row's station, lane and time against the caller's jurisdiction; decides by the
 * I/M closed loop whether each retest counts (a vehicle whose last counted test failed needs an M-station repair
 * after that failure); stores the valid rows in one transaction with the fraud findings they raise (each through
 * {@code lantian.mobile.inspection-fraud-suspected.v1}) and the repair obligations their passing retests close.
 */
@Service
public class TestIngest {

    static final String FRAUD = "lantian.mobile.inspection-fraud-suspected.v1";
    /** Clocks of station systems run a little fast; a test further ahead than this is refused. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

    private final InspectionStations stations;
    private final InspectionTests tests;
    private final Findings findings;
    private final Vehicles vehicles;
    private final Repairs repairs;
    private final ObligationClosure closure;
    private final FraudRules rules;
    private final FraudSignals signals;
    private final DomainEvents events;
    private final Jurisdiction access;
    private final TransactionalOperator tx;
    private final Clock clock;

    TestIngest(
            InspectionStations stations,
            InspectionTests tests,
            Findings findings,
            Vehicles vehicles,
            Repairs repairs,
            ObligationClosure closure,
            FraudRules rules,
            FraudSignals signals,
            DomainEvents events,
            Jurisdiction access,
            TransactionalOperator tx,
            Clock clock) {
        this.stations = stations;
        this.tests = tests;
        this.findings = findings;
        this.vehicles = vehicles;
        this.repairs = repairs;
        this.closure = closure;
        this.rules = rules;
        this.signals = signals;
        this.events = events;
        this.access = access;
        this.tx = tx;
        this.clock = clock;
    }

    /** Takes tests already read, as one upload (demo data and other in-process producers). */
    public Mono<TestReport> ingestAll(Caller caller, List<TestUpload> uploads) {
        TestRows.Parsed parsed = TestRows.Parsed.empty();
        for (int i = 0; i < uploads.size(); i++) {
            parsed.tests().add(uploads.get(i));
            parsed.rows().add(i + 1);
        }
        return ingest(caller, parsed, false);
    }

    /**
     * Takes the valid rows of an upload and reports the others; with no valid row it stores nothing. Taken
     * {@code whole} (a message), any bad row fails it with {@link RejectedTests} and nothing is stored.
     */
    Mono<TestReport> ingest(Caller caller, TestRows.Parsed parsed, boolean whole) {
        int rows = parsed.tests().size() + parsed.rejected().size();
        List<RowError> rejected = new ArrayList<>(parsed.rejected());
        Set<String> seen = new HashSet<>();
        List<TestUpload> unique = new ArrayList<>();
        List<Integer> uniqueRows = new ArrayList<>();
        for (int i = 0; i < parsed.tests().size(); i++) {
            TestUpload t = parsed.tests().get(i);
            if (seen.add(t.id())) {
                unique.add(t);
                uniqueRows.add(parsed.rows().get(i));
            } else {
                rejected.add(error(parsed.rows().get(i), "id", "appears twice in the upload"));
            }
        }
        if (unique.isEmpty()) {
            return Mono.just(report(rows, List.of(), List.of(), List.of(), rejected, 0, 0));
        }
        Instant latest = clock.instant().plus(CLOCK_SKEW);
        return stations.byIds(unique.stream().map(TestUpload::stationId).collect(Collectors.toSet()))
                .flatMap(known -> {
                    List<TestUpload> accepted = new ArrayList<>();
                    for (int i = 0; i < unique.size(); i++) {
                        TestUpload t = unique.get(i);
                        int row = uniqueRows.get(i);
                        InspectionStation s = known.get(t.stationId());
                        if (s == null || !access.mayRead(caller, s.placement())) {
                            rejected.add(error(row, "stationId", "names no inspection station you can see"));
                        } else if (!access.mayWrite(caller, s.placement())) {
                            rejected.add(error(row, "stationId", "the station lies outside your jurisdiction"));
                        } else if (t.lane() > s.lanes()) {
                            rejected.add(error(row, "lane", "the station has " + s.lanes() + " lane(s)"));
                        } else if (t.testedAt().isAfter(latest)) {
                            rejected.add(error(row, "testedAt", "lies in the future"));
                        } else {
                            accepted.add(t);
                        }
                    }
                    if (whole && !rejected.isEmpty()) {
                        return Mono.error(new RejectedTests(rejected));
                    }
                    if (accepted.isEmpty()) {
                        return Mono.just(report(rows, List.of(), List.of(), List.of(), rejected, 0, 0));
                    }
                    accepted.sort(Comparator.comparing(TestUpload::testedAt).thenComparing(TestUpload::id));
                    return tx.transactional(store(accepted, known))
                            .map(done -> report(
                                    rows,
                                    done.stored(),
                                    done.already(),
                                    done.notCounted(),
                                    rejected,
                                    done.findings(),
                                    done.closed()));
                });
    }

    private Mono<Done> store(List<TestUpload> accepted, Map<String, InspectionStation> known) {
        List<String> ids = accepted.stream().map(TestUpload::id).toList();
        return tests.existing(ids).flatMap(existing -> {
            Set<String> already = new HashSet<>(existing);
            List<TestUpload> fresh =
                    accepted.stream().filter(t -> !already.contains(t.id())).toList();
            if (fresh.isEmpty()) {
                return Mono.just(new Done(List.of(), List.copyOf(existing), List.of(), 0, 0));
            }
            List<String> plates =
                    fresh.stream().map(TestUpload::plate).distinct().toList();
            Set<String> stationIds = fresh.stream().map(TestUpload::stationId).collect(Collectors.toSet());
            Instant first = fresh.get(0).testedAt();
            Instant last = fresh.get(fresh.size() - 1).testedAt();
            Instant from = first.minus(Duration.ofDays(contextDays()));
            return Mono.zip(
                            vehicles.byPlates(plates),
                            tests.context(stationIds, plates, from, last),
                            repairs.ofPlates(plates, last).collectList())
                    .flatMap(ctx -> {
                        Map<String, Vehicle> byPlate = ctx.getT1();
                        List<Stored> context = ctx.getT2().stream()
                                .filter(s -> !already.contains(s.facts().id()))
                                .toList();
                        List<Repair> repaired = ctx.getT3();
                        List<InspectionTests.NewTest> decided = closedLoop(fresh, known, byPlate, context, repaired);
                        List<TestFacts> all = new ArrayList<>(
                                context.stream().map(Stored::facts).toList());
                        decided.forEach(d -> all.add(facts(d.test())));
                        Set<String> freshIds =
                                fresh.stream().map(TestUpload::id).collect(Collectors.toSet());
                        List<Finding> found = signals.evaluate(all).stream()
                                .filter(f -> f.testIds().stream().anyMatch(freshIds::contains))
                                .toList();
                        List<PassingRetest> passing = decided.stream()
                                .filter(d -> d.counts() && d.test().passed() && d.vehicleId() != null)
                                .map(d -> {
                                    Vehicle v = byPlate.get(d.test().plate());
                                    return new PassingRetest(
                                            v.id(),
                                            v.plate(),
                                            v.placement(),
                                            d.test().id(),
                                            d.test().stationId(),
                                            d.test().testedAt());
                                })
                                .toList();
                        Instant now = clock.instant();
                        return tests.insert(decided, now)
                                .then(raise(found, known, now))
                                .flatMap(raised -> passRates(last, now).map(more -> raised + more))
                                .flatMap(raised -> closure.close(passing, repaired)
                                        .map(closed -> new Done(
                                                decided.stream()
                                                        .map(d -> d.test().id())
                                                        .toList(),
                                                List.copyOf(existing),
                                                decided.stream()
                                                        .filter(d -> !d.counts())
                                                        .map(d -> new TestReport.NotCounted(
                                                                d.test().id(), d.countsReason()))
                                                        .toList(),
                                                raised,
                                                closed)));
                    });
        });
    }

    /**
     * Whether each new test counts: a vehicle whose last counted test failed must show a repair by an M station
     * after that failure and no later than the retest.
     */
    private static List<InspectionTests.NewTest> closedLoop(
            List<TestUpload> fresh,
            Map<String, InspectionStation> known,
            Map<String, Vehicle> byPlate,
            List<Stored> context,
            List<Repair> repaired) {
        Map<String, List<TestFacts>> counted = new HashMap<>();
        for (Stored s : context) {
            if (s.counts()) {
                counted.computeIfAbsent(s.facts().plate(), k -> new ArrayList<>())
                        .add(s.facts());
            }
        }
        Map<String, List<Repair>> repairsOf = repaired.stream().collect(Collectors.groupingBy(Repair::plate));
        List<InspectionTests.NewTest> decided = new ArrayList<>();
        for (TestUpload t : fresh) {
            TestFacts previous = counted.getOrDefault(t.plate(), List.of()).stream()
                    .filter(p -> p.testedAt().isBefore(t.testedAt()))
                    .max(Comparator.comparing(TestFacts::testedAt))
                    .orElse(null);
            String reason = null;
            if (previous != null && !previous.passed()) {
                boolean repairedSince = repairsOf.getOrDefault(t.plate(), List.of()).stream()
                        .anyMatch(r -> r.repairedAt().isAfter(previous.testedAt())
                                && !r.repairedAt().isAfter(t.testedAt()));
                if (!repairedSince) {
                    reason = "no M-station repair recorded since the failed test " + previous.id() + " of "
                            + time(previous.testedAt());
                }
            }
            Vehicle v = byPlate.get(t.plate());
            decided.add(new InspectionTests.NewTest(
                    t,
                    v == null ? null : v.id(),
                    reason == null,
                    reason,
                    known.get(t.stationId()).placement()));
            if (reason == null) {
                counted.computeIfAbsent(t.plate(), k -> new ArrayList<>()).add(facts(t));
            }
        }
        return decided;
    }

    /** Stores the findings not stored before and raises an event for each. */
    private Mono<Integer> raise(List<Finding> found, Map<String, InspectionStation> known, Instant now) {
        return Flux.fromIterable(found)
                .concatMap(f -> station(f.stationId(), known)
                        .flatMap(s -> findings.add(f, s.placement(), now)
                                .flatMap(added -> added ? event(f, s, now).thenReturn(1) : Mono.just(0))))
                .reduce(0, Integer::sum);
    }

    /** The pass-rate signal over the window ending at the upload's newest test. */
    private Mono<Integer> passRates(Instant last, Instant now) {
        FraudRule rule = rules.of("pass-rate-outlier");
        return tests.tallies(last.minus(Duration.ofDays(rule.windowDays())), last)
                .map(tallies -> signals.passRateOutliers(tallies, last))
                .flatMap(outliers -> raise(outliers, Map.of(), now));
    }

    private Mono<InspectionStation> station(String id, Map<String, InspectionStation> known) {
        InspectionStation s = known.get(id);
        return s != null ? Mono.just(s) : stations.byId(id);
    }

    private Mono<Void> event(Finding f, InspectionStation s, Instant now) {
        FraudRule rule = rules.of(f.signal());
        return events.raise(new Raised(
                FRAUD,
                "inspection-station/" + s.id(),
                s.placement(),
                "major",
                new InspectionFraudSuspected(
                        f.id(),
                        f.signal(),
                        s.id(),
                        s.name(),
                        f.testIds(),
                        f.plates(),
                        f.summary(),
                        time(now),
                        rule.signal(),
                        rule.source(),
                        rule.status())));
    }

    /** Days of earlier tests the signals and the closed loop need: the longest window, and a day more. */
    private long contextDays() {
        long days = 0;
        for (FraudRule r : rules.all()) {
            if (!r.signal().equals("pass-rate-outlier")) {
                days = Math.max(days, r.windowDays());
            }
        }
        days = Math.max(
                days, (long) Math.ceil(rules.of("second-test-within-month").threshold()));
        return days + 1;
    }

    static TestFacts facts(TestUpload t) {
        return new TestFacts(
                t.id(),
                t.stationId(),
                t.plate(),
                t.vin(),
                t.grossMassKg(),
                t.method(),
                t.testedAt(),
                t.passed(),
                t.obdCalId(),
                t.obdCvn(),
                t.process());
    }

    private static String time(Instant at) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atOffset(BEIJING));
    }

    private static RowError error(int row, String field, String reason) {
        return new RowError(row, List.of(new FieldError(field, reason)));
    }

    private static TestReport report(
            int rows,
            List<String> stored,
            List<String> already,
            List<TestReport.NotCounted> notCounted,
            List<RowError> rejected,
            int found,
            int closed) {
        List<RowError> sorted = new ArrayList<>(rejected);
        sorted.sort(Comparator.comparingInt(RowError::row));
        return new TestReport(rows, stored, already, notCounted, sorted, found, closed);
    }

    private record Done(
            List<String> stored,
            List<String> already,
            List<TestReport.NotCounted> notCounted,
            int findings,
            int closed) {}
}
