package cn.lantian.mobile.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each fraud signal with a case that raises it and one that does not, at the rule's edge. */
class FraudSignalsTests {

    static final FraudRules RULES = FraudRules.load(Map.of());
    static final FraudSignals SIGNALS = new FraudSignals(RULES);
    static final Instant T0 = Instant.parse("2026-10-01T02:00:00Z");
    static final double[] CURVE = {10, 12, 15, 20, 28, 35, 40, 38, 30, 22, 15, 11};

    static TestFacts test(String id, String plate, Instant at, boolean passed) {
        return new TestFacts(id, "ims-1", plate, "LDC" + "12345678901234", 2000, "asm", at, passed, null, null, null);
    }

    static TestFacts withMass(String id, int kg, String method) {
        return new TestFacts(id, "ims-1", "P-" + id, "LDC12345678901234", kg, method, T0, true, null, null, null);
    }

    static TestFacts withCurve(String id, String plate, Instant at, double[] curve) {
        return new TestFacts(id, "ims-1", plate, "LDC12345678901234", 2000, "asm", at, true, null, null, curve);
    }

    static TestFacts withObd(String id, String plate, String vin, Instant at, String cal, String cvn) {
        return new TestFacts(id, "ims-1", plate, vin, 2000, "asm", at, true, cal, cvn, null);
    }

    static List<String> signals(List<Finding> findings) {
        return findings.stream().map(Finding::signal).toList();
    }

    @Test
    void everySignalHasARowWithItsSource() {
        assertThat(RULES.all()).extracting(FraudRule::signal).containsExactlyElementsOf(FraudRules.SIGNALS);
        assertThat(RULES.all()).allSatisfy(r -> assertThat(r.source()).isNotBlank());
        assertThat(RULES.of("retest-within-minutes").threshold()).isEqualTo(30);
        assertThat(RULES.of("non-dynamometer-heavy").threshold()).isEqualTo(3500);
    }

    @Test
    void aConfiguredThresholdOverridesTheTablesAndAnUnknownSignalIsRefused() {
        FraudRules rules = FraudRules.load(Map.of("retest-within-minutes", 10.0));
        assertThat(rules.of("retest-within-minutes").threshold()).isEqualTo(10);
        assertThat(rules.of("retest-within-minutes").source()).contains("MEE");
        assertThatThrownBy(() -> FraudRules.load(Map.of("coin-toss", 1.0))).hasMessageContaining("coin-toss");
    }

    @Test
    void aRetestJustUnderThirtyMinutesAfterAFailureIsSuspectedAndOneAtThirtyIsNot() {
        List<Finding> under = SIGNALS.evaluate(List.of(
                test("a1", "P1", T0, false), test("a2", "P1", T0.plus(Duration.ofSeconds(30 * 60 - 1)), true)));
        assertThat(under).singleElement().satisfies(f -> {
            assertThat(f.signal()).isEqualTo("retest-within-minutes");
            assertThat(f.id()).isEqualTo("retest-within-minutes/a2");
            assertThat(f.testIds()).containsExactly("a1", "a2");
            assertThat(f.summary()).contains("P1", "29 min 59 s");
        });

        assertThat(SIGNALS.evaluate(
                        List.of(test("b1", "P2", T0, false), test("b2", "P2", T0.plus(Duration.ofMinutes(30)), true))))
                .isEmpty();
        assertThat(SIGNALS.evaluate(
                        List.of(test("c1", "P3", T0, true), test("c2", "P4", T0.plus(Duration.ofMinutes(5)), true))))
                .as("another vehicle")
                .isEmpty();
    }

    @Test
    void aSecondTestJustUnderAMonthAfterAPassIsSuspectedAndOneAtThirtyDaysIsNot() {
        List<Finding> under = SIGNALS.evaluate(List.of(
                test("a1", "P1", T0, true),
                test("a2", "P1", T0.plus(Duration.ofDays(30).minusSeconds(1)), true)));
        assertThat(signals(under)).containsExactly("second-test-within-month");
        assertThat(under.get(0).id()).isEqualTo("second-test-within-month/a2");

        assertThat(SIGNALS.evaluate(
                        List.of(test("b1", "P2", T0, true), test("b2", "P2", T0.plus(Duration.ofDays(30)), true))))
                .isEmpty();
        assertThat(SIGNALS.evaluate(
                        List.of(test("c1", "P3", T0, false), test("c2", "P3", T0.plus(Duration.ofDays(3)), true))))
                .as("a retest days after a failure is the closed loop at work")
                .isEmpty();
    }

    @Test
    void aNonDynamometerMethodAbove3500KgIsSuspectedAndAt3500KgOrOnADynamometerIsNot() {
        assertThat(SIGNALS.evaluate(List.of(withMass("h1", 3501, "free-acceleration"))))
                .singleElement()
                .satisfies(f -> assertThat(f.summary()).contains("3501 kg", "free-acceleration"));
        assertThat(signals(SIGNALS.evaluate(List.of(withMass("h2", 12_000, "two-speed-idle")))))
                .containsExactly("non-dynamometer-heavy");
        assertThat(SIGNALS.evaluate(List.of(withMass("h3", 3500, "free-acceleration"))))
                .isEmpty();
        assertThat(SIGNALS.evaluate(List.of(withMass("h4", 25_000, "lug-down"))))
                .isEmpty();
    }

    @Test
    void curvesOfTwoVehiclesWithinHalfAUnitEverywhereAreSuspectedAndOneFurtherAwayIsNot() {
        double[] close = CURVE.clone();
        close[5] += 0.5;
        close[7] -= 0.5;
        double[] apart = CURVE.clone();
        apart[5] += 0.51;

        List<Finding> found = SIGNALS.evaluate(
                List.of(withCurve("n1", "P1", T0, CURVE), withCurve("n2", "P2", T0.plus(Duration.ofDays(2)), close)));
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("near-identical-process/n2");
            assertThat(f.testIds()).containsExactly("n1", "n2");
            assertThat(f.plates()).containsExactly("P1", "P2");
        });

        assertThat(SIGNALS.evaluate(List.of(
                        withCurve("m1", "P1", T0, CURVE), withCurve("m2", "P2", T0.plus(Duration.ofDays(2)), apart))))
                .isEmpty();
        assertThat(signals(SIGNALS.evaluate(List.of(
                        withCurve("s1", "P1", T0, CURVE), withCurve("s2", "P1", T0.plus(Duration.ofDays(2)), close)))))
                .as("the same vehicle twice")
                .doesNotContain("near-identical-process");
        assertThat(SIGNALS.evaluate(List.of(
                        withCurve("w1", "P1", T0, CURVE), withCurve("w2", "P2", T0.plus(Duration.ofDays(31)), close))))
                .as("outside the 30-day window")
                .isEmpty();
    }

    @Test
    void oneCalibrationOnVehiclesOfTwoMakersIsSuspectedAndOnOneMakersIsNot() {
        List<Finding> found = SIGNALS.evaluate(List.of(
                withObd("o1", "P1", "LDC12345678901234", T0, "CAL-77", "A1B2"),
                withObd("o2", "P2", "LFV12345678901234", T0.plus(Duration.ofDays(1)), "CAL-77", "A1B2")));
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.signal()).isEqualTo("shared-obd-calibration");
            assertThat(f.testIds()).containsExactly("o1", "o2");
        });

        assertThat(SIGNALS.evaluate(List.of(
                        withObd("q1", "P1", "LDC12345678901234", T0, "CAL-77", "A1B2"),
                        withObd("q2", "P2", "LDC99999999999999", T0.plus(Duration.ofDays(1)), "CAL-77", "A1B2"))))
                .as("one maker's model shares its calibration")
                .isEmpty();
        assertThat(SIGNALS.evaluate(List.of(
                        withObd("r1", "P1", "LDC12345678901234", T0, "CAL-77", "A1B2"),
                        withObd("r2", "P2", "LFV12345678901234", T0.plus(Duration.ofDays(1)), "CAL-77", "FFFF"))))
                .as("another CVN")
                .isEmpty();
    }

    @Test
    void aStationEightPointsAboveTheMedianIsSuspectedAndOneAt7Point9IsNot() {
        Instant end = Instant.parse("2026-11-30T16:00:00Z");
        List<FraudSignals.StationTally> tallies = List.of(
                new FraudSignals.StationTally("s1", 1000, 850),
                new FraudSignals.StationTally("s2", 1000, 860),
                new FraudSignals.StationTally("s3", 1000, 870),
                new FraudSignals.StationTally("s4", 1000, 949),
                new FraudSignals.StationTally("s5", 1000, 950),
                new FraudSignals.StationTally("s6", 99, 99));
        List<Finding> found = SIGNALS.passRateOutliers(tallies, end);
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.stationId()).isEqualTo("s5");
            // The window ends on 1 December in Beijing time.
            assertThat(f.id()).isEqualTo("pass-rate-outlier/s5/2026-12");
            assertThat(f.summary()).contains("95 %", "8 points", "87 %");
        });
        assertThat(SIGNALS.passRateOutliers(tallies.subList(0, 2), end))
                .as("two stations make no median")
                .isEmpty();
    }
}
