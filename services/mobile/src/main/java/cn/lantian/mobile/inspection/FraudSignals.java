package cn.lantian.mobile.inspection;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The fraud signals over a set of tests, by the rule table. Pure: it reads no database and no clock, so the same tests
 * always give the same findings with the same ids, and a finding is raised once however often tests are evaluated.
 */
public final class FraudSignals {

    /** Methods that put no load on the engine: no dynamometer. */
    static final Set<String> NON_DYNAMOMETER = Set.of("free-acceleration", "two-speed-idle");

    /** Months of pass-rate findings are counted in Beijing time. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** How many earlier tests a finding names at most. */
    private static final int NAMED = 5;

    private final FraudRules rules;

    public FraudSignals(FraudRules rules) {
        this.rules = rules;
    }

    /** Pass counts of one station over the pass-rate window. */
    public record StationTally(String stationId, long tests, long passes) {

        double rate() {
            return tests == 0 ? 0 : (double) passes / tests;
        }
    }

    /** Every finding of the per-test signals over these tests, ordered by the test that raised it. */
    public List<Finding> evaluate(List<TestFacts> tests) {
        List<TestFacts> sorted = new ArrayList<>(tests);
        sorted.sort(Comparator.comparing(TestFacts::testedAt).thenComparing(TestFacts::id));
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            order.put(sorted.get(i).id(), i);
        }
        List<Finding> findings = new ArrayList<>();
        perVehicle(sorted, findings);
        nonDynamometer(sorted, findings);
        nearIdenticalProcess(sorted, findings);
        sharedCalibration(sorted, findings);
        findings.sort(Comparator.comparing(
                        (Finding f) -> order.get(f.testIds().get(f.testIds().size() - 1)))
                .thenComparing(Finding::signal));
        return findings;
    }

    /** Retests within minutes of a failure and second tests within a month of a pass, per vehicle. */
    private void perVehicle(List<TestFacts> sorted, List<Finding> findings) {
        FraudRule retest = rules.of("retest-within-minutes");
        FraudRule second = rules.of("second-test-within-month");
        Duration retestGap = Duration.ofSeconds(Math.round(retest.threshold() * 60));
        Duration secondGap = Duration.ofSeconds(Math.round(second.threshold() * 86_400));
        Map<String, TestFacts> previous = new HashMap<>();
        for (TestFacts t : sorted) {
            TestFacts before = previous.put(t.plate(), t);
            if (before == null) {
                continue;
            }
            Duration gap = Duration.between(before.testedAt(), t.testedAt());
            if (!before.passed() && gap.compareTo(retestGap) < 0) {
                findings.add(new Finding(
                        "retest-within-minutes/" + t.id(),
                        "retest-within-minutes",
                        t.stationId(),
                        List.of(before.id(), t.id()),
                        List.of(t.plate()),
                        t.plate() + " tested again " + minutes(gap) + " after failing test " + before.id()
                                + ", under the " + number(retest.threshold()) + "-minute interval"));
            } else if (before.passed() && gap.compareTo(secondGap) < 0) {
                findings.add(new Finding(
                        "second-test-within-month/" + t.id(),
                        "second-test-within-month",
                        t.stationId(),
                        List.of(before.id(), t.id()),
                        List.of(t.plate()),
                        t.plate() + " tested again " + gap.toDays() + " days after passing test " + before.id()
                                + ", within " + number(second.threshold()) + " days"));
            }
        }
    }

    /** A method without a dynamometer on a vehicle over the mass limit. */
    private void nonDynamometer(List<TestFacts> sorted, List<Finding> findings) {
        FraudRule rule = rules.of("non-dynamometer-heavy");
        for (TestFacts t : sorted) {
            if (NON_DYNAMOMETER.contains(t.method()) && t.grossMassKg() > rule.threshold()) {
                findings.add(new Finding(
                        "non-dynamometer-heavy/" + t.id(),
                        "non-dynamometer-heavy",
                        t.stationId(),
                        List.of(t.id()),
                        List.of(t.plate()),
                        t.plate() + " of " + t.grossMassKg() + " kg tested by " + t.method()
                                + ", a method without dynamometer, above " + number(rule.threshold()) + " kg"));
            }
        }
    }

    /**
     * Different vehicles whose process curves of one method and length differ nowhere by more than the threshold.
     * Curves that close have means that close, so each curve is compared only with those whose mean lies within the
     * threshold of its own: sorted by mean, the comparison stops at the first curve beyond.
     */
    private void nearIdenticalProcess(List<TestFacts> sorted, List<Finding> findings) {
        FraudRule rule = rules.of("near-identical-process");
        double tolerance = rule.threshold();
        Duration window = Duration.ofDays(rule.windowDays());
        Map<String, List<Curve>> groups = new HashMap<>();
        for (TestFacts t : sorted) {
            if (t.process() != null && t.process().length >= rule.minCount()) {
                groups.computeIfAbsent(t.method() + "/" + t.process().length, k -> new ArrayList<>())
                        .add(new Curve(
                                t,
                                Arrays.stream(t.process()).average().orElse(0),
                                t.testedAt().getEpochSecond()));
            }
        }
        long windowSeconds = window.toSeconds();
        Map<TestFacts, Set<TestFacts>> matches = new HashMap<>();
        for (List<Curve> group : groups.values()) {
            group.sort(Comparator.comparingDouble(Curve::mean));
            for (int i = 0; i < group.size(); i++) {
                Curve a = group.get(i);
                for (int j = i + 1; j < group.size() && group.get(j).mean() - a.mean() <= tolerance; j++) {
                    Curve b = group.get(j);
                    // Cheapest first: most pairs differ early in their curves.
                    if (!within(a.test().process(), b.test().process(), tolerance)
                            || Math.abs(a.seconds() - b.seconds()) > windowSeconds
                            || a.test().plate().equals(b.test().plate())) {
                        continue;
                    }
                    boolean aFirst = a.seconds() < b.seconds()
                            || (a.seconds() == b.seconds()
                                    && a.test().id().compareTo(b.test().id()) < 0);
                    TestFacts earlier = aFirst ? a.test() : b.test();
                    TestFacts later = aFirst ? b.test() : a.test();
                    matches.computeIfAbsent(later, k -> new LinkedHashSet<>()).add(earlier);
                }
            }
        }
        for (Map.Entry<TestFacts, Set<TestFacts>> m : matches.entrySet()) {
            TestFacts later = m.getKey();
            List<TestFacts> earlier = m.getValue().stream()
                    .sorted(Comparator.comparing(TestFacts::testedAt))
                    .limit(NAMED)
                    .toList();
            findings.add(new Finding(
                    "near-identical-process/" + later.id(),
                    "near-identical-process",
                    later.stationId(),
                    ids(earlier, later),
                    plates(earlier, later),
                    later.plate() + "'s " + later.method() + " curve differs nowhere by more than "
                            + number(tolerance) + " from that of "
                            + m.getValue().size() + " other vehicle(s): "
                            + earlier.stream().map(TestFacts::plate).distinct().collect(Collectors.joining(", "))));
        }
    }

    /** Vehicles of different makers reporting one OBD calibration id and CVN within the window. */
    private void sharedCalibration(List<TestFacts> sorted, List<Finding> findings) {
        FraudRule rule = rules.of("shared-obd-calibration");
        Duration window = Duration.ofDays(rule.windowDays());
        // Per calibration, the tests of the last window in time order: the tests are sorted, so the oldest leave first.
        Map<String, java.util.ArrayDeque<TestFacts>> byCalibration = new HashMap<>();
        for (TestFacts t : sorted) {
            if (t.obdCalId() == null || t.obdCalId().isBlank()) {
                continue;
            }
            String key = t.obdCalId() + "/" + (t.obdCvn() == null ? "" : t.obdCvn());
            java.util.ArrayDeque<TestFacts> recent =
                    byCalibration.computeIfAbsent(key, k -> new java.util.ArrayDeque<>());
            Instant from = t.testedAt().minus(window);
            while (!recent.isEmpty() && recent.peekFirst().testedAt().isBefore(from)) {
                recent.pollFirst();
            }
            String maker = t.maker();
            List<TestFacts> others = new ArrayList<>();
            Set<String> makers = new LinkedHashSet<>();
            makers.add(maker);
            for (TestFacts e : recent) {
                if (!e.plate().equals(t.plate()) && !e.maker().equals(maker)) {
                    others.add(e);
                    makers.add(e.maker());
                }
            }
            if (makers.size() >= rule.threshold()) {
                List<TestFacts> named = others.subList(Math.max(0, others.size() - NAMED), others.size());
                findings.add(new Finding(
                        "shared-obd-calibration/" + t.id(),
                        "shared-obd-calibration",
                        t.stationId(),
                        ids(named, t),
                        plates(named, t),
                        t.plate() + " reports OBD calibration " + t.obdCalId() + " / CVN " + t.obdCvn() + " as "
                                + makers.size() + " makers' vehicles did: "
                                + named.stream()
                                        .map(TestFacts::plate)
                                        .distinct()
                                        .collect(Collectors.joining(", "))));
            }
            recent.addLast(t);
        }
    }

    /**
     * Stations whose pass rate over the window lies the threshold or more above the median of the stations with
     * enough tests; the finding is one per station and month (Beijing time) of the window's end.
     */
    public List<Finding> passRateOutliers(List<StationTally> tallies, Instant windowEnd) {
        FraudRule rule = rules.of("pass-rate-outlier");
        List<StationTally> eligible = tallies.stream()
                .filter(t -> t.tests() >= rule.minCount())
                .sorted(Comparator.comparing(StationTally::stationId))
                .toList();
        // A median of fewer than three stations says nothing about what is usual.
        if (eligible.size() < 3) {
            return List.of();
        }
        double[] rates =
                eligible.stream().mapToDouble(StationTally::rate).sorted().toArray();
        double median = rates.length % 2 == 1
                ? rates[rates.length / 2]
                : (rates[rates.length / 2 - 1] + rates[rates.length / 2]) / 2;
        YearMonth month = YearMonth.from(windowEnd.atZone(ZONE));
        List<Finding> findings = new ArrayList<>();
        for (StationTally t : eligible) {
            double points = Math.round((t.rate() - median) * 100_000) / 1000.0;
            if (points >= rule.threshold()) {
                findings.add(new Finding(
                        "pass-rate-outlier/" + t.stationId() + "/" + month,
                        "pass-rate-outlier",
                        t.stationId(),
                        List.of(),
                        List.of(),
                        "pass rate " + percent(t.rate()) + " % over " + t.tests() + " tests in " + rule.windowDays()
                                + " days, " + number(points) + " points above the prefecture's median "
                                + percent(median) + " %"));
            }
        }
        return findings;
    }

    private static boolean within(double[] a, double[] b, double tolerance) {
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > tolerance) {
                return false;
            }
        }
        return true;
    }

    private static List<String> ids(List<TestFacts> earlier, TestFacts later) {
        List<String> ids = new ArrayList<>(earlier.stream().map(TestFacts::id).toList());
        ids.add(later.id());
        return ids;
    }

    private static List<String> plates(List<TestFacts> earlier, TestFacts later) {
        Set<String> plates = new LinkedHashSet<>();
        earlier.forEach(e -> plates.add(e.plate()));
        plates.add(later.plate());
        return List.copyOf(plates);
    }

    private static String minutes(Duration gap) {
        return gap.toMinutes() + " min " + gap.toSecondsPart() + " s";
    }

    private static String percent(double rate) {
        return number(Math.round(rate * 1000) / 10.0);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private record Curve(TestFacts test, double mean, long seconds) {}
}
