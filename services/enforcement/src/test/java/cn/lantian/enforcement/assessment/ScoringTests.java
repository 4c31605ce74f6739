package cn.lantian.enforcement.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoringTests {

    static final Weights WEIGHTS = Weights.load("assessment/weights.json");
    final Scoring scoring = new Scoring(WEIGHTS);

    static final String BOILER = "lantian.stationary.boiler-phased-out.v1";
    static final String TRUCK = "lantian.mobile.truck-scrapped.v1";
    static final String FIRE_DONE = "lantian.straw.fire-point-handled.v1";
    static final String FIRE_FOUND = "lantian.straw.fire-point-detected.v1";
    static final String FINDING_RAISED = "lantian.stationary.rule-finding-raised.v1";
    static final String FINDING_RESOLVED = "lantian.stationary.rule-finding-resolved.v1";
    static final String MONITOR_MISSING = "lantian.dust.site-monitor-missing.v1";

    @Test
    void theShippedWeightsNameTheirSourceAndAddUpToOne() {
        assertThat(WEIGHTS.source()).contains("四.三");
        assertThat(WEIGHTS.components().values().stream()
                        .mapToDouble(Double::doubleValue)
                        .sum())
                .isCloseTo(1.0, within(1e-9));
    }

    @Test
    void aUnitsScoreIsTheWeightedMeanOfItsComponents() {
        // targets: met 100, at-risk 50, missed 0 -> 50
        // tasks: boilers 1/2 -> 50, trucks 30/20 -> capped 100, fire points 3/4 -> 75 -> mean 75
        // timeliness: 3 on time of 4 -> 75
        UnitFacts facts = new UnitFacts(
                "653125",
                Map.of("good-day-share", "met", "heavy-day-share", "at-risk", "pm25-mean", "missed"),
                Map.of(BOILER, 1L, TRUCK, 30L, FIRE_DONE, 3L, FIRE_FOUND, 4L),
                3,
                1);

        Scorecard card = scoring.scoreOne("2024-H1", facts);

        assertThat(card.components())
                .containsEntry("targets", 50.0)
                .containsEntry("tasks", 75.0)
                .containsEntry("timeliness", 75.0);
        assertThat(card.score()).isEqualTo(0.5 * 50 + 0.3 * 75 + 0.2 * 75);
    }

    @Test
    void aComponentWithoutDataIsLeftOutAndTheOtherWeightsRenormalised() {
        // No case due in the period: timeliness is left out. targets (on-track 100, at-risk 50) -> 75;
        // tasks: boilers 2/2 -> 100, trucks 10/20 -> 50, fire points none detected -> not scored -> mean 75.
        UnitFacts facts = new UnitFacts(
                "653130",
                Map.of("pm25-mean", "on-track", "good-day-share", "at-risk"),
                Map.of(BOILER, 2L, TRUCK, 10L),
                0,
                0);
        Scorecard card = scoring.scoreOne("2024-H1", facts);
        assertThat(card.components())
                .doesNotContainKey("timeliness")
                .containsEntry("targets", 75.0)
                .containsEntry("tasks", 75.0);
        assertThat(card.score()).isEqualTo(75.0);
        assertThat(((Map<?, ?>) card.details().get("tasks")).keySet().toString())
                .isEqualTo("[boilers-phased-out, trucks-scrapped]");
    }

    @Test
    void aQuotaTaskWithNothingDoneScoresZeroRatherThanNothing() {
        Scorecard card =
                scoring.scoreOne("2024-H1", new UnitFacts("653130", Map.of("pm25-mean", "met"), Map.of(), 0, 0));
        assertThat(card.components()).containsEntry("tasks", 0.0);
        assertThat(card.score()).isEqualTo(62.5);
    }

    @Test
    void aUnitWithoutAnyDataScoresZero() {
        assertThat(scoring.scoreOne("2024-H1", new UnitFacts("653131", Map.of(), Map.of(), 0, 0))
                        .score())
                .isZero();
    }

    @Test
    void ranksShareTiesAndLaggardsAreTheLowOnesAndTheBottom() {
        List<Scorecard> cards = scoring.score(
                "2024-H1",
                List.of(
                        new UnitFacts("653101", Map.of("pm25-mean", "met"), Map.of(), 0, 0),
                        new UnitFacts("653121", Map.of("pm25-mean", "met"), Map.of(), 0, 0),
                        new UnitFacts("653122", Map.of("pm25-mean", "at-risk"), Map.of(), 0, 0),
                        new UnitFacts("653123", Map.of("pm25-mean", "on-track"), Map.of(), 1, 1),
                        new UnitFacts("653124", Map.of("pm25-mean", "met"), Map.of(), 1, 0),
                        new UnitFacts("xpcc-3", Map.of("pm25-mean", "missed"), Map.of(), 0, 0)));

        // With no task reported every unit's tasks score 0: 653124 (50 + 0 + 20) = 70; 653101 and 653121 50 / 0.8 =
        // 62.5;
        // 653123 (50 + 0 + 0.2 * 50) = 60; 653122 25 / 0.8 = 31.25; xpcc-3 0.
        assertThat(cards)
                .extracting(Scorecard::unit)
                .containsExactly("653124", "653101", "653121", "653123", "653122", "xpcc-3");
        assertThat(cards).extracting(Scorecard::score).containsExactly(70.0, 62.5, 62.5, 60.0, 31.25, 0.0);
        assertThat(cards).extracting(Scorecard::rank).containsExactly(1, 2, 2, 4, 5, 6);
        assertThat(cards)
                .extracting(Scorecard::flaggedForSupervision)
                .containsExactly(false, false, false, false, true, true);
    }

    @Test
    void cemsInstalledCountsOnlyAutomaticMonitoringFindingsAndSitesWithMonitorsCountsClosedCases() {
        // cems-installed: 1 of 4 CEMS findings resolved -> 25 (the boiler phase-out finding resolved does not count);
        // sites-with-monitors: 3 of 4 sites reported without a monitor got their case closed -> 75;
        // with boilers 2/2 -> 100 and trucks 0/20 -> 0 the tasks mean (100 + 0 + 25 + 75) / 4 = 50.
        Map<String, Long> counts = Map.of(
                BOILER,
                2L,
                FINDING_RAISED,
                9L,
                UnitFacts.ofRule(FINDING_RAISED, "boiler-coal-cems"),
                3L,
                UnitFacts.ofRule(FINDING_RAISED, "boiler-gas-cems"),
                1L,
                FINDING_RESOLVED,
                5L,
                UnitFacts.ofRule(FINDING_RESOLVED, "boiler-coal-cems"),
                1L,
                UnitFacts.ofRule(FINDING_RESOLVED, "boiler-coal-urban-phase-out"),
                4L,
                MONITOR_MISSING,
                4L,
                UnitFacts.closedFrom(MONITOR_MISSING),
                3L);

        Scorecard card = scoring.scoreOne("2024-H1", new UnitFacts("653125", Map.of(), counts, 0, 0));

        @SuppressWarnings("unchecked")
        Map<String, Object> tasks = (Map<String, Object>) card.details().get("tasks");
        assertThat(tasks)
                .containsEntry("cems-installed", 25.0)
                .containsEntry("sites-with-monitors", 75.0)
                .doesNotContainKey("fire-points-handled");
        assertThat(card.components()).containsEntry("tasks", 50.0);
    }

    @Test
    void theShippedTasksAreAllScoredAndNameWhatCounts() {
        assertThat(WEIGHTS.tasks()).allMatch(Weights.Task::scored);
        assertThat(WEIGHTS.countedTypes()).contains(FINDING_RAISED, FINDING_RESOLVED, MONITOR_MISSING);
        assertThat(WEIGHTS.closedCaseTypes()).containsExactly(MONITOR_MISSING);
    }
}
