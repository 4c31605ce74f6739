package cn.lantian.airquality.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.airquality.aqi.AqiStandards;
import cn.lantian.airquality.observation.Observation;
import cn.lantian.airquality.station.Station;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Evaluation rules as versioned data, the 3-year rolling mean, and county targets added as data. */
class EvaluationVersionsTests {

    static final EvaluationRuleSets VERSIONS = EvaluationRuleSets.load();
    static final List<Station> STATIONS = List.of(
            new Station("KS", "喀什", null, "county", 75.99, 39.47, "653101", null),
            new Station("SC", "莎车", null, "county", 77.24, 38.41, "653125", null));

    @Test
    void aYearIsAssessedByTheVersionInForceAtItsEnd() {
        assertThat(VERSIONS.forYear(2024).id()).isEqualTo("HJ663-2013");
        assertThat(VERSIONS.forYear(2025).id()).isEqualTo("HJ663-2013");
        assertThat(VERSIONS.forYear(2026).id()).isEqualTo("HJ663-2026");
        assertThat(VERSIONS.forYear(2010).id()).isEqualTo("HJ663-2013");
    }

    @Test
    void theRevisionStatesWhatIsConfirmedAndMarksEverythingElse() {
        EvaluationRules old = VERSIONS.forYear(2024);
        EvaluationRules revised = VERSIONS.forYear(2026);
        assertThat(old.officialFigures()).isEqualTo("measured");
        assertThat(old.rollingYears()).isEqualTo(1);
        assertThat(old.unconfirmed()).isEmpty();
        assertThat(revised.officialFigures()).isEqualTo("exceptional-events-deducted");
        assertThat(revised.rollingYears()).isEqualTo(3);
        assertThat(revised.appliesFrom()).isEqualTo(LocalDate.of(2026, 3, 1));
        // Every figure carried over from 2013 is marked, so none passes for confirmed by accident.
        assertThat(revised.unconfirmed())
                .contains("appliesFrom", "min8hMeansPerDay", "heavyDayMinAqi", "o3PercentileAnnual", "rollingYears");
        // The validity minimums are GB 3095-2026 Table 4's, read from its print: no longer marked.
        assertThat(revised.unconfirmed())
                .doesNotContain("minValidHoursPerDay", "minValidHoursPer8h", "minValidDaysPerYear");
    }

    @Test
    void everyResultNamesTheRulesThatProducedIt() {
        YearEvaluation evaluation = evaluation(Targets.load());
        YearEvaluation.Result y2024 =
                evaluation.evaluate(2024, LocalDate.of(2024, 12, 31), STATIONS, hours(2024, 80), Map.of());
        YearEvaluation.Result y2026 =
                evaluation.evaluate(2026, LocalDate.of(2026, 12, 31), STATIONS, hours(2026, 80), Map.of());
        assertThat(y2024.evaluationRules()).isEqualTo("HJ663-2013");
        assertThat(y2024.officialFigures()).isEqualTo("measured");
        assertThat(y2026.evaluationRules()).isEqualTo("HJ663-2026");
        assertThat(y2024.aqiStandard()).isEqualTo("HJ633-2012");
        assertThat(y2026.aqiStandard()).isEqualTo("HJ633-2012,HJ633-2026");
        assertThat(y2026.officialFigures()).isEqualTo("exceptional-events-deducted");
        assertThat(y2026.unconfirmedRules()).contains("min8hMeansPerDay");
        assertThat(y2026.units())
                .allSatisfy(u -> assertThat(u.pm25RollingMean()).isNull());
    }

    @Test
    void theRollingMeanAveragesThreeAnnualMeansAndNeedsAllThree() {
        assertThat(YearEvaluation.rollingMean(Arrays.asList(50.0, 45.0, 40.5), 3))
                .isEqualTo(45.2);
        assertThat(YearEvaluation.rollingMean(Arrays.asList(50.0, null, 40.0), 3))
                .isNull();
        assertThat(YearEvaluation.rollingMean(List.of(45.0, 40.0), 3)).isNull();
        assertThat(YearEvaluation.rollingMean(List.of(45.0), 1)).isNull();

        YearEvaluation evaluation = evaluation(Targets.load());
        YearEvaluation.Result y2024 =
                evaluation.evaluate(2024, LocalDate.of(2024, 12, 31), STATIONS, hours(2024, 60), Map.of());
        YearEvaluation.Result y2025 =
                evaluation.evaluate(2025, LocalDate.of(2025, 12, 31), STATIONS, hours(2025, 50), Map.of());
        YearEvaluation.Result y2026 = evaluation
                .evaluate(2026, LocalDate.of(2026, 12, 31), STATIONS, hours(2026, 40), Map.of())
                .withEarlierYears(List.of(y2024, y2025));
        // (60 + 50 + 40) / 3 for every unit; the year alone stays as it was.
        assertThat(y2026.units()).allSatisfy(u -> {
            assertThat(u.pm25RollingMean()).isEqualTo(50.0);
            assertThat(u.measured().pm25Mean()).isEqualTo(40.0);
        });
    }

    @Test
    void aCountyTargetAddedAsDataIsEvaluatedAndOtherCountiesUseThePrefectures() {
        Targets withCounty = Targets.load("/evaluation-county/targets.json");
        YearEvaluation.Result result =
                evaluation(withCounty).evaluate(2024, LocalDate.of(2024, 12, 31), STATIONS, hours(2024, 80), Map.of());
        YearEvaluation.UnitStanding shache = unit(result, "653125");
        YearEvaluation.UnitStanding kashgar = unit(result, "653101");
        assertThat(shache.target().unit()).isEqualTo("653125");
        assertThat(shache.progress())
                .extracting(Progress::indicator, Progress::target, Progress::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("good-day-share", 10.0, Progress.MISSED),
                        org.assertj.core.groups.Tuple.tuple("heavy-day-share", 50.0, Progress.MET),
                        org.assertj.core.groups.Tuple.tuple("pm25-mean", 90.0, Progress.MET));
        assertThat(kashgar.target().unit()).isEqualTo("653100");
        assertThat(kashgar.progress())
                .filteredOn(p -> p.indicator().equals("pm25-mean"))
                .singleElement()
                .satisfies(p -> assertThat(p.status()).isEqualTo(Progress.MISSED));
        // The shipped file has no county rows: the plan gives none.
        assertThat(unit(
                                evaluation(Targets.load())
                                        .evaluate(
                                                2024, LocalDate.of(2024, 12, 31), STATIONS, hours(2024, 80), Map.of()),
                                "653125")
                        .target()
                        .unit())
                .isEqualTo("653100");
    }

    private static YearEvaluation evaluation(Targets targets) {
        return new YearEvaluation(new DailyValues(AqiStandards.load(), EvaluationRules.load()), VERSIONS, targets);
    }

    private static YearEvaluation.UnitStanding unit(YearEvaluation.Result result, String id) {
        return result.units().stream()
                .filter(u -> u.unit().equals(id))
                .findFirst()
                .orElseThrow();
    }

    /** Every hour of the year at both stations: PM2.5 as given (AQI above 100 at 80), the rest low. */
    private static Map<String, List<Observation>> hours(int year, double pm25) {
        Map<String, List<Observation>> out = new java.util.HashMap<>();
        for (Station s : STATIONS) {
            List<Observation> list = new ArrayList<>();
            var hour = LocalDate.of(year, 1, 1).atTime(1, 0).toInstant(ZoneOffset.ofHours(8));
            var end = LocalDate.of(year + 1, 1, 1).atTime(1, 0).toInstant(ZoneOffset.ofHours(8));
            for (; hour.isBefore(end); hour = hour.plusSeconds(3600)) {
                list.add(new Observation(s.id(), hour, 5.0, 20.0, 60.0, pm25, 0.5, 40.0, null, true, "N"));
            }
            out.put(s.id(), list);
        }
        return out;
    }
}
