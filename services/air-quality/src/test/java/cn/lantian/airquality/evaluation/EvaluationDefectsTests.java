package cn.lantian.airquality.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.airquality.aqi.AqiStandards;
import cn.lantian.airquality.observation.Observation;
import cn.lantian.airquality.station.Station;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The defects a review of the evaluation found (issue 17), each pinned by a test that failed before its fix. */
class EvaluationDefectsTests {

    private static final DailyValues DAILY = new DailyValues(AqiStandards.load(), EvaluationRules.load());
    private static final LocalDate DAY = LocalDate.of(2024, 1, 10);

    @Test
    void aDayWhosePmHadFewerThanTwentyValidHoursIsNotAGoodDay() {
        List<Observation> hours = new ArrayList<>();
        for (int h = 1; h <= 24; h++) {
            // PM only in 19 hours; every other pollutant low and complete.
            Double pm = h <= 19 ? 30.0 : null;
            hours.add(new Observation(
                    "S1", DailyValuesTests.hour(DAY, h), 5.0, 20.0, pm, pm, 0.5, 40.0, null, true, "N"));
        }
        DailyValue day = DAILY.ofStation(hours).get(0);
        assertThat(day.pm25()).isNull();
        assertThat(day.aqi()).as("NA: only the single values are published").isNull();
        YearStatistics stats = YearStatistics.of(List.of(day), DAILY.rules(), false);
        assertThat(stats.goodDays()).isZero();
        assertThat(stats.validDays()).isZero();
    }

    @Test
    void theDailyMaximumOneHourOzoneNeedsNoTwentyHours() {
        List<Observation> hours = new ArrayList<>();
        for (int h = 1; h <= 10; h++) {
            hours.add(new Observation(
                    "S1", DailyValuesTests.hour(DAY, h), 5.0, 20.0, 50.0, 30.0, 0.5, 40.0 + h, null, true, "N"));
        }
        assertThat(DAILY.ofStation(hours).get(0).o3_1h()).isEqualTo(50.0);
    }

    @Test
    void unitsAreEvaluatedFromTheirAssessmentStationsOnlyAndSayWhich() {
        List<Station> stations = List.of(
                new Station("2698A", "巡警大队", null, "national", 76.0, 39.45, "653101", null),
                new Station("KEDZ01", "经开区", null, "industrial", 75.93, 39.52, "653101", null),
                new Station("BC01", "巴楚县城", null, "county", 78.55, 39.78, "653130", null),
                new Station("TMS01", "图木舒克市区", null, "regional", 79.07, 39.87, "653130", "xpcc-3"),
                new Station("TMS02", "图木舒克工业园", null, "industrial", 79.12, 39.85, "653130", "xpcc-3"),
                new Station("R45", "四十五团", null, "regional", 77.9, 39.05, "653127", "xpcc-3-45"));
        Map<String, List<Observation>> hours = new HashMap<>();
        stations.forEach(s ->
                hours.put(s.id(), year(s.id(), s.kind().equals("industrial") || s.corpsUnit() != null ? 200.0 : 30.0)));
        YearEvaluation evaluation = new YearEvaluation(DAILY, EvaluationRuleSets.load(), Targets.load());
        YearEvaluation.Result result = evaluation.evaluate(2024, LocalDate.of(2024, 1, 31), stations, hours, Map.of());
        assertThat(unit(result, "653100").stationIds()).containsExactly("2698A");
        assertThat(unit(result, "653101").stationIds()).containsExactly("2698A");
        assertThat(unit(result, "653130").stationIds()).containsExactly("BC01");
        assertThat(unit(result, "xpcc-3").stationIds()).containsExactly("TMS01");
        assertThat(unit(result, "xpcc-3-45").stationIds()).containsExactly("R45");
        // Bachu's PM2.5 is its own town's, not Tumxuk's.
        assertThat(unit(result, "653130").measured().pm25Mean()).isEqualTo(30.0);
        assertThat(unit(result, "653100").measured().pm25Mean()).isEqualTo(30.0);
        assertThat(result.units())
                .noneMatch(
                        u -> u.stationIds().contains("KEDZ01") || u.stationIds().contains("TMS02"));
    }

    @Test
    void theHeavyDayTargetOf2024IncludesHalfAPercentAndTheCitationsNameThePlan() {
        Target t2024 = Targets.load().of(2024, Targets.PREFECTURE).orElseThrow();
        assertThat(t2024.heavyDayShare().op()).isEqualTo("<=");
        assertThat(t2024.heavyDayShare().met(0.5)).isTrue();
        assertThat(t2024.source()).contains("《喀什地区2024年大气污染防治攻坚行动实施方案》").contains("二");
    }

    private static YearEvaluation.UnitStanding unit(YearEvaluation.Result result, String id) {
        return result.units().stream()
                .filter(u -> u.unit().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no unit " + id));
    }

    /** January 2024, every hour, PM2.5 as given, PM10 twice that, the rest low. */
    private static List<Observation> year(String station, double pm25) {
        List<Observation> list = new ArrayList<>();
        Instant hour = LocalDate.of(2024, 1, 1).atTime(1, 0).toInstant(ZoneOffset.ofHours(8));
        Instant end = LocalDate.of(2024, 2, 1).atTime(1, 0).toInstant(ZoneOffset.ofHours(8));
        for (; hour.isBefore(end); hour = hour.plusSeconds(3600)) {
            list.add(new Observation(station, hour, 5.0, 20.0, pm25 * 2, pm25, 0.5, 40.0, null, true, "N"));
        }
        return list;
    }
}
