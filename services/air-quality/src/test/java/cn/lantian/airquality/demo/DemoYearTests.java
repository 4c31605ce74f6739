package cn.lantian.airquality.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.airquality.aqi.AqiStandards;
import cn.lantian.airquality.evaluation.DailyValues;
import cn.lantian.airquality.evaluation.EvaluationRuleSets;
import cn.lantian.airquality.evaluation.EvaluationRules;
import cn.lantian.airquality.evaluation.Targets;
import cn.lantian.airquality.evaluation.YearEvaluation;
import cn.lantian.airquality.observation.Observation;
import cn.lantian.airquality.station.Station;
import cn.lantian.reference.Jurisdictions;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generated demo year looks like Kashgar's and leaves the prefecture close to its 2024 targets. */
class DemoYearTests {

    static List<DemoStation> stations;
    static List<Observation> hours;
    static YearEvaluation.Result result;

    @BeforeAll
    static void generate() {
        stations = DemoStations.load(Jurisdictions.load());
        hours = new DemoYear(DemoShape.load()).generate(stations);
        List<Station> plain = stations.stream().map(DemoStation::station).toList();
        Map<String, List<Observation>> byStation = hours.stream().collect(Collectors.groupingBy(Observation::station));
        result = new YearEvaluation(new DailyValues(AqiStandards.load(), EvaluationRules.load()), EvaluationRuleSets.load(), Targets.load())
                .evaluate(2024, LocalDate.of(2024, 12, 31), plain, byStation, Map.of());
    }

    @Test
    void twentyStationsAcrossCountiesAndCorpsUnitsWithTheRealNationalOnes() {
        assertThat(stations).hasSize(20);
        assertThat(stations).extracting(s -> s.station().id()).contains("2698A", "2699A", "2700A");
        assertThat(stations).filteredOn(s -> s.station().id().startsWith("269")).allSatisfy(
                s -> assertThat(s.station().jurisdiction()).isEqualTo("653101"));
        assertThat(stations.stream().map(s -> s.station().jurisdiction()).distinct().count()).isGreaterThanOrEqualTo(12);
        assertThat(stations).filteredOn(s -> s.station().corpsUnit() != null).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void yearHasDustStormsHeatingPeaksGapsAndFlaggedHours() {
        assertThat(hours.size()).isBetween(20 * 8784 * 95 / 100, 20 * 8784 - 1);
        assertThat(hours).anySatisfy(o -> assertThat(o.pm10()).isGreaterThan(900.0));
        long springDust = hours.stream().filter(o -> o.pm10() > 600 && o.hour().atZone(java.time.ZoneOffset.ofHours(8))
                .getMonth().compareTo(Month.MARCH) >= 0 && o.hour().atZone(java.time.ZoneOffset.ofHours(8)).getMonthValue() <= 5).count();
        assertThat(springDust).isGreaterThan(100);
        assertThat(hours).filteredOn(o -> !o.valid()).hasSizeGreaterThan(100);
        double januaryPm25 = hours.stream().filter(o -> o.hour().atZone(java.time.ZoneOffset.ofHours(8)).getMonthValue() == 1)
                .mapToDouble(Observation::pm25).average().orElseThrow();
        double septemberPm25 = hours.stream().filter(o -> o.hour().atZone(java.time.ZoneOffset.ofHours(8)).getMonthValue() == 9)
                .mapToDouble(Observation::pm25).average().orElseThrow();
        assertThat(januaryPm25).isGreaterThan(1.5 * septemberPm25);
    }

    @Test
    void prefectureEndsCloseToItsTargets() {
        YearEvaluation.UnitStanding prefecture = result.units().stream().filter(u -> u.unit().equals("653100")).findFirst().orElseThrow();
        assertThat(prefecture.measured().goodDayShare()).isBetween(36.0, 50.0);
        assertThat(prefecture.measured().pm25Mean()).isBetween(50.0, 65.0);
        assertThat(prefecture.dustDeducted().pm25Mean()).isBetween(45.0, 58.0);
        assertThat(prefecture.dustDeducted().heavyDayShare()).isLessThan(2.0);
        assertThat(prefecture.measured().dustDays()).isGreaterThan(10);
        assertThat(result.aqiStandard()).isEqualTo("HJ633-2012");
        assertThat(result.evaluationRules()).isEqualTo("HJ663-2013");
    }
}
