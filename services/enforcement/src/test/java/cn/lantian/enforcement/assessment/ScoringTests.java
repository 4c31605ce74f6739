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

    @Test
    void theShippedWeightsNameTheirSourceAndAddUpToOne() {
        assertThat(WEIGHTS.source()).contains("四.三");
        assertThat(WEIGHTS.components().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void aUnitsScoreIsTheWeightedMeanOfItsComponents() {
        // targets: met 100, at-risk 50, missed 0 -> 50
        // tasks: boilers 1/2 -> 50, trucks 30/20 -> capped 100, fire points 3/4 -> 75 -> mean 75
        // timeliness: 3 on time of 4 -> 75
        UnitFacts facts = new UnitFacts("653125",
                Map.of("good-day-share", "met", "heavy-day-share", "at-risk", "pm25-mean", "missed"),
                Map.of(BOILER, 1L, TRUCK, 30L, FIRE_DONE, 3L, FIRE_FOUND, 4L), 3, 1);

        Scorecard card = scoring.scoreOne("2024-H1", facts);

        assertThat(card.components()).containsEntry("targets", 50.0).containsEntry("tasks", 75.0)
                .containsEntry("timeliness", 75.0);
        assertThat(card.score()).isEqualTo(0.5 * 50 + 0.3 * 75 + 0.2 * 75);
    }

    @Test
    void aComponentWithoutDataIsLeftOutAndTheOtherWeightsRenormalised() {
        // No case due in the period: timeliness is left out. targets (on-track 100, at-risk 50) -> 75;
        // tasks: boilers 2/2 -> 100, trucks 10/20 -> 50, fire points none detected -> not scored -> mean 75.
        UnitFacts facts = new UnitFacts("653130", Map.of("pm25-mean", "on-track", "good-day-share", "at-risk"),
                Map.of(BOILER, 2L, TRUCK, 10L), 0, 0);
        Scorecard card = scoring.scoreOne("2024-H1", facts);
        assertThat(card.components()).doesNotContainKey("timeliness").containsEntry("targets", 75.0).containsEntry("tasks", 75.0);
        assertThat(card.score()).isEqualTo(75.0);
        assertThat(((Map<?, ?>) card.details().get("tasks")).keySet().toString()).isEqualTo("[boilers-phased-out, trucks-scrapped]");
    }

    @Test
    void aQuotaTaskWithNothingDoneScoresZeroRatherThanNothing() {
        Scorecard card = scoring.scoreOne("2024-H1", new UnitFacts("653130", Map.of("pm25-mean", "met"), Map.of(), 0, 0));
        assertThat(card.components()).containsEntry("tasks", 0.0);
        assertThat(card.score()).isEqualTo(62.5);
    }

    @Test
    void aUnitWithoutAnyDataScoresZero() {
        assertThat(scoring.scoreOne("2024-H1", new UnitFacts("653131", Map.of(), Map.of(), 0, 0)).score()).isZero();
    }

    @Test
    void ranksShareTiesAndLaggardsAreTheLowOnesAndTheBottom() {
        List<Scorecard> cards = scoring.score("2024-H1", List.of(
                new UnitFacts("653101", Map.of("pm25-mean", "met"), Map.of(), 0, 0),
                new UnitFacts("653121", Map.of("pm25-mean", "met"), Map.of(), 0, 0),
                new UnitFacts("653122", Map.of("pm25-mean", "at-risk"), Map.of(), 0, 0),
                new UnitFacts("653123", Map.of("pm25-mean", "on-track"), Map.of(), 1, 1),
                new UnitFacts("653124", Map.of("pm25-mean", "met"), Map.of(), 1, 0),
                new UnitFacts("xpcc-3", Map.of("pm25-mean", "missed"), Map.of(), 0, 0)));

        // With no task reported every unit's tasks score 0: 653124 (50 + 0 + 20) = 70; 653101 and 653121 50 / 0.8 = 62.5;
        // 653123 (50 + 0 + 0.2 * 50) = 60; 653122 25 / 0.8 = 31.25; xpcc-3 0.
        assertThat(cards).extracting(Scorecard::unit).containsExactly("653124", "653101", "653121", "653123", "653122", "xpcc-3");
        assertThat(cards).extracting(Scorecard::score).containsExactly(70.0, 62.5, 62.5, 60.0, 31.25, 0.0);
        assertThat(cards).extracting(Scorecard::rank).containsExactly(1, 2, 2, 4, 5, 6);
        assertThat(cards).extracting(Scorecard::flaggedForSupervision).containsExactly(false, false, false, false, true, true);
    }
}
