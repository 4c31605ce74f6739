package cn.lantian.portal.opendata;

import cn.lantian.portal.opendata.schema.FireIncidentsGeoJson;
import cn.lantian.portal.opendata.schema.FireIncidentsPage;
import cn.lantian.portal.opendata.schema.Problem;
import cn.lantian.portal.opendata.schema.StrawUsePage;
import cn.lantian.portal.upstream.FireIncident;
import cn.lantian.portal.upstream.StrawDisclosures;
import cn.lantian.portal.upstream.StrawUseRow;
import cn.lantian.reference.Jurisdictions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The straw domain's open data (owner: the agriculture agency's straw service): satellite fire-point incidents as a
 * list, CSV or GeoJSON map layer, and straw use per unit and season, with the licence, caching headers and paging the
 * owner's public endpoints do not add.
 */
@RestController
class StrawDatasetsController {

    /** What straw answers by default and at most: the last 30 days, a span of 400 days. */
    static final Duration DEFAULT_SPAN = Duration.ofDays(30);

    static final Duration MAX_SPAN = Duration.ofDays(400);

    private static final Pattern SEASON = Pattern.compile("^\\d{4}-(autumn|spring)$");
    private static final List<String> INCIDENT_PARAMETERS =
            List.of("format", "county", "from", "to", "limit", "cursor");
    private static final List<String> USE_PARAMETERS = List.of("format", "county", "season", "limit", "cursor");
    private static final List<String> INCIDENT_CSV = List.of(
            "id",
            "lon",
            "lat",
            "county",
            "corps_unit",
            "first_detected_at",
            "last_detected_at",
            "detections",
            "satellites",
            "status",
            "verdict",
            "material",
            "during_alert");
    private static final List<String> USE_CSV = List.of(
            "unit",
            "season",
            "crop_area_ha",
            "produced_t",
            "returned_t",
            "feed_t",
            "fuel_t",
            "raw_material_t",
            "base_material_t",
            "utilisation_rate",
            "target",
            "meets_target",
            "burning_incidents",
            "incidents_per_1000_ha",
            "target_source");
    private static final int DEFAULT_LIMIT = 100;

    private final StrawDisclosures straw;
    private final ListAnswers lists;
    private final Jurisdictions jurisdictions;
    private final cn.lantian.portal.PortalProperties properties;
    private final Licence licence;
    private final JsonMapper json;
    private final Clock clock = Clock.systemUTC();

    StrawDatasetsController(
            StrawDisclosures straw,
            ListAnswers lists,
            Jurisdictions jurisdictions,
            cn.lantian.portal.PortalProperties properties,
            Licence licence,
            JsonMapper json) {
        this.straw = straw;
        this.lists = lists;
        this.jurisdictions = jurisdictions;
        this.properties = properties;
        this.licence = licence;
        this.json = json;
    }

    @Operation(
            summary = "Satellite fire-point incidents (straw and open burning): place, times, satellites, verdict",
            description =
                    "JSON (default), CSV or GeoJSON points, ordered by id. Incidents first detected in [from, to):"
                            + " dates (Beijing time, whole days) or ISO date-times; default the last 30 days, at most 400 days."
                            + " Filter by county (division code or Corps unit id). Paged: pass 'next' as cursor. Nothing about"
                            + " people: no patrollers and no notes.")
    @ApiResponse(
            responseCode = "200",
            description = "A page of incidents",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = FireIncidentsPage.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                @Content(
                        mediaType = "application/geo+json",
                        schema = @Schema(implementation = FireIncidentsGeoJson.class))
            })
    @ApiResponse(
            responseCode = "400",
            description = "Bad parameters, each named",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @GetMapping("/api/public/v1/datasets/fire-incidents")
    Mono<ResponseEntity<byte[]>> incidents(
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
            @Parameter(description = "first day or instant, inclusive (default: 30 days before 'to')")
                    @RequestParam(required = false)
                    String from,
            @Parameter(description = "last day (inclusive) or instant (exclusive); default now")
                    @RequestParam(required = false)
                    String to,
            @Parameter(
                            description = "rows per page",
                            schema = @Schema(type = "integer", minimum = "1", maximum = "1000", defaultValue = "100"))
                    @RequestParam(required = false)
                    String limit,
            @Parameter(description = "the next value of the previous page") @RequestParam(required = false)
                    String cursor) {
        Params params = new Params();
        params.onlyKnown(exchange.getRequest().getQueryParams().keySet(), INCIDENT_PARAMETERS);
        String chosen = Formats.choose(params, format, exchange, List.of("json", "csv", "geojson"));
        String unit = params.county(county, jurisdictions);
        Params.Bound start = params.bound("from", from);
        Params.Bound end = params.bound("to", to);
        int size = params.limit(limit, DEFAULT_LIMIT, properties.pageSizeMax());
        String[] after = params.cursor(cursor);
        // A plain date is a whole day in Beijing time; without 'to', now (to the minute, so answers are shared).
        Instant until = end == null
                ? clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1))
                : end.at() != null
                        ? end.at()
                        : end.day()
                                .plusDays(1)
                                .atStartOfDay(DatasetsController.CHINA)
                                .toInstant();
        Instant since = start == null
                ? until.minus(DEFAULT_SPAN)
                : start.at() != null
                        ? start.at()
                        : start.day().atStartOfDay(DatasetsController.CHINA).toInstant();
        if (!since.isBefore(until) || Duration.between(since, until).compareTo(MAX_SPAN) > 0) {
            params.fail("from", "before 'to' and at most 400 days earlier");
        }
        params.check();
        return straw.incidents(since, until, unit).map(all -> {
            ListAnswers.Page<FireIncident> page = lists.page(all.stream(), FireIncident::id, after, size);
            Instant modified = ListAnswers.newest(all.stream().map(FireIncident::lastDetectedAt));
            ListAnswers.Query q = new ListAnswers.Query(chosen.equals("csv"), unit, size, after);
            if (chosen.equals("geojson")) {
                NextLink.add(exchange, page.next());
                return Conditional.respond(
                        exchange,
                        json.writeValueAsString(geoJson(page)),
                        Formats.GEO_JSON,
                        modified,
                        Duration.ofSeconds(60));
            }
            Object body = page.items();
            if (q.csv()) {
                Csv csv = new Csv().row(INCIDENT_CSV);
                page.items()
                        .forEach(i -> csv.row(Arrays.asList(
                                i.id(),
                                i.longitude(),
                                i.latitude(),
                                i.county(),
                                i.corpsUnit(),
                                i.firstDetectedAt(),
                                i.lastDetectedAt(),
                                i.detections(),
                                String.join(" ", i.satellites()),
                                i.status(),
                                i.verdict(),
                                i.material(),
                                i.duringAlert())));
                body = csv;
            }
            return lists.respond(exchange, q, body, page.next(), modified);
        });
    }

    private Map<String, Object> geoJson(ListAnswers.Page<FireIncident> page) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("type", "FeatureCollection");
        root.put("licence", licence.field(false));
        root.put(
                "features",
                page.items().stream()
                        .map(i -> {
                            Map<String, Object> properties = new LinkedHashMap<>();
                            properties.put("id", i.id());
                            properties.put("county", i.county());
                            properties.put("corpsUnit", i.corpsUnit());
                            properties.put("firstDetectedAt", i.firstDetectedAt());
                            properties.put("lastDetectedAt", i.lastDetectedAt());
                            properties.put("detections", i.detections());
                            properties.put("satellites", i.satellites());
                            properties.put("status", i.status());
                            properties.put("verdict", i.verdict());
                            properties.put("material", i.material());
                            properties.put("duringAlert", i.duringAlert());
                            Map<String, Object> feature = new LinkedHashMap<>();
                            feature.put("type", "Feature");
                            feature.put("id", i.id());
                            feature.put(
                                    "geometry",
                                    Map.of("type", "Point", "coordinates", List.of(i.longitude(), i.latitude())));
                            feature.put("properties", properties);
                            return feature;
                        })
                        .toList());
        root.put("next", page.next());
        return root;
    }

    @Operation(
            summary = "Straw use per county or Corps unit and season, against the national utilisation target",
            description = "JSON (default) or CSV, ordered by unit and season. Crop area, straw produced and used by way"
                    + " (returned to fields, feed, fuel, raw material, base material), the utilisation rate against"
                    + " the national 86 % (国发〔2023〕24号) and burning incidents per 1,000 ha of cropland. Filter by"
                    + " season (2025-autumn) and county. Paged: pass 'next' as cursor.")
    @ApiResponse(
            responseCode = "200",
            description = "A page of straw-use rows",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = StrawUsePage.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string"))
            })
    @ApiResponse(
            responseCode = "400",
            description = "Bad parameters, each named",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @GetMapping("/api/public/v1/datasets/straw-use")
    Mono<ResponseEntity<byte[]>> strawUse(
            ServerWebExchange exchange,
            @Parameter(
                            description = "json (default) or csv",
                            schema =
                                    @Schema(
                                            type = "string",
                                            allowableValues = {"json", "csv"}))
                    @RequestParam(required = false)
                    String format,
            @Parameter(description = "division code (653125) or Corps unit id (xpcc-3)") @RequestParam(required = false)
                    String county,
            @Parameter(description = "a season such as 2025-autumn or 2026-spring (default: every season)")
                    @RequestParam(required = false)
                    String season,
            @Parameter(
                            description = "rows per page",
                            schema = @Schema(type = "integer", minimum = "1", maximum = "1000", defaultValue = "100"))
                    @RequestParam(required = false)
                    String limit,
            @Parameter(description = "the next value of the previous page") @RequestParam(required = false)
                    String cursor) {
        Params params = new Params();
        params.onlyKnown(exchange.getRequest().getQueryParams().keySet(), USE_PARAMETERS);
        String chosen = Formats.choose(params, format, exchange, List.of("json", "csv"));
        String unit = params.county(county, jurisdictions);
        if (season != null && !SEASON.matcher(season).matches()) {
            params.fail("season", "a season such as 2025-autumn or 2026-spring, not '" + season + "'");
        }
        int size = params.limit(limit, DEFAULT_LIMIT, properties.pageSizeMax());
        String[] after = params.cursor(cursor);
        params.check();
        ListAnswers.Query q = new ListAnswers.Query(chosen.equals("csv"), unit, size, after);
        return straw.strawUse(season).map(all -> {
            ListAnswers.Page<StrawUseRow> page = lists.page(
                    all.stream().filter(r -> lists.within(unit, r.unit(), r.unit())),
                    r -> r.unit() + "/" + r.season(),
                    after,
                    size);
            Object body = page.items();
            if (q.csv()) {
                Csv csv = new Csv().row(USE_CSV);
                page.items()
                        .forEach(r -> csv.row(Arrays.asList(
                                r.unit(),
                                r.season(),
                                r.cropAreaHa(),
                                r.producedT(),
                                r.returnedT(),
                                r.feedT(),
                                r.fuelT(),
                                r.rawMaterialT(),
                                r.baseMaterialT(),
                                r.utilisationRate(),
                                r.target(),
                                r.meetsTarget(),
                                r.burningIncidents(),
                                r.incidentsPer1000Ha(),
                                r.targetSource())));
                body = csv;
            }
            return lists.respond(exchange, q, body, page.next(), null);
        });
    }
}
