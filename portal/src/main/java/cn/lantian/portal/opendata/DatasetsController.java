package cn.lantian.portal.opendata;

import cn.lantian.portal.PortalProperties;
import cn.lantian.portal.live.LatestAqi;
import cn.lantian.portal.opendata.schema.ObservationsPage;
import cn.lantian.portal.opendata.schema.Problem;
import cn.lantian.portal.opendata.schema.StationsGeoJson;
import cn.lantian.portal.opendata.schema.StationsPage;
import cn.lantian.portal.upstream.StationNow;
import cn.lantian.reference.Jurisdictions;
import cn.lantian.web.FieldError;
import cn.lantian.web.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The open-data lists: stations with their latest AQI, and observations, each in JSON, CSV (and GeoJSON). */
@RestController
class DatasetsController {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final int DEFAULT_LIMIT = 100;
    private static final long MAX_HOURLY_DAYS = 31;
    private static final long MAX_DAILY_DAYS = 366;
    static final List<String> STATION_PARAMETERS = List.of("format", "county", "bbox", "limit", "cursor");
    static final List<String> OBSERVATION_PARAMETERS =
            List.of("resolution", "station", "county", "bbox", "pollutant", "from", "to", "format", "limit", "cursor");

    private final LatestAqi latest;
    private final StationsDataset stationsDataset;
    private final ObservationsDataset observations;
    private final Jurisdictions jurisdictions;
    private final PortalProperties properties;
    /** Rendered station answers of the current snapshot version, by query: most readers ask the same thing. */
    private final Map<String, Rendered> rendered = new ConcurrentHashMap<>();

    private volatile long renderedVersion = -1;

    private record Rendered(byte[] body, String etag, String format, String next) {}

    /** Rendered observation pages, by query: the same year of a station is asked again and again. */
    private final Map<String, reactor.core.publisher.Mono<Rendered>> observationPages = new ConcurrentHashMap<>();

    DatasetsController(
            LatestAqi latest,
            StationsDataset stationsDataset,
            ObservationsDataset observations,
            Jurisdictions jurisdictions,
            PortalProperties properties) {
        this.latest = latest;
        this.stationsDataset = stationsDataset;
        this.observations = observations;
        this.jurisdictions = jurisdictions;
        this.properties = properties;
    }

    @Operation(
            summary = "Monitoring stations with their latest hourly AQI",
            description =
                    "JSON (default), CSV or GeoJSON points. Filter by county (division code or Corps unit id) and "
                            + "bounding box. Paged: pass 'next' as cursor.")
    @ApiResponse(
            responseCode = "200",
            description = "A page of stations",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = StationsPage.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                @Content(mediaType = "application/geo+json", schema = @Schema(implementation = StationsGeoJson.class))
            })
    @ApiResponse(
            responseCode = "400",
            description = "Bad parameters, each named",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @GetMapping("/api/public/v1/datasets/stations")
    Mono<ResponseEntity<byte[]>> stations(
            ServerWebExchange exchange,
            @Parameter(
                            description = "json (default), csv or geojson",
                            schema =
                                    @Schema(
                                            type = "string",
                                            allowableValues = {"json", "csv", "geojson"}))
                    @RequestParam(required = false)
                    String format,
            @Parameter(description = "division code (653125) or Corps unit id (xpcc-3)") @RequestParam(required = false)
                    String county,
            @Parameter(
                            description = "minLon,minLat,maxLon,maxLat (WGS 84)",
                            schema = @Schema(type = "string", pattern = "^-?[0-9.]+(,-?[0-9.]+){3}$"))
                    @RequestParam(required = false)
                    String bbox,
            @Parameter(
                            description = "rows per page",
                            schema = @Schema(type = "integer", minimum = "1", maximum = "1000", defaultValue = "100"))
                    @RequestParam(required = false)
                    String limit,
            @Parameter(description = "the next value of the previous page") @RequestParam(required = false)
                    String cursor) {
        Params params = new Params();
        params.onlyKnown(exchange.getRequest().getQueryParams().keySet(), STATION_PARAMETERS);
        String chosen = Formats.choose(params, format, exchange, List.of("json", "csv", "geojson"));
        String countyId = params.county(county, jurisdictions);
        double[] box = params.bbox(bbox);
        int size = params.limit(limit, DEFAULT_LIMIT, properties.pageSizeMax());
        String[] after = params.cursor(cursor);
        params.check();
        String key = chosen + "|" + countyId + "|" + Arrays.toString(box) + "|" + size + "|" + cursor;
        return latest.current().map(snapshot -> {
            StationsDataset.Page page =
                    stationsDataset.select(snapshot, countyId, box, after == null ? null : after[0], size);
            Rendered r = render(
                    snapshot,
                    key,
                    () -> switch (chosen) {
                        case "csv" -> stationsDataset.csv(page);
                        case "geojson" -> stationsDataset.geoJson(page);
                        default -> stationsDataset.json(page);
                    },
                    chosen);
            NextLink.add(exchange, page.next());
            return Conditional.respond(
                    exchange,
                    r.body(),
                    r.etag(),
                    Formats.mediaType(chosen),
                    snapshot.lastModified(),
                    Duration.ofSeconds(60));
        });
    }

    private Rendered render(
            LatestAqi.Snapshot snapshot, String key, java.util.function.Supplier<String> body, String format) {
        if (renderedVersion != snapshot.version()) {
            rendered.clear();
            renderedVersion = snapshot.version();
        }
        if (rendered.size() > 1_000) {
            rendered.clear();
        }
        return rendered.computeIfAbsent(key, k -> {
            byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
            return new Rendered(bytes, Conditional.etag(bytes), format, null);
        });
    }

    @Operation(
            summary = "Hourly or daily observations of stations",
            description =
                    "Filter by station (comma-separated ids), county, bounding box, pollutant (aqi, pm25, pm10, so2, "
                            + "no2, co, o3) and dates (Beijing time, inclusive; hourly at most 31 days, daily at most 366 days "
                            + "per request) or ISO 8601 date-times. Without dates: the latest day with data (hourly), or the "
                            + "30 days up to it (daily). Hours are UTC instants labelled by the end of the hour; days are "
                            + "Beijing-time days. Rows are ordered by station, then time. Paged: pass 'next' as cursor, or "
                            + "follow the Link rel=next header (CSV too). Unknown parameters are refused.")
    @ApiResponse(
            responseCode = "200",
            description = "A page of observations",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = ObservationsPage.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string"))
            })
    @ApiResponse(
            responseCode = "400",
            description = "Bad parameters, each named",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @GetMapping("/api/public/v1/datasets/observations")
    Mono<ResponseEntity<byte[]>> observations(
            ServerWebExchange exchange,
            @Parameter(
                            description = "hourly (default) or daily",
                            schema =
                                    @Schema(
                                            type = "string",
                                            allowableValues = {"hourly", "daily"}))
                    @RequestParam(required = false)
                    String resolution,
            @RequestParam(required = false) String station,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) String bbox,
            @RequestParam(required = false) String pollutant,
            @Parameter(description = "first date (2024-01-01, Beijing time) or date-time (2024-01-01T00:00:00Z)")
                    @RequestParam(required = false)
                    String from,
            @Parameter(description = "last date, inclusive, or date-time") @RequestParam(required = false) String to,
            @Parameter(
                            description = "json (default) or csv",
                            schema =
                                    @Schema(
                                            type = "string",
                                            allowableValues = {"json", "csv"}))
                    @RequestParam(required = false)
                    String format,
            @Parameter(
                            description = "rows per page",
                            schema = @Schema(type = "integer", minimum = "1", maximum = "10000", defaultValue = "1000"))
                    @RequestParam(required = false)
                    String limit,
            @Parameter(description = "the next value of the previous page") @RequestParam(required = false)
                    String cursor) {
        Params params = new Params();
        params.onlyKnown(exchange.getRequest().getQueryParams().keySet(), OBSERVATION_PARAMETERS);
        String res = params.oneOf("resolution", resolution, "hourly", List.of("hourly", "daily"));
        String chosen = Formats.choose(params, format, exchange, List.of("json", "csv"));
        String countyId = params.county(county, jurisdictions);
        double[] box = params.bbox(bbox);
        Set<String> pollutants = params.pollutants(pollutant);
        Params.Bound toBound = params.bound("to", to);
        Params.Bound fromBound = params.bound("from", from);
        int size = params.limit(limit, 1000, 10_000);
        String[] after = params.cursor(cursor);
        params.check();
        List<String> wanted = station == null || station.isBlank()
                ? null
                : Arrays.stream(station.split(",")).map(String::trim).toList();
        return latest.current().flatMap(snapshot -> {
            List<StationNow> chosenStations = snapshot.stations().stream()
                    .filter(s -> wanted == null || wanted.contains(s.id()))
                    .filter(s -> stationsDataset.within(s, countyId) && StationsDataset.inside(s, box))
                    .toList();
            if (wanted != null) {
                List<String> unknown = wanted.stream()
                        .filter(id -> snapshot.stations().stream().noneMatch(s -> s.id().equals(id)))
                        .toList();
                if (!unknown.isEmpty()) {
                    return Mono.error(new InvalidInput(
                            List.of(new FieldError("station", "unknown station " + String.join(", ", unknown)))));
                }
            }
            LocalDate today = LocalDate.now(CHINA);
            // Without dates: the latest day the chosen stations have data for (hourly), or the 30 days up to it.
            LocalDate toDay = toBound != null ? toBound.day() : latestDay(chosenStations, today);
            LocalDate fromDay = fromBound != null ? fromBound.day() : res.equals("daily") ? toDay.minusDays(29) : toDay;
            Params range = new Params();
            if (fromDay.isAfter(toDay)) {
                range.fail("from", "must not be after to");
            }
            long maxDays = res.equals("daily") ? MAX_DAILY_DAYS : MAX_HOURLY_DAYS;
            if (fromDay.plusDays(maxDays).isBefore(toDay.plusDays(1))) {
                range.fail(
                        "to",
                        "at most " + maxDays + " days per request for " + res + " values; use the yearly downloads");
            }
            range.check();
            var query = new ObservationsDataset.Query(
                    chosenStations,
                    res,
                    fromDay,
                    toDay,
                    fromBound == null ? null : fromBound.at(),
                    toBound == null ? null : toBound.at(),
                    pollutants,
                    after,
                    size);
            // Past days no longer change; today's values change each hour.
            boolean closed = toDay.isBefore(today);
            Instant modified =
                    closed ? toDay.plusDays(1).atTime(1, 0).atZone(CHINA).toInstant() : snapshot.lastModified();
            String key = (closed ? "closed" : String.valueOf(snapshot.version())) + "|"
                    + exchange.getRequest().getURI().getRawQuery() + "|" + chosen;
            if (observationPages.size() > 2_000) {
                observationPages.clear();
            }
            Mono<Rendered> rendered = observationPages.computeIfAbsent(
                    key,
                    k -> observations
                            .page(query)
                            .map(page -> {
                                String body = chosen.equals("csv")
                                        ? ObservationsDataset.csv(page.rows(), pollutants, res, true)
                                        : observations.json(page, query);
                                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                                return new Rendered(bytes, Conditional.etag(bytes), chosen, page.next());
                            })
                            .cache(r -> properties.seriesCache(), e -> Duration.ZERO, () -> Duration.ZERO));
            return rendered.doOnNext(r -> NextLink.add(exchange, r.next()))
                    .map(r -> Conditional.respond(
                            exchange,
                            r.body(),
                            r.etag(),
                            Formats.mediaType(chosen),
                            modified,
                            closed ? Duration.ofHours(1) : Duration.ofMinutes(5)))
                    .doOnError(e -> observationPages.remove(key));
        });
    }

    /** The Beijing-time day of the newest hour among the stations (an hour labelled 00:00 closes the day before). */
    static LocalDate latestDay(List<StationNow> stations, LocalDate fallback) {
        return stations.stream()
                .map(StationNow::hour)
                .filter(java.util.Objects::nonNull)
                .max(java.util.Comparator.naturalOrder())
                .map(h -> h.minusSeconds(1).atZone(CHINA).toLocalDate())
                .orElse(fallback);
    }
}
