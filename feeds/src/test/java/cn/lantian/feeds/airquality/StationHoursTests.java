package cn.lantian.feeds.airquality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StationHoursTests {

    static final int YEAR = 2025;
    static StationHours hours;
    static double[] realPm10Range;
    static double[] realPm25Range;

    @BeforeAll
    static void load() throws IOException {
        hours = new StationHours(HourShape.load(), StormEpisode.replayedIn(2024));
        List<Double> pm10 = new ArrayList<>();
        List<Double> pm25 = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                StationHoursTests.class.getResourceAsStream("/episodes/kashgar-2020-04-dust-hourly.csv"),
                StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",", -1);
                if (!f[4].equals("NaN")) {
                    pm10.add(Double.valueOf(f[4]));
                }
                if (!f[3].equals("NaN")) {
                    pm25.add(Double.valueOf(f[3]));
                }
            }
        }
        realPm10Range = new double[] {
            pm10.stream().mapToDouble(d -> d).min().orElseThrow(),
            pm10.stream().mapToDouble(d -> d).max().orElseThrow()
        };
        realPm25Range = new double[] {
            pm25.stream().mapToDouble(d -> d).min().orElseThrow(),
            pm25.stream().mapToDouble(d -> d).max().orElseThrow()
        };
    }

    @Test
    void seasonalMeansLieWithinTheRealHoursRange() {
        double realStormWeekPm10 = 368; // mean PM10 of the real storm week's hours
        for (int month = 1; month <= 12; month++) {
            double[] mean = monthlyMean("2698A", 1.0, month);
            // No month is as bad as the storm week; the dust season's months lie within the real spring hours' range.
            assertThat(mean[0]).as("PM10 mean of month %d", month).isLessThan(realStormWeekPm10);
            if (month >= 3 && month <= 5) {
                assertThat(mean[0])
                        .as("PM10 mean of dust-season month %d", month)
                        .isBetween(realPm10Range[0], realPm10Range[1]);
                assertThat(mean[1])
                        .as("PM2.5 mean of dust-season month %d", month)
                        .isBetween(realPm25Range[0], realPm25Range[1]);
            }
        }
    }

    @Test
    void springIsDustierAndWinterFinerThanSummer() {
        double[] spring = seasonMean("SC01", 1.05, 3, 4, 5);
        double[] summer = seasonMean("SC01", 1.05, 7, 8, 9);
        double[] winter = seasonMean("SC01", 1.05, 1, 2, 12);
        assertThat(spring[0]).isGreaterThan(summer[0] * 1.2);
        assertThat(winter[1] / winter[0])
                .isGreaterThan(summer[1] / summer[0] * 1.3)
                .isGreaterThan(0.35);
        assertThat(winter[1]).isGreaterThan(summer[1] * 1.5);
    }

    private static double[] seasonMean(String station, double level, int... months) {
        double[] sum = new double[2];
        for (int month : months) {
            double[] mean = monthlyMean(station, level, month);
            sum[0] += mean[0] / months.length;
            sum[1] += mean[1] / months.length;
        }
        return sum;
    }

    @Test
    void heatingSeasonNightsCarryMoreFineParticlesThanAfternoons() {
        double night = 0;
        double afternoon = 0;
        LocalDate day = LocalDate.of(YEAR, 1, 1);
        for (int d = 0; d < 59; d++, day = day.plusDays(1)) {
            night += pm25(hours.at("2698A", 1.0, beijing(day, 2)));
            afternoon += pm25(hours.at("2698A", 1.0, beijing(day, 17)));
        }
        assertThat(night).isGreaterThan(afternoon * 1.2);
    }

    @Test
    void sameStationAndHourGiveTheSameValues() {
        Instant hour = beijing(LocalDate.of(YEAR, 3, 14), 9);
        assertThat(new StationHours(HourShape.load(), StormEpisode.replayedIn(2024)).at("BC01", 1.08, hour))
                .isEqualTo(hours.at("BC01", 1.08, hour));
        assertThat(hours.at("BC01", 1.08, hour)).isNotEqualTo(hours.at("BC01", 1.08, hour.plus(1, ChronoUnit.HOURS)));
    }

    @Test
    void theApril2020StormIsReplayedWithItsRealHoursAtTheRealStations() {
        StormEpisode storm = StormEpisode.replayedIn(2024);
        // 2020-04-02T09:00+08:00, 2699A: PM2.5 243, PM10 776 (the first line of the real file)
        Instant first = beijing(LocalDate.of(2024, 4, 2), 9);
        assertThat(storm.first()).isEqualTo(first);
        StationHour real = hours.at("2699A", 1.0, first);
        if (real != null) { // a station hour may be one of the few missing ones
            assertThat(real.pm10()).isEqualTo(776.0);
            assertThat(real.pm25()).isEqualTo(243.0);
        }
        StationHour elsewhere = hours.at("SC01", 1.1, first);
        assertThat(elsewhere == null || elsewhere.pm10() > 700).isTrue();
        // The same calendar hour of another year is generated, not replayed.
        StationHour later = hours.at("2699A", 1.0, beijing(LocalDate.of(2025, 4, 2), 9));
        assertThat(later == null || later.pm10() != 776.0 || later.pm25() != 243.0)
                .isTrue();
    }

    @Test
    void everyStormHourCarriesTheSixPollutantsOfTheInboundFormatOrIsMissing() {
        StormEpisode storm = StormEpisode.replayedIn(2024);
        int replayed = 0;
        for (Instant h = storm.first(); !h.isAfter(storm.last()); h = h.plus(1, ChronoUnit.HOURS)) {
            for (String station : List.of("2698A", "2699A", "2700A", "SC01")) {
                StationHour hour = hours.at(station, 1.0, h);
                if (hour == null) {
                    continue;
                }
                replayed++;
                assertThat(new Double[] {hour.so2(), hour.no2(), hour.pm10(), hour.pm25(), hour.co(), hour.o3()})
                        .as("%s at %s", station, h)
                        .doesNotContainNull();
            }
        }
        assertThat(replayed).isGreaterThan(300);
        // 2020-04-02T23:00+08:00: 2698A published nothing (NaN); the hour takes 2699A's and 2700A's mean (436, 379).
        StationHour gap = hours.at("2698A", 1.0, beijing(LocalDate.of(2024, 4, 2), 23));
        if (gap != null) { // unless it is one of the few hours the generator leaves out
            assertThat(gap.pm10()).isEqualTo(407.5);
        }
    }

    private static double[] monthlyMean(String station, double level, int month) {
        double pm10 = 0;
        double pm25 = 0;
        int n = 0;
        LocalDate first = LocalDate.of(YEAR, month, 1);
        for (Instant h = beijing(first, 1);
                h.isBefore(beijing(first.plusMonths(1), 1));
                h = h.plus(1, ChronoUnit.HOURS)) {
            StationHour hour = hours.at(station, level, h);
            if (hour != null) {
                pm10 += hour.pm10();
                pm25 += hour.pm25();
                n++;
            }
        }
        return new double[] {pm10 / n, pm25 / n};
    }

    private static double pm25(StationHour h) {
        return h == null ? 0 : h.pm25();
    }

    static Instant beijing(LocalDate day, int hour) {
        return day.atStartOfDay(StationHours.CHINA).plusHours(hour).toInstant();
    }
}
