package cn.lantian.feeds.airquality;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real dust storm of 2-8 April 2020 at Kashgar's three national stations (2698A, 2699A, 2700A; national
 * real-time publication, file {@code episodes/kashgar-2020-04-dust-hourly.csv}, MIT licence beside it), replayed on
 * the same calendar hours of the history's first year. The three stations get their own hours; every other station
 * the three's mean, scaled by its level.
 */
final class StormEpisode {

    static final List<String> REAL_STATIONS = List.of("2698A", "2699A", "2700A");
    static final int SOURCE_YEAR = 2020;

    private final int year;
    /** Per local hour of the source year: per station, the values so2 no2 pm10 pm25 co o3 o3_8h. */
    private final Map<LocalDateTime, Map<String, Double[]>> hours;

    private StormEpisode(int year, Map<LocalDateTime, Map<String, Double[]>> hours) {
        this.year = year;
        this.hours = hours;
    }

    /** The day of the storm's highest hour at Kashgar (2 April of the source year) in the year it is replayed. */
    static LocalDate peakDay(int year) {
        return LocalDate.of(year, 4, 2);
    }

    /** The episode replayed in {@code year}. */
    static StormEpisode replayedIn(int year) {
        Map<LocalDateTime, Map<String, Double[]>> hours = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                StormEpisode.class.getResourceAsStream("/episodes/kashgar-2020-04-dust-hourly.csv"),
                StandardCharsets.UTF_8))) {
            String line = in.readLine(); // header
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                // time_local,station_code,station_name,pm25,pm10,co,no2,o3_1h,o3_8h,so2,published_aqi,published_primary
                String[] f = line.split(",", -1);
                LocalDateTime local = OffsetDateTime.parse(f[0]).toLocalDateTime();
                hours.computeIfAbsent(local, k -> new HashMap<>()).put(f[1], new Double[] {
                    number(f[9]), number(f[6]), number(f[4]), number(f[3]), number(f[5]), number(f[7]), number(f[8])
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new StormEpisode(year, hours);
    }

    int year() {
        return year;
    }

    /** The first and last hour of the replayed episode. */
    Instant first() {
        return toReplay(hours.keySet().stream().min(LocalDateTime::compareTo).orElseThrow());
    }

    Instant last() {
        return toReplay(hours.keySet().stream().max(LocalDateTime::compareTo).orElseThrow());
    }

    /** The station's replayed values at {@code hour}, or null outside the episode's hours. */
    Double[] at(String station, Instant hour, double level) {
        LocalDateTime local = LocalDateTime.ofInstant(hour, StationHours.CHINA);
        if (local.getYear() != year) {
            return null;
        }
        Map<String, Double[]> row = hours.get(local.withYear(SOURCE_YEAR));
        if (row == null) {
            return null;
        }
        if (row.containsKey(station)) {
            // The national publication has gaps (NaN) at a station now and then: a gap is filled with the other real
            // stations' mean of that hour, as for every other station; a value no station measured stays empty.
            Double[] own = row.get(station).clone();
            Double[] others = mean(row, station, 1.0);
            for (int p = 0; p < own.length; p++) {
                if (own[p] == null) {
                    own[p] = others[p];
                }
            }
            return own;
        }
        return mean(row, null, level);
    }

    /** The mean of the row's stations other than {@code except}, scaled by {@code level}, per pollutant. */
    private static Double[] mean(Map<String, Double[]> row, String except, double level) {
        Double[] mean = new Double[7];
        for (int p = 0; p < mean.length; p++) {
            double sum = 0;
            int n = 0;
            for (Map.Entry<String, Double[]> e : row.entrySet()) {
                Double[] values = e.getValue();
                if (!e.getKey().equals(except) && values[p] != null) {
                    sum += values[p];
                    n++;
                }
            }
            mean[p] = n == 0 ? null : Math.round(sum / n * level * 10) / 10.0;
        }
        return mean;
    }

    private Instant toReplay(LocalDateTime source) {
        return source.withYear(year).toInstant(ZoneOffset.ofHours(8));
    }

    private static Double number(String text) {
        return text.isBlank() || text.equals("NaN") ? null : Double.valueOf(text);
    }
}
