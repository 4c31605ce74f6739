package cn.lantian.mobile.sensing;

import cn.lantian.mobile.access.Jurisdiction;
import cn.lantian.mobile.events.DomainEvents;
import cn.lantian.mobile.events.Raised;
import cn.lantian.mobile.vehicle.Vehicle;
import cn.lantian.mobile.vehicle.Vehicles;
import cn.lantian.reference.Jurisdictions;
import cn.lantian.reference.Placement;
import cn.lantian.security.Caller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Takes a batch of readings whole, in one transaction: stores each new reading, records every pollutant over its
 * limit, judges the vehicle, and for a failure opens a repair obligation and raises
 * {@code lantian.mobile.vehicle-emission-exceeded.v1} through the outbox. A batch with any bad line stores nothing.
 */
@Service
public class ReadingIngest {

    static final String EXCEEDED = "lantian.mobile.vehicle-emission-exceeded.v1";
    /** Clocks of roadside devices run a little fast; a reading further ahead than this is refused. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
    /** Times a batch aborted by a deadlock is taken again before the failure reaches the sender. */
    private static final int TRANSIENT_RETRIES = 5;

    private static final List<String> JUDGED_ORDER =
            SensingRules.POLLUTANTS.stream().sorted().toList();

    private final DatabaseClient db;
    private final Vehicles vehicles;
    private final Jurisdictions jurisdictions;
    private final Jurisdiction access;
    private final SensingRules rules;
    private final DomainEvents events;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final List<ReadingListener> listeners;

    public ReadingIngest(
            DatabaseClient db,
            Vehicles vehicles,
            Jurisdictions jurisdictions,
            Jurisdiction access,
            SensingRules rules,
            DomainEvents events,
            TransactionalOperator tx,
            Clock clock,
            List<ReadingListener> listeners) {
        this.db = db;
        this.vehicles = vehicles;
        this.jurisdictions = jurisdictions;
        this.access = access;
        this.rules = rules;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.listeners = List.copyOf(listeners);
    }

    /** Takes readings already read, as one batch (demo data and other in-process producers). */
    public Mono<IngestReport> ingestAll(Caller caller, List<Reading> readings) {
        List<Integer> lines = java.util.stream.IntStream.rangeClosed(1, readings.size())
                .boxed()
                .toList();
        return ingest(caller, new ReadingParser.Parsed(readings, lines, List.of()));
    }

    /** Takes the parsed batch, or fails with {@link RejectedReadings} naming every bad line. */
    Mono<IngestReport> ingest(Caller caller, ReadingParser.Parsed parsed) {
        List<Rejection> rejections = new ArrayList<>(parsed.rejections());
        List<Placed> placed = new ArrayList<>();
        Instant latest = clock.instant().plus(CLOCK_SKEW);
        Map<String, java.util.Optional<Placement>> places = new HashMap<>();
        for (int i = 0; i < parsed.readings().size(); i++) {
            Reading r = parsed.readings().get(i);
            int line = parsed.lines().get(i);
            if (r.at().isAfter(latest)) {
                rejections.add(new Rejection(line, "at", "lies in the future"));
                continue;
            }
            // Remote-sensing stations stand still: a batch names a handful of places, each located once.
            Placement place = places.computeIfAbsent(
                            r.lon() + "," + r.lat(), k -> jurisdictions.locate(r.lon(), r.lat()))
                    .orElse(null);
            if (place == null) {
                rejections.add(new Rejection(line, "lon", "the place lies outside Kashgar Prefecture"));
            } else if (!access.mayWrite(caller, place)) {
                rejections.add(new Rejection(line, "lon", "the place lies outside your jurisdiction"));
            } else {
                placed.add(new Placed(r, place));
            }
        }
        if (!rejections.isEmpty()) {
            return Mono.error(new RejectedReadings(rejections));
        }
        if (placed.isEmpty()) {
            return Mono.error(new RejectedReadings(List.of(new Rejection(1, "body", "holds no reading"))));
        }
        placed.sort(Comparator.comparing(p -> p.reading().at()));
        List<String> plates =
                placed.stream().map(p -> p.reading().plate()).distinct().toList();
        // Concurrent batches judging the same vehicles can deadlock on their repair obligations; PostgreSQL then
        // aborts one, which rolled back whole and is simply taken again, with a fresh tally.
        return Mono.defer(() -> {
                    Tally tally = new Tally();
                    Mono<IngestReport> work = vehicles.byPlates(plates)
                            .flatMap(known -> storeAll(placed, known, tally)
                                    .then(Mono.fromSupplier(() -> new IngestReport(
                                            placed.size(),
                                            tally.stored.get(),
                                            tally.overLimit.get(),
                                            tally.failures.get(),
                                            tally.unregistered.get(),
                                            tally.invalid.get()))));
                    return tx.transactional(work);
                })
                .retryWhen(Retry.backoff(TRANSIENT_RETRIES, Duration.ofMillis(50))
                        .filter(ReadingIngest::transientFailure)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    }

    /** A deadlock or serialization failure: the transaction was rolled back and may be tried again. */
    private static boolean transientFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof io.r2dbc.spi.R2dbcTransientException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Stores the whole batch in one statement (readings already stored are skipped), then judges the new valid
     * readings of registered vehicles in time order, so that each failure counts the earlier ones of the batch.
     */
    private Mono<Void> storeAll(List<Placed> placed, Map<String, Vehicle> known, Tally tally) {
        int n = placed.size();
        String[] plates = new String[n];
        String[] vehicleIds = new String[n];
        String[] ats = new String[n];
        Double[] lons = new Double[n];
        Double[] lats = new Double[n];
        String[] units = new String[n];
        String[] corps = new String[n];
        String[] checks = new String[n];
        Double[] opacity = new Double[n];
        Double[] ringelmann = new Double[n];
        Double[] nox = new Double[n];
        Double[] speed = new Double[n];
        Double[] acceleration = new Double[n];
        Double[] wind = new Double[n];
        Boolean[] valid = new Boolean[n];
        String[] invalid = new String[n];
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Reading r = placed.get(i).reading();
            Placement place = placed.get(i).place();
            Vehicle vehicle = known.get(r.plate());
            // The database keeps microseconds: the key must name the instant it stores.
            Instant at = r.at().truncatedTo(ChronoUnit.MICROS);
            plates[i] = r.plate();
            vehicleIds[i] = vehicle == null ? null : vehicle.id();
            ats[i] = at.toString();
            lons[i] = r.lon();
            lats[i] = r.lat();
            units[i] = place.jurisdiction();
            corps[i] = place.corpsUnit();
            checks[i] = r.check();
            opacity[i] = r.opacity();
            ringelmann[i] = r.ringelmann();
            nox[i] = r.nox();
            speed[i] = r.speed();
            acceleration[i] = r.acceleration();
            wind[i] = r.wind();
            invalid[i] = rules.invalidity(r);
            valid[i] = invalid[i] == null;
            index.putIfAbsent(key(r.plate(), at, r.check()), i);
        }
        return db.sql("insert into reading (plate, vehicle_id, at, lon, lat, jurisdiction, corps_unit, check_kind, "
                        + "opacity, ringelmann, nox, speed, acceleration, wind, received_at, valid, invalid_reason) "
                        + "select t.plate, t.vehicle_id, t.at, t.lon, t.lat, t.jurisdiction, t.corps_unit, t.check_kind, "
                        + "t.opacity, t.ringelmann, t.nox, t.speed, t.acceleration, t.wind, :received, t.valid, "
                        + "t.invalid_reason from unnest(cast(:plates as text[]), cast(:vehicles as text[]), "
                        + "cast(:ats as timestamptz[]), cast(:lons as float8[]), cast(:lats as float8[]), "
                        + "cast(:units as text[]), cast(:corps as text[]), cast(:checks as text[]), "
                        + "cast(:opacity as float8[]), cast(:ringelmann as float8[]), cast(:nox as float8[]), "
                        + "cast(:speed as float8[]), cast(:acceleration as float8[]), cast(:wind as float8[]), "
                        + "cast(:valid as boolean[]), cast(:invalid as text[])) as t(plate, vehicle_id, at, lon, lat, "
                        + "jurisdiction, corps_unit, check_kind, opacity, ringelmann, nox, speed, acceleration, wind, "
                        + "valid, invalid_reason) "
                        + "on conflict (plate, at, check_kind) do nothing returning id, plate, at, check_kind")
                .bind("received", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .bind("plates", plates)
                .bind("vehicles", vehicleIds)
                .bind("ats", ats)
                .bind("lons", lons)
                .bind("lats", lats)
                .bind("units", units)
                .bind("corps", corps)
                .bind("checks", checks)
                .bind("opacity", opacity)
                .bind("ringelmann", ringelmann)
                .bind("nox", nox)
                .bind("speed", speed)
                .bind("acceleration", acceleration)
                .bind("wind", wind)
                .bind("valid", valid)
                .bind("invalid", invalid)
                .map(row -> new long[] {
                    row.get("id", Long.class),
                    index.get(key(
                            row.get("plate", String.class),
                            row.get("at", OffsetDateTime.class).toInstant(),
                            row.get("check_kind", String.class)))
                })
                .all()
                .collectList()
                .flatMap(stored -> {
                    stored.sort(Comparator.comparingLong(s -> s[1]));
                    tally.stored.addAndGet(stored.size());
                    List<Exceeding> over = new ArrayList<>();
                    List<Placed> registered = new ArrayList<>();
                    for (long[] s : stored) {
                        int i = (int) s[1];
                        Placed p = placed.get(i);
                        Vehicle vehicle = known.get(p.reading().plate());
                        if (vehicle != null) {
                            // A reading outside the measurement conditions still shows where the vehicle was.
                            registered.add(p);
                        }
                        if (invalid[i] != null) {
                            // Outside HJ 845's measurement conditions: kept for the record, never judged.
                            tally.invalid.incrementAndGet();
                        } else if (vehicle == null) {
                            tally.unregistered.incrementAndGet();
                        } else {
                            for (String pollutant : JUDGED_ORDER) {
                                Double value = p.reading().value(pollutant);
                                Limit limit =
                                        rules.limit(vehicle.fuel(), pollutant).orElse(null);
                                if (value != null && limit != null && limit.exceededBy(value)) {
                                    over.add(new Exceeding(s[0], p, vehicle, pollutant, value, limit));
                                }
                            }
                        }
                    }
                    tally.overLimit.addAndGet(over.size());
                    Mono<Void> judged = over.isEmpty()
                            ? Mono.<Void>empty()
                            : recordExceedances(over).then(judge(over, tally));
                    List<ReadingListener.Stored> told = registered.stream()
                            .map(p -> new ReadingListener.Stored(
                                    p.reading(), known.get(p.reading().plate()), p.place()))
                            .toList();
                    return judged.thenMany(Flux.fromIterable(listeners))
                            .concatMap(l -> l.storedAll(told))
                            .then();
                });
    }

    private static String key(String plate, Instant at, String check) {
        return plate + "|" + at + "|" + check;
    }

    /** A new reading's pollutant over its limit. */
    private record Exceeding(
            long readingId, Placed placed, Vehicle vehicle, String pollutant, double value, Limit limit) {

        Instant at() {
            return placed.reading().at().truncatedTo(ChronoUnit.MICROS);
        }
    }

    /** Records every pollutant over its limit of the batch in one statement. */
    private Mono<Void> recordExceedances(List<Exceeding> over) {
        int n = over.size();
        Long[] ids = new Long[n];
        String[] plates = new String[n];
        String[] pollutants = new String[n];
        Double[] values = new Double[n];
        Double[] limits = new Double[n];
        String[] ats = new String[n];
        for (int i = 0; i < n; i++) {
            Exceeding e = over.get(i);
            ids[i] = e.readingId();
            plates[i] = e.placed().reading().plate();
            pollutants[i] = e.pollutant();
            values[i] = e.value();
            limits[i] = e.limit().value();
            ats[i] = e.at().toString();
        }
        return db.sql("insert into reading_exceedance (reading_id, plate, pollutant, value, limit_value, at) "
                        + "select * from unnest(cast(:ids as bigint[]), cast(:plates as text[]), "
                        + "cast(:pollutants as text[]), cast(:values as float8[]), cast(:limits as float8[]), "
                        + "cast(:ats as timestamptz[]))")
                .bind("ids", ids)
                .bind("plates", plates)
                .bind("pollutants", pollutants)
                .bind("values", values)
                .bind("limits", limits)
                .bind("ats", ats)
                .then();
    }

    /**
     * Judges each exceedance in time order against the vehicle's exceedances of the same pollutant in the window
     * (read once for the batch); a failure opens the repair obligation and raises the event, unless one is open.
     */
    private Mono<Void> judge(List<Exceeding> over, Tally tally) {
        Judgement judgement = rules.judgement();
        Instant first =
                over.stream().map(Exceeding::at).min(Comparator.naturalOrder()).orElseThrow();
        Instant last =
                over.stream().map(Exceeding::at).max(Comparator.naturalOrder()).orElseThrow();
        Instant from = first.atZone(Judgement.ZONE)
                .minusMonths(judgement.windowMonths())
                .toInstant();
        String[] plates =
                over.stream().map(e -> e.placed().reading().plate()).distinct().toArray(String[]::new);
        String[] vehicleIds =
                over.stream().map(e -> e.vehicle().id()).distinct().toArray(String[]::new);
        Mono<Map<String, java.util.Collection<Object[]>>> history = db.sql("select plate, pollutant, at, reading_id "
                        + "from reading_exceedance where plate = any(:plates) and at >= :from and at <= :to")
                .bind("plates", plates)
                .bind("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .bind("to", OffsetDateTime.ofInstant(last, ZoneOffset.UTC))
                .map(row -> new Object[] {
                    row.get("plate", String.class) + "|" + row.get("pollutant", String.class),
                    row.get("at", OffsetDateTime.class).toInstant(),
                    row.get("reading_id", Long.class)
                })
                .all()
                .collectMultimap(r -> (String) r[0]);
        Mono<java.util.Set<String>> open = db.sql(
                        "select vehicle_id, pollutant from repair_obligation where status = 'open' "
                                + "and vehicle_id = any(:vehicles)")
                .bind("vehicles", vehicleIds)
                .map(row -> row.get("vehicle_id", String.class) + "|" + row.get("pollutant", String.class))
                .all()
                .collect(java.util.stream.Collectors.toCollection(java.util.HashSet::new));
        return Mono.zip(history, open)
                .flatMap(t -> Flux.fromIterable(over)
                        .concatMap(e -> {
                            String obligation = e.vehicle().id() + "|" + e.pollutant();
                            if (t.getT2().contains(obligation)) {
                                return Mono.empty();
                            }
                            Instant windowStart = e.at().atZone(Judgement.ZONE)
                                    .minusMonths(judgement.windowMonths())
                                    .toInstant();
                            List<Instant> earlier = t
                                    .getT1()
                                    .getOrDefault(e.placed().reading().plate() + "|" + e.pollutant(), List.of())
                                    .stream()
                                    .filter(h -> (long) h[2] != e.readingId())
                                    .map(h -> (Instant) h[1])
                                    .filter(at -> !at.isBefore(windowStart) && !at.isAfter(e.at()))
                                    .toList();
                            if (!judgement.fails(earlier, e.at())) {
                                return Mono.empty();
                            }
                            t.getT2().add(obligation);
                            return open(
                                    e.placed(),
                                    e.vehicle(),
                                    e.pollutant(),
                                    e.value(),
                                    e.limit(),
                                    earlier.size() + 1,
                                    tally);
                        })
                        .then());
    }

    /** Opens the repair obligation and raises the event, unless one is already open for the vehicle and pollutant. */
    private Mono<Void> open(
            Placed p, Vehicle vehicle, String pollutant, double value, Limit limit, int failures, Tally tally) {
        Reading r = p.reading();
        String id = "rep-" + UUID.randomUUID().toString().substring(0, 12);
        DatabaseClient.GenericExecuteSpec spec = db.sql("insert into repair_obligation (id, vehicle_id, plate, "
                        + "pollutant, failed_at, jurisdiction, corps_unit) values (:id, :vehicle, :plate, :pollutant, "
                        + ":at, :jurisdiction, :corps) on conflict do nothing returning id")
                .bind("id", id)
                .bind("vehicle", vehicle.id())
                .bind("plate", vehicle.plate())
                .bind("pollutant", pollutant)
                .bind("at", OffsetDateTime.ofInstant(r.at(), ZoneOffset.UTC))
                .bind("jurisdiction", vehicle.placement().jurisdiction());
        spec = nullable(spec, "corps", vehicle.placement().corpsUnit(), String.class);
        return spec.map(row -> row.get("id", String.class)).one().flatMap(opened -> {
            tally.failures.incrementAndGet();
            Judgement j = rules.judgement();
            VehicleEmissionExceeded data = new VehicleEmissionExceeded(
                    vehicle.plate(),
                    vehicle.kind(),
                    "none".equals(vehicle.emissionStage()) ? null : vehicle.emissionStage(),
                    r.check(),
                    pollutant,
                    value,
                    limit.value(),
                    new VehicleEmissionExceeded.Location(r.lon(), r.lat()),
                    java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(r.at().atOffset(BEIJING)),
                    "remote-sensing-" + pollutant + "-" + j.failures() + "-in-" + j.windowMonths() + "-months",
                    limit.source() + "; " + j.source(),
                    limit.status(),
                    failures);
            return events.raise(new Raised(EXCEEDED, "vehicle/" + vehicle.plate(), vehicle.placement(), "major", data));
        });
    }

    private static <T> DatabaseClient.GenericExecuteSpec nullable(
            DatabaseClient.GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    private record Placed(Reading reading, Placement place) {}

    private static final class Tally {
        final AtomicInteger stored = new AtomicInteger();
        final AtomicInteger overLimit = new AtomicInteger();
        final AtomicInteger failures = new AtomicInteger();
        final AtomicInteger unregistered = new AtomicInteger();
        final AtomicInteger invalid = new AtomicInteger();
    }
}
