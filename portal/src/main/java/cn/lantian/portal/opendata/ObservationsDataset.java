package cn.lantian.portal.opendata;

import cn.lantian.portal.upstream.AirQuality;
import cn.lantian.portal.upstream.DayValue;
import cn.lantian.portal.upstream.HourValue;
import cn.lantian.portal.upstream.StationNow;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Hourly or daily values of the chosen stations, station by station then by time, paged by cursor. */
@Component
class ObservationsDataset {

    private final AirQuality airQuality;
    private final Licence licence;
    private final Parameters parameters;
    private final JsonMapper json;

    ObservationsDataset(AirQuality airQuality, Licence licence, Parameters parameters, JsonMapper json) {
        this.airQuality = airQuality;
        this.licence = licence;
        this.parameters = parameters;
        this.json = json;
    }

    /**
     * One row: a station's hour or day; {@code flag} is "invalid" for flagged hours and "dust" for dust days;
     * {@code quality} the hour's HJ 212 data flag, {@code qualityReason} why a flagged hour does not count.
     */
    record Row(
            String station,
            String time,
            Integer aqi,
            String primary,
            Double pm25,
            Double pm10,
            Double so2,
            Double no2,
            Double co,
            Double o3,
            String flag,
            String quality,
            String qualityReason) {

        Object value(String pollutant) {
            return switch (pollutant) {
                case "aqi" -> aqi;
                case "pm25" -> pm25;
                case "pm10" -> pm10;
                case "so2" -> so2;
                case "no2" -> no2;
                case "co" -> co;
                default -> o3;
            };
        }
    }

    /** The rows of one page and the cursor of the next (null on the last page). */
    record Page(List<Row> rows, String next) {}

    /**
     * The request, checked. {@code fromAt}/{@code toAt} narrow hourly values to those instants (inclusive) when the
     * client gave date-times; {@code after} is the cursor's station and time, or null.
     */
    record Query(
            List<StationNow> stations,
            String resolution,
            LocalDate from,
            LocalDate to,
            Instant fromAt,
            Instant toAt,
            Set<String> pollutants,
            String[] after,
            int limit) {}

    /** How the times of the answers are to be read; said in JSON answers and the API description. */
    static final String HOURLY_TIMES = "UTC (ISO 8601); an hour is labelled by its end: 2024-01-01T01:00:00Z is the "
            + "mean of 00:00 to 01:00 UTC";

    static final String DAILY_TIMES = "calendar days of Beijing time (UTC+8); a day D is the hours labelled D 01:00 "
            + "to D+1 00:00 Beijing time";

    Mono<Page> page(Query q) {
        return Flux.fromIterable(q.stations())
                .filter(s -> q.after() == null || s.id().compareTo(q.after()[0]) >= 0)
                .concatMap(
                        s -> rows(s.id(), q)
                                .filter(r -> q.after() == null
                                        || !r.station().equals(q.after()[0])
                                        || r.time().compareTo(q.after()[1]) > 0),
                        1)
                .take(q.limit() + 1L)
                .collectList()
                .map(rows -> {
                    if (rows.size() <= q.limit()) {
                        return new Page(rows, null);
                    }
                    List<Row> page = rows.subList(0, q.limit());
                    Row last = page.get(page.size() - 1);
                    return new Page(new ArrayList<>(page), Params.cursorOf(last.station(), last.time()));
                });
    }

    /** Every row of one station in the range, in time order. */
    Flux<Row> rows(String station, Query q) {
        if (q.resolution().equals("daily")) {
            return airQuality
                    .daily(station, q.from(), q.to())
                    .flatMapIterable(
                            days -> days.stream().map(d -> day(station, d)).toList());
        }
        return airQuality
                .hourly(station, q.from(), q.to())
                .flatMapIterable(hours -> hours.stream()
                        .filter(h -> (q.fromAt() == null || !h.hour().isBefore(q.fromAt()))
                                && (q.toAt() == null || !h.hour().isAfter(q.toAt())))
                        .map(h -> hour(station, h))
                        .toList());
    }

    private static Row day(String station, DayValue d) {
        return new Row(
                station,
                d.day().toString(),
                d.aqi(),
                d.primary(),
                d.pm25(),
                d.pm10(),
                d.so2(),
                d.no2(),
                d.co(),
                d.o3(),
                d.dust() ? "dust" : null,
                null,
                null);
    }

    private Row hour(String station, HourValue h) {
        String reason = parameters.reason(h.flag());
        if (reason == null && !h.valid()) {
            reason = "marked invalid by air-quality";
        }
        return new Row(
                station,
                h.hour().toString(),
                h.aqi(),
                h.primary(),
                h.pm25(),
                h.pm10(),
                h.so2(),
                h.no2(),
                h.co(),
                h.o3(),
                h.valid() ? null : "invalid",
                h.flag(),
                reason);
    }

    String json(Page page, Query q) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("licence", licence.field(false));
        root.put("resolution", q.resolution());
        root.put("times", q.resolution().equals("daily") ? DAILY_TIMES : HOURLY_TIMES);
        root.put("units", parameters.units());
        Map<String, String> averaging = new LinkedHashMap<>();
        parameters
                .parameters()
                .forEach(p -> averaging.put(p.id(), q.resolution().equals("daily") ? p.daily() : p.hourly()));
        root.put("averaging", averaging);
        String timeField = q.resolution().equals("daily") ? "day" : "hour";
        root.put(
                "items",
                page.rows().stream()
                        .map(r -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("station", r.station());
                            m.put(timeField, r.time());
                            for (String p : q.pollutants()) {
                                m.put(p, r.value(p));
                            }
                            m.put("primary", r.primary());
                            m.put("flag", r.flag());
                            if (!q.resolution().equals("daily")) {
                                m.put("quality", r.quality());
                                m.put("qualityReason", r.qualityReason());
                            }
                            return m;
                        })
                        .toList());
        root.put("next", page.next());
        return json.writeValueAsString(root);
    }

    static String csv(List<Row> rows, Set<String> pollutants, String resolution, boolean header) {
        Csv csv = new Csv();
        if (header) {
            List<Object> head = new ArrayList<>(List.of("station", resolution.equals("daily") ? "day" : "hour"));
            pollutants.forEach(p -> head.add(p.equals("co") ? "co_mgm3" : p.equals("aqi") ? "aqi" : p + "_ugm3"));
            head.add("primary");
            head.add("flag");
            if (!resolution.equals("daily")) {
                head.add("quality");
                head.add("quality_reason");
            }
            csv.row(head);
        }
        for (Row r : rows) {
            List<Object> fields = new ArrayList<>(List.of(r.station(), r.time()));
            pollutants.forEach(p -> fields.add(r.value(p)));
            fields.add(r.primary());
            fields.add(r.flag());
            if (!resolution.equals("daily")) {
                fields.add(r.quality());
                fields.add(r.qualityReason());
            }
            csv.row(fields);
        }
        return csv.toString();
    }
}
