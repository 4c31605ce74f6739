package cn.lantian.portal.opendata;

import cn.lantian.portal.PortalProperties;
import cn.lantian.portal.opendata.schema.ConstructionSitesGeoJson;
import cn.lantian.portal.opendata.schema.ConstructionSitesPage;
import cn.lantian.portal.opendata.schema.GreenAreasGeoJson;
import cn.lantian.portal.opendata.schema.GreenAreasPage;
import cn.lantian.portal.opendata.schema.InspectionStationsGeoJson;
import cn.lantian.portal.opendata.schema.InspectionStationsPage;
import cn.lantian.portal.opendata.schema.Problem;
import cn.lantian.portal.upstream.ConstructionSite;
import cn.lantian.portal.upstream.Domains;
import cn.lantian.portal.upstream.GreenArea;
import cn.lantian.portal.upstream.InspectionStation;
import cn.lantian.portal.upstream.MobileDisclosures;
import cn.lantian.reference.Jurisdiction;
import cn.lantian.reference.Jurisdictions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The open datasets of dust (construction sites with their monitors and PM10), greening (afforestation projects and
 * sand-closure areas) and mobile (inspection stations' pass rates), each as JSON, CSV and GeoJSON, with the licence,
 * caching headers and paging the owners' public endpoints do not add. Only what the owners disclose: the portal reads
 * it field by field ({@code upstream/}).
 */
@org.springframework.web.bind.annotation.RestController
class DomainDatasetsController {

    private static final List<String> FORMATS = List.of("json", "csv", "geojson");
    private static final List<String> PARAMETERS = List.of("format", "county", "limit", "cursor");
    private static final List<String> AREA_PARAMETERS = List.of("format", "county", "kind", "limit", "cursor");
    private static final List<String> SITE_CSV = List.of(
            "id",
            "project",
            "builder",
            "area_m2",
            "phase",
            "status",
            "county",
            "corps_unit",
            "lon",
            "lat",
            "monitor_status",
            "latest_pm10_ugm3",
            "latest_hour");
    private static final List<String> AREA_CSV = List.of(
            "id",
            "kind",
            "name",
            "programme",
            "level",
            "county",
            "corps_unit",
            "year",
            "hectares",
            "mu",
            "survival_percent");
    private static final List<String> INSPECTION_CSV = List.of(
            "id",
            "name",
            "licence",
            "unit",
            "lanes",
            "tests",
            "passes",
            "pass_rate_percent",
            "confirmed_fraud_cases",
            "period_from",
            "period_to");
    private static final int DEFAULT_LIMIT = 100;
    private static final Duration FRESH_FOR = Duration.ofSeconds(60);

    private final Domains domains;
    private final MobileDisclosures mobile;
    private final ListAnswers lists;
    private final Jurisdictions jurisdictions;
    private final PortalProperties properties;
    private final Licence licence;
    private final JsonMapper json;

    DomainDatasetsController(
            Domains domains,
            MobileDisclosures mobile,
            ListAnswers lists,
            Jurisdictions jurisdictions,
            PortalProperties properties,
            Licence licence,
            JsonMapper json) {
        this.domains = domains;
        this.mobile = mobile;
        this.lists = lists;
        this.jurisdictions = jurisdictions;
        this.properties = properties;
        this.licence = licence;
        this.json = json;
    }

    /** The checked parameters of one request, with the format chosen. */
    private record Asked(String format, String unit, int size, String[] after, String kind) {}

    private Asked ask(
            ServerWebExchange exchange,
            List<String> known,
            String format,
            String county,
            String limit,
            String cursor,
            String kind) {
        Params params = new Params();
        params.onlyKnown(exchange.getRequest().getQueryParams().keySet(), known);
        String chosen = Formats.choose(params, format, exchange, FORMATS);
        String unit = params.county(county, jurisdictions);
        String oneKind = kind == null ? null : params.oneOf("kind", kind, null, List.of("project", "closure"));
        int size = params.limit(limit, DEFAULT_LIMIT, properties.pageSizeMax());
        String[] after = params.cursor(cursor);
        params.check();
        return new Asked(chosen, unit, size, after, oneKind);
    }

    /** One page in the asked format: JSON items, CSV rows or GeoJSON features, each with its own extra fields. */
    private <T> ResponseEntity<byte[]> answer(
            ServerWebExchange exchange,
            Asked asked,
            ListAnswers.Page<T> page,
            Instant modified,
            List<String> header,
            Function<T, List<Object>> row,
            Function<T, Map<String, Object>> item,
            Function<T, Object> geometry,
            boolean spatial,
            Map<String, Object> extra) {
        NextLink.add(exchange, page.next());
        Map<String, Object> root = new LinkedHashMap<>();
        if (asked.format().equals("csv")) {
            Csv csv = new Csv().row(header);
            page.items().forEach(x -> csv.row(row.apply(x)));
            return Conditional.respond(exchange, csv.toString(), Formats.CSV, modified, FRESH_FOR);
        }
        if (asked.format().equals("geojson")) {
            root.put("type", "FeatureCollection");
            root.put("licence", licence.field(spatial));
            root.putAll(extra);
            List<Map<String, Object>> features = new ArrayList<>();
            for (T x : page.items()) {
                Map<String, Object> properties = item.apply(x);
                Map<String, Object> feature = new LinkedHashMap<>();
                feature.put("type", "Feature");
                feature.put("id", properties.get("id"));
                feature.put("geometry", geometry.apply(x));
                feature.put("properties", properties);
                features.add(feature);
            }
            root.put("features", features);
            root.put("next", page.next());
            return Conditional.respond(exchange, json.writeValueAsString(root), Formats.GEO_JSON, modified, FRESH_FOR);
        }
        root.put("licence", licence.field(false));
        root.putAll(extra);
        root.put("items", page.items().stream().map(item).toList());
        root.put("next", page.next());
        return Conditional.respond(
                exchange, json.writeValueAsString(root), Formats.mediaType("json"), modified, FRESH_FOR);
    }

    @Operation(
            summary = "Construction sites with their dust monitors' state and newest hourly PM10",
            description =
                    "JSON (default), CSV or GeoJSON points, ordered by id. Each site's phase and status, its online"
                            + " monitors' state (monitored: reporting; silent: stopped reporting; missing: required but not"
                            + " installed; not-required: under 3000 m²) and the newest hourly PM10 in µg/m³ with the hour it"
                            + " ends (UTC). Filter by county (division code or Corps unit id). Paged: pass 'next' as cursor.")
    @ApiResponse(
            responseCode = "200",
            description = "A page of construction sites",
            content = {
                @Content(
                        mediaType = "application/json",
                        schema = @Schema(implementation = ConstructionSitesPage.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                @Content(
                        mediaType = "application/geo+json",
                        schema = @Schema(implementation = ConstructionSitesGeoJson.class))
            })
    @ApiResponse(
            responseCode = "400",
            description = "Bad parameters, each named",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @GetMapping("/api/public/v1/datasets/construction-sites")
    Mono<ResponseEntity<byte[]>> constructionSites(
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
                            description = "rows per page",
                            schema = @Schema(type = "integer", minimum = "1", maximum = "1000", defaultValue = "100"))
                    @RequestParam(required = false)
                    String limit,
            @Parameter(description = "the next value of the previous page") @RequestParam(required = false)
                    String cursor) {
        Asked asked = ask(exchange, PARAMETERS, format, county, limit, cursor, null);
        return domains.sites().map(all -> {
            ListAnswers.Page<ConstructionSite> page = lists.page(
                    all.stream().filter(s -> lists.within(asked.unit(), s.county(), s.corpsUnit())),
                    ConstructionSite::id,
                    asked.after(),
                    asked.size());
            return answer(
                    exchange,
                    asked,
                    page,
                    ListAnswers.newest(all.stream().map(ConstructionSite::latestHour)),
                    SITE_CSV,
                    s -> Arrays.asList(
                            s.id(),
                            s.project(),
                            s.builderName(),
                            s.areaM2(),
                            s.phase(),
                            s.status(),
                            s.county(),
                            s.corpsUnit(),
                            s.longitude(),
                            s.latitude(),
                            s.monitorStatus(),
                            s.latestPm10(),
                            s.latestHour()),
                    DomainDatasetsController::site,
                    s -> Map.of("type", "Point", "coordinates", List.of(s.longitude(), s.latitude())),
                    false,
                    Map.of());
        });
    }

    private static Map<String, Object> site(ConstructionSite s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("project", s.project());
        m.put("builder", s.builderName());
        m.put("areaM2", s.areaM2());
        m.put("phase", s.phase());
        m.put("status", s.status());
        m.put("county", s.county());
        m.put("corpsUnit", s.corpsUnit());
        m.put("longitude", s.longitude());
        m.put("latitude", s.latitude());
        m.put("monitorStatus", s.monitorStatus());
        m.put("latestPm10", s.latestPm10());
        m.put("latestHour", s.latestHour());
        return m;
    }

    @Operation(
            summary = "Greened areas (afforestation projects) and sand-closure areas with their outlines",
            description =
                    "JSON (default), CSV or GeoJSON polygons (WGS 84; the outline only in GeoJSON), ordered by id."
                            + " A project's programme, planting year, planted area in hectares and mu and latest survival rate;"
                            + " a closure area's level, designation year and area. No forest chiefs. Filter by kind (project or"
                            + " closure) and county. Paged: pass 'next' as cursor.")
    @ApiResponse(
            responseCode = "200",
            description = "A page of green areas",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = GreenAreasPage.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                @Content(mediaType = "application/geo+json", schema = @Schema(implementation = GreenAreasGeoJson.class))
            })
    @ApiResponse(
            responseCode = "400",
            description = "Bad parameters, each named",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @GetMapping("/api/public/v1/datasets/green-areas")
    Mono<ResponseEntity<byte[]>> greenAreas(
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
                            description = "project (afforestation) or closure (sand-closure area); default both",
                            schema =
                                    @Schema(
                                            type = "string",
                                            allowableValues = {"project", "closure"}))
                    @RequestParam(required = false)
                    String kind,
            @Parameter(
                            description = "rows per page",
                            schema = @Schema(type = "integer", minimum = "1", maximum = "1000", defaultValue = "100"))
                    @RequestParam(required = false)
                    String limit,
            @Parameter(description = "the next value of the previous page") @RequestParam(required = false)
                    String cursor) {
        Asked asked = ask(exchange, AREA_PARAMETERS, format, county, limit, cursor, kind);
        return domains.greenAreas().map(all -> {
            ListAnswers.Page<GreenArea> page = lists.page(
                    all.stream()
                            .filter(a -> asked.kind() == null || asked.kind().equals(a.kind()))
                            .filter(a -> lists.within(asked.unit(), a.county(), a.corpsUnit())),
                    GreenArea::id,
                    asked.after(),
                    asked.size());
            return answer(
                    exchange,
                    asked,
                    page,
                    null,
                    AREA_CSV,
                    a -> {
                        Map<String, Object> m = area(a);
                        return Arrays.asList(
                                a.id(),
                                a.kind(),
                                a.name(),
                                m.get("programme"),
                                m.get("level"),
                                a.county(),
                                a.corpsUnit(),
                                a.year(),
                                a.hectares(),
                                a.mu(),
                                a.survivalPercent());
                    },
                    DomainDatasetsController::area,
                    a -> a.polygons().isEmpty() ? null : Map.of("type", "MultiPolygon", "coordinates", a.polygons()),
                    false,
                    Map.of());
        });
    }

    private static Map<String, Object> area(GreenArea a) {
        boolean project = "project".equals(a.kind());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("kind", a.kind());
        m.put("name", a.name());
        m.put("programme", project ? a.programme() : null);
        m.put("level", project ? null : a.programme());
        m.put("county", a.county());
        m.put("corpsUnit", a.corpsUnit());
        m.put("year", a.year());
        m.put("hectares", a.hectares());
        m.put("mu", a.mu());
        m.put("survivalPercent", a.survivalPercent());
        return m;
    }

    @Operation(
            summary = "Vehicle emission-inspection (I/M) stations' pass rates over the last year",
            description = "JSON (default), CSV or GeoJSON, ordered by id. Each station's tests and passes over the year"
                    + " up to now ('from', 'to'), its pass rate in percent (null without tests) and the fraud cases the"
                    + " regulator confirmed. The owner holds no address for a station: the GeoJSON geometry is the"
                    + " boundary of the county or Corps unit it lies in (© OpenStreetMap contributors, ODbL). Filter by"
                    + " county. Paged: pass 'next' as cursor.")
    @ApiResponse(
            responseCode = "200",
            description = "A page of inspection stations",
            content = {
                @Content(
                        mediaType = "application/json",
                        schema = @Schema(implementation = InspectionStationsPage.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                @Content(
                        mediaType = "application/geo+json",
                        schema = @Schema(implementation = InspectionStationsGeoJson.class))
            })
    @ApiResponse(
            responseCode = "400",
            description = "Bad parameters, each named",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @GetMapping("/api/public/v1/datasets/inspection-stations")
    Mono<ResponseEntity<byte[]>> inspectionStations(
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
                            description = "rows per page",
                            schema = @Schema(type = "integer", minimum = "1", maximum = "1000", defaultValue = "100"))
                    @RequestParam(required = false)
                    String limit,
            @Parameter(description = "the next value of the previous page") @RequestParam(required = false)
                    String cursor) {
        Asked asked = ask(exchange, PARAMETERS, format, county, limit, cursor, null);
        return mobile.rates().map(rates -> {
            ListAnswers.Page<InspectionStation> page = lists.page(
                    rates.stations().stream().filter(s -> lists.within(asked.unit(), s.unit(), s.unit())),
                    InspectionStation::id,
                    asked.after(),
                    asked.size());
            Map<String, Object> period = new LinkedHashMap<>();
            period.put("from", rates.from());
            period.put("to", rates.to());
            return answer(
                    exchange,
                    asked,
                    page,
                    rates.to(),
                    INSPECTION_CSV,
                    s -> Arrays.asList(
                            s.id(),
                            s.name(),
                            s.licence(),
                            s.unit(),
                            s.lanes(),
                            s.tests(),
                            s.passes(),
                            s.passRate(),
                            s.confirmedFraudCases(),
                            rates.from(),
                            rates.to()),
                    DomainDatasetsController::inspectionStation,
                    s -> jurisdictions
                            .byId(s.unit())
                            .map(Jurisdiction::area)
                            .map(a -> (Object) Map.of("type", "MultiPolygon", "coordinates", a.polygons()))
                            .orElse(null),
                    true,
                    period);
        });
    }

    private static Map<String, Object> inspectionStation(InspectionStation s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("name", s.name());
        m.put("licence", s.licence());
        m.put("unit", s.unit());
        m.put("lanes", s.lanes());
        m.put("tests", s.tests());
        m.put("passes", s.passes());
        m.put("passRate", s.passRate());
        m.put("confirmedFraudCases", s.confirmedFraudCases());
        return m;
    }
}
