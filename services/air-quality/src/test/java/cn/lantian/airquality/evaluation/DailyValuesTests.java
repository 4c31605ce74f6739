package cn.lantian.airquality.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.airquality.aqi.AqiStandards;
import cn.lantian.airquality.observation.HourlyAqi;
import cn.lantian.airquality.observation.Observation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** HJ 663 validity thresholds and daily aggregation for stations and units. */
class DailyValuesTests {

    static final DailyValues DAILY = new DailyValues(AqiStandards.load(), EvaluationRules.load());
    static final LocalDate DAY = LocalDate.of(2024, 1, 10);

    /** Hour labels 1..24 of DAY (24 = next day 00:00), Beijing time. */
    static Instant hour(LocalDate day, int label) {
        return day.atStartOfDay(HourlyAqi.CHINA).plusHours(label).toInstant();
    }

    static List<Observation> hours(int count, IntFunction<Double> pm25, IntFunction<Double> o3) {
        List<Observation> list = new ArrayList<>();
        for (int h = 1; h <= count; h++) {
            list.add(new Observation(
                    "S1", hour(DAY, h), 10.0, 30.0, 100.0, pm25.apply(h), 1.0, o3.apply(h), null, true, "N"));
        }
        return list;
    }

    @Test
    void dailyMeanNeedsTwentyValidHours() {
        assertThat(DAILY.ofStation(hours(20, h -> 80.0, h -> 50.0)).get(0).pm25())
                .isEqualTo(80.0);
        assertThat(DAILY.ofStation(hours(19, h -> 80.0, h -> 50.0)).get(0).pm25())
                .isNull();
    }

    @Test
    void invalidHoursCountNowhere() {
        List<Observation> list = new ArrayList<>(hours(24, h -> 80.0, h -> 50.0));
        for (int i = 0; i < 5; i++) {
            Observation o = list.get(i);
            list.set(
                    i,
                    new Observation(o.station(), o.hour(), 999.0, 999.0, 999.0, 999.0, 99.0, 999.0, null, false, "M"));
        }
        DailyValue day = DAILY.ofStation(list).get(0);
        assertThat(day.pm25()).isNull();
        assertThat(day.so2()).isNull();
    }

    @Test
    void midnightBelongsToThePreviousDay() {
        List<DailyValue> days = DAILY.ofStation(hours(24, h -> h == 24 ? 320.0 : 80.0, h -> 50.0));
        assertThat(days).hasSize(1);
        // (23 * 80 + 320) / 24 = 90
        assertThat(days.get(0).pm25()).isEqualTo(90.0);
    }

    @Test
    void eightHourOzoneNeedsSixOfEightHoursAndFourteenWindows() {
        // O3 rises to 200 in hours 13..20: the best window (ending 20) averages 200.
        DailyValue full = DAILY.ofStation(hours(24, h -> 30.0, h -> h >= 13 && h <= 20 ? 200.0 : 40.0))
                .get(0);
        assertThat(full.o3_8h()).isEqualTo(200.0);
        assertThat(full.o3_1h()).isEqualTo(200.0);
        // Hours 1..3 missing: windows ending 8..10 have 5..7 hours; the one ending 8 (hours 1-8) has 5 -> invalid,
        // still 16 valid windows: the day stays valid.
        List<Observation> gaps = new ArrayList<>(hours(24, h -> 30.0, h -> 40.0));
        gaps.subList(0, 3).clear();
        assertThat(DAILY.ofStation(gaps).get(0).o3_8h()).isEqualTo(40.0);
        // Only 13 valid windows: hours 1..10 missing leaves windows ending 16..24 with >= 6 hours (9 windows) plus
        // none earlier, so no daily maximum 8-hour value.
        List<Observation> sparse = new ArrayList<>(hours(24, h -> 30.0, h -> 40.0));
        sparse.subList(0, 10).clear();
        assertThat(DAILY.ofStation(sparse).get(0).o3_8h()).isNull();
    }

    @Test
    void dailyAqiUsesTheDailyIndicatorsAndNamesItsVersion() {
        DailyValue day = DAILY.ofStation(hours(24, h -> 80.0, h -> 50.0)).get(0);
        assertThat(day.aqi()).isEqualTo(107);
        assertThat(day.primary()).isEqualTo("PM2.5");
        assertThat(day.standard()).isEqualTo("HJ633-2012");
    }

    @Test
    void unitValueIsTheMeanOfItsStationsAndDustIsFlaggedWithItsBasis() {
        DailyValue a = new DailyValue(DAY, 10.0, 30.0, 700.0, 120.0, 1.0, 60.0, 50.0, null, null, null, false, null);
        DailyValue b = new DailyValue(DAY, 20.0, 40.0, 500.0, 100.0, 1.2, 80.0, 70.0, null, null, null, false, null);
        DailyValue unit =
                DAILY.ofUnit(List.of(List.of(a), List.of(b)), Map.of()).get(0);
        assertThat(unit.pm10()).isEqualTo(600.0);
        assertThat(unit.pm25()).isEqualTo(110.0);
        assertThat(unit.co()).isEqualTo(1.1);
        assertThat(unit.aqi()).isEqualTo(500);
        assertThat(unit.dust()).isTrue();
        assertThat(unit.dustBasis()).contains("PM2.5/PM10 0.18");
        DailyValue fine = new DailyValue(DAY, 10.0, 30.0, 200.0, 150.0, 1.0, 60.0, 50.0, null, null, null, false, null);
        assertThat(DAILY.ofUnit(List.of(List.of(fine)), Map.of()).get(0).dust()).isFalse();
        assertThat(DAILY.ofUnit(List.of(List.of(fine)), Map.of(DAY, "气象部门沙尘天气记录"))
                        .get(0)
                        .dustBasis())
                .isEqualTo("气象部门沙尘天气记录");
    }
}
