package cn.lantian.portal.upstream;

import cn.lantian.portal.PortalProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** The air-quality service's public endpoints, read into the portal's own records (named fields only). */
@Component
public class AirQuality {

    private final WebClient http;
    private final PortalProperties.Upstream upstream;
    private final TtlCache<String, List<HourValue>> hourly;
    private final TtlCache<String, List<DayValue>> daily;
    private final TtlCache<Integer, TargetStandings> targets;
    private final TtlCache<String, List<Alert>> alerts;

    public AirQuality(WebClient.Builder builder, PortalProperties properties) {
        this.upstream = properties.upstream();
        this.http = builder.baseUrl(upstream.airQuality().toString())
                .codecs(c -> c.defaultCodecs().maxInMemorySize(32 * 1024 * 1024))
                .build();
        this.hourly = new TtlCache<>(properties.seriesCache());
        this.daily = new TtlCache<>(properties.seriesCache());
        this.targets = new TtlCache<>(properties.seriesCache());
        // Alerts change by events; the event handler clears this cache.
        this.alerts = new TtlCache<>(properties.latestRefresh());
    }

    /** Every station with its newest AQI. */
    public Mono<List<StationNow>> stations() {
        return get("/api/public/v1/stations").map(root -> {
            List<StationNow> out = new ArrayList<>();
            for (JsonNode s : Json.items(root, "stations", "items", "data")) {
                JsonNode latest = Json.field(s, "latest");
                Double lon = Json.number(s, "longitude", "lon");
                Double lat = Json.number(s, "latitude", "lat");
                if (Json.text(s, "id") == null || lon == null || lat == null) {
                    continue;
                }
                out.add(new StationNow(
                        Json.text(s, "id"),
                        Json.text(s, "nameZh", "name"),
                        Json.text(s, "nameEn"),
                        Json.text(s, "kind"),
                        lon,
                        lat,
                        Json.text(s, "jurisdiction", "county"),
                        Json.text(s, "corpsUnit"),
                        Json.instant(latest, "hour"),
                        Json.integer(latest, "aqi"),
                        Json.text(latest, "primary"),
                        Json.text(latest, "standard"),
                        Json.text(s, "nameUg"),
                        Json.text(s, "operator"),
                        Json.number(s, "elevationM"),
                        Json.date(s, "operatingSince")));
            }
            out.sort(Comparator.comparing(StationNow::id));
            return out;
        });
    }

    /** A station's hours between two dates (Beijing time, inclusive); cached for a while. */
    public Mono<List<HourValue>> hourly(String station, LocalDate from, LocalDate to) {
        return hourly.get(
                station + "|" + from + "|" + to,
                k -> series(station, from, to, "hourly").map(root -> {
                    List<HourValue> out = new ArrayList<>();
                    for (JsonNode h : Json.items(root, "items", "data")) {
                        JsonNode o = h.has("observation") ? h.get("observation") : h;
                        Instant hour = Json.instant(o, "hour");
                        if (hour != null) {
                            out.add(new HourValue(
                                    hour,
                                    Json.integer(h, "aqi"),
                                    Json.text(h, "primary"),
                                    Json.number(o, "pm25"),
                                    Json.number(o, "pm10"),
                                    Json.number(o, "so2"),
                                    Json.number(o, "no2"),
                                    Json.number(o, "co"),
                                    Json.number(o, "o3"),
                                    Json.flag(o, true, "valid"),
                                    Json.text(o, "flag")));
                        }
                    }
                    out.sort(Comparator.comparing(HourValue::hour));
                    return out;
                }));
    }

    /** A station's daily values between two dates (inclusive); cached for a while. */
    public Mono<List<DayValue>> daily(String station, LocalDate from, LocalDate to) {
        return daily.get(
                station + "|" + from + "|" + to,
                k -> series(station, from, to, "daily").map(root -> {
                    List<DayValue> out = new ArrayList<>();
                    for (JsonNode d : Json.items(root, "items", "data", "days")) {
                        LocalDate day = Json.date(d, "day", "date");
                        if (day != null) {
                            out.add(new DayValue(
                                    day,
                                    Json.integer(d, "aqi"),
                                    Json.text(d, "primary"),
                                    Json.number(d, "pm25"),
                                    Json.number(d, "pm10"),
                                    Json.number(d, "so2"),
                                    Json.number(d, "no2"),
                                    Json.number(d, "co"),
                                    Json.number(d, "o3_8h", "o3"),
                                    Json.flag(d, false, "dust")));
                        }
                    }
                    out.sort(Comparator.comparing(DayValue::day));
                    return out;
                }));
    }

    /**
     * A unit's newest real-time AQI as the service computes it for a city (HJ 663): from its assessment stations'
     * averaged concentrations; empty when the unit has no hour yet or its AQI is NA.
     */
    public Mono<java.util.Optional<UnitAqi>> unitAqi(String unit) {
        return get("/api/public/v1/units/" + unit + "/aqi")
                .map(root -> java.util.Optional.ofNullable(Json.integer(root, "aqi"))
                        .map(aqi -> new UnitAqi(aqi, Json.instant(root, "hour"))))
                .onErrorResume(
                        org.springframework.web.reactive.function.client.WebClientResponseException.NotFound.class,
                        e -> Mono.just(java.util.Optional.empty()));
    }

    /** The year's targets and every unit's standing up to today. */
    public Mono<TargetStandings> targets(int year) {
        return targets.get(year, y -> get("/api/public/v1/targets/" + y).map(AirQuality::standings));
    }

    /** Current and past heavy-pollution alerts, newest first. */
    public Mono<List<Alert>> alerts() {
        return alerts.get(
                "all",
                k -> get("/api/public/v1/alerts").map(root -> {
                    List<Alert> out = new ArrayList<>();
                    for (JsonNode a : Json.items(root, "alerts", "items", "data")) {
                        List<Alert.Step> history = new ArrayList<>();
                        for (JsonNode h : Json.items(a, "history")) {
                            history.add(new Alert.Step(
                                    Json.text(h, "action"),
                                    Json.text(h, "level"),
                                    Json.text(h, "previousLevel"),
                                    Json.instant(h, "at")));
                        }
                        history.sort(
                                Comparator.comparing(Alert.Step::at, Comparator.nullsFirst(Comparator.naturalOrder())));
                        // A lifted step counts even where the alert row itself carries no end (the history is the
                        // record).
                        Instant lifted = history.stream()
                                .filter(h -> "lifted".equals(h.action()))
                                .map(Alert.Step::at)
                                .filter(java.util.Objects::nonNull)
                                .reduce((x, y) -> y)
                                .orElse(null);
                        Instant ended = Json.instant(a, "endedAt", "liftedAt", "effectiveUntil", "until");
                        if (ended == null) {
                            ended = lifted;
                        }
                        String status = Json.text(a, "status");
                        boolean active = status != null
                                ? status.equalsIgnoreCase("active") || status.equalsIgnoreCase("in-force")
                                : ended == null || ended.isAfter(Instant.now());
                        out.add(new Alert(
                                Json.text(a, "alertId", "id"),
                                Json.text(a, "county", "jurisdiction"),
                                Json.text(a, "level"),
                                Json.instant(a, "effectiveFrom", "issuedAt"),
                                ended,
                                Json.text(a, "basis"),
                                Json.texts(a, "measures"),
                                active,
                                Json.flag(a, false, "drill"),
                                List.copyOf(history)));
                    }
                    out.sort(Comparator.comparing(
                            Alert::effectiveFrom, Comparator.nullsLast(Comparator.reverseOrder())));
                    return out;
                }));
    }

    /** Forgets cached alerts (called when an alert event arrives). */
    public void alertsChanged() {
        alerts.clear();
    }

    private Mono<JsonNode> series(String station, LocalDate from, LocalDate to, String resolution) {
        return http.get()
                .uri(u -> u.path("/api/public/v1/stations/{id}/observations")
                        .queryParam("from", from)
                        .queryParam("to", to)
                        .queryParam("resolution", resolution)
                        .build(station))
                .retrieve()
                .bodyToMono(JsonNode.class)
                .timeout(upstream.timeout());
    }

    private Mono<JsonNode> get(String path) {
        return http.get().uri(path).retrieve().bodyToMono(JsonNode.class).timeout(upstream.timeout());
    }

    /** The dust-deducted figure of each target's indicator, only those air-quality answers (never computed here). */
    private static java.util.Map<String, Double> dustDeducted(
            JsonNode deducted, List<TargetStandings.Progress> progress) {
        java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
        if (deducted == null || deducted.isNull() || deducted.isMissingNode()) {
            return out;
        }
        for (TargetStandings.Progress p : progress) {
            Double v = p.indicator() == null ? null : Json.number(deducted, p.indicator());
            if (v != null) {
                out.put(p.indicator(), v);
            }
        }
        return out;
    }

    static TargetStandings standings(JsonNode root) {
        List<TargetStandings.Unit> units = new ArrayList<>();
        for (JsonNode u : Json.items(root, "units")) {
            JsonNode m = Json.field(u, "measured");
            JsonNode target = Json.field(u, "target");
            List<TargetStandings.Progress> progress = new ArrayList<>();
            for (JsonNode p : Json.items(u, "progress")) {
                progress.add(new TargetStandings.Progress(
                        Json.text(p, "indicator"),
                        Json.number(p, "value"),
                        Json.text(p, "op"),
                        Json.number(p, "target"),
                        Json.number(p, "remaining"),
                        Json.number(p, "projected"),
                        Json.text(p, "status")));
            }
            units.add(new TargetStandings.Unit(
                    Json.text(u, "unit"),
                    Json.integer(u, "stations") == null ? 0 : Json.integer(u, "stations"),
                    Json.integer(m, "validDays"),
                    Json.integer(m, "goodDays"),
                    Json.integer(m, "heavyDays"),
                    Json.number(m, "goodDayShare"),
                    Json.number(m, "heavyDayShare"),
                    Json.number(m, "pm25Mean"),
                    Json.integer(m, "dustDays"),
                    Json.text(target, "source"),
                    progress,
                    dustDeducted(Json.field(u, "dustDeducted"), progress)));
        }
        Integer year = Json.integer(root, "year");
        Integer remaining = Json.integer(root, "remainingDays");
        return new TargetStandings(
                year == null ? 0 : year, Json.date(root, "asOf"), remaining == null ? 0 : remaining, units);
    }
}
