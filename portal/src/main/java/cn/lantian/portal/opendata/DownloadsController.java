package cn.lantian.portal.opendata;

import cn.lantian.portal.PortalProperties;
import cn.lantian.portal.live.LatestAqi;
import cn.lantian.portal.opendata.schema.DownloadsIndex;
import cn.lantian.portal.opendata.schema.Problem;
import cn.lantian.portal.upstream.AirQuality;
import cn.lantian.portal.upstream.Alert;
import cn.lantian.portal.upstream.StationNow;
import cn.lantian.portal.upstream.TargetStandings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Yearly bulk downloads (CSV), assembled from the owners' public endpoints, and their index. */
@RestController
class DownloadsController {

    static final List<String> DATASETS = List.of("observations-daily", "observations-hourly", "targets", "alerts");

    private final AirQuality airQuality;
    private final LatestAqi latest;
    private final ObservationsDataset observations;
    private final PortalProperties properties;
    private final Licence licence;
    private final JsonMapper json;
    private final DataYears dataYears;

    DownloadsController(
            DataYears dataYears,
            AirQuality airQuality,
            LatestAqi latest,
            ObservationsDataset observations,
            PortalProperties properties,
            Licence licence,
            JsonMapper json) {
        this.airQuality = airQuality;
        this.latest = latest;
        this.observations = observations;
        this.properties = properties;
        this.licence = licence;
        this.json = json;
        this.dataYears = dataYears;
    }

    @Operation(
            summary = "Index of the yearly bulk downloads",
            description = "Only the years that have data: observations from the first year a station reported, "
                    + "targets for the years the plan sets them, alerts for the years with an alert.")
    @ApiResponse(
            responseCode = "200",
            description = "The yearly files",
            content = {@Content(mediaType = "application/json", schema = @Schema(implementation = DownloadsIndex.class))
            })
    @GetMapping("/api/public/v1/downloads")
    Mono<ResponseEntity<byte[]>> index(ServerWebExchange exchange) {
        Params params = new Params();
        params.onlyKnown(exchange.getRequest().getQueryParams().keySet(), List.of());
        params.check();
        return dataYears.byDataset().map(years -> {
            List<Map<String, Object>> files = new ArrayList<>();
            for (String dataset : DATASETS) {
                for (int year : years.getOrDefault(dataset, List.of())) {
                    Map<String, Object> f = new LinkedHashMap<>();
                    f.put("dataset", dataset);
                    f.put("year", year);
                    f.put("url", "/api/public/v1/downloads/" + dataset + "/" + year + ".csv");
                    f.put("mediaType", "text/csv");
                    files.add(f);
                }
            }
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("licence", licence.field(false));
            root.put("items", files);
            return Conditional.respond(
                    exchange,
                    json.writeValueAsString(root),
                    MediaType.APPLICATION_JSON,
                    LocalDate.now(DatasetsController.CHINA)
                            .withDayOfYear(1)
                            .atStartOfDay(DatasetsController.CHINA)
                            .toInstant(),
                    Duration.ofHours(1));
        });
    }

    @Operation(
            summary = "One dataset's values for one year, as CSV",
            description = "Datasets: observations-daily, observations-hourly (every station), targets (each unit's "
                    + "standing on the plan's targets), alerts (heavy-pollution alerts that began that year).")
    @ApiResponse(
            responseCode = "200",
            description = "The year's values (gzip-compressed when Accept-Encoding allows)",
            content = {@Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @ApiResponse(
            responseCode = "206",
            description = "The byte range asked for with Range",
            content = {@Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @ApiResponse(
            responseCode = "400",
            description = "Bad parameters, each named",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @GetMapping("/api/public/v1/downloads/{dataset}/{file}")
    Mono<ResponseEntity<Resource>> download(
            ServerWebExchange exchange,
            @io.swagger.v3.oas.annotations.Parameter(
                            description = "the dataset",
                            schema =
                                    @Schema(
                                            type = "string",
                                            allowableValues = {
                                                "observations-daily",
                                                "observations-hourly",
                                                "targets",
                                                "alerts"
                                            }))
                    @PathVariable
                    String dataset,
            @io.swagger.v3.oas.annotations.Parameter(
                            description = "the year's file",
                            schema = @Schema(type = "string", pattern = "^[0-9]{4}\\.csv$"))
                    @PathVariable
                    String file) {
        Params params = new Params();
        params.onlyKnown(exchange.getRequest().getQueryParams().keySet(), List.of());
        params.oneOf("dataset", dataset, null, DATASETS);
        LocalDate today = LocalDate.now(DatasetsController.CHINA);
        int year = 0;
        if (!file.matches("\\d{4}\\.csv")) {
            params.fail("file", "a year and .csv, such as 2024.csv");
        } else {
            year = Integer.parseInt(file.substring(0, 4));
            if (year < properties.firstYear() || year > today.getYear()) {
                params.fail("file", "a year from " + properties.firstYear() + " to " + today.getYear());
            }
        }
        params.check();
        int y = year;
        boolean past = y < today.getYear();
        LocalDate from = LocalDate.of(y, 1, 1);
        LocalDate to = past ? LocalDate.of(y, 12, 31) : today;
        Mono<String> body = switch (dataset) {
            case "targets" -> airQuality.targets(y).map(DownloadsController::targetsCsv);
            // Drills are no episodes of the record (as in the alerts dataset).
            case "alerts" ->
                airQuality
                        .alerts()
                        .map(alerts -> alertsCsv(
                                alerts.stream().filter(a -> !a.drill()).toList(), y));
            default -> {
                String resolution = dataset.equals("observations-daily") ? "daily" : "hourly";
                var all = new java.util.LinkedHashSet<>(Params.POLLUTANTS);
                yield latest.current()
                        .flatMap(snapshot -> Flux.fromIterable(snapshot.stations())
                                .map(StationNow::id)
                                .concatMap(
                                        id -> observations
                                                .rows(
                                                        id,
                                                        new ObservationsDataset.Query(
                                                                List.of(),
                                                                resolution,
                                                                from,
                                                                to,
                                                                null,
                                                                null,
                                                                all,
                                                                null,
                                                                0))
                                                .collectList()
                                                .map(rows -> ObservationsDataset.csv(rows, all, resolution, false)),
                                        1)
                                .collectList()
                                .map(parts -> ObservationsDataset.csv(List.of(), all, resolution, true)
                                        + String.join("", parts)));
            }
        };
        Instant modified = past
                ? LocalDate.of(y + 1, 1, 1)
                        .atTime(1, 0)
                        .atZone(DatasetsController.CHINA)
                        .toInstant()
                : Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        return body.map(csv -> answer(
                exchange,
                csv.getBytes(StandardCharsets.UTF_8),
                modified,
                past ? Duration.ofDays(1) : Duration.ofMinutes(10),
                "lantian-" + dataset + "-" + y + ".csv"));
    }

    /**
     * The file with its validators; gzip-compressed when the client accepts it and asks for no range, else as is, with
     * byte ranges served (206) for a download that was cut off.
     */
    static ResponseEntity<Resource> answer(
            ServerWebExchange exchange, byte[] csv, Instant modified, Duration maxAge, String fileName) {
        HttpHeaders request = exchange.getRequest().getHeaders();
        boolean gzip = request.getRange().isEmpty()
                && request.getValuesAsList(HttpHeaders.ACCEPT_ENCODING).stream()
                        .anyMatch(e -> e.trim()
                                .toLowerCase(java.util.Locale.ROOT)
                                .matches("(gzip|\\*)(;\\s*q=(?!0(\\.0*)?$).*)?"));
        String etag = Conditional.etag(csv);
        byte[] bytes = csv;
        if (gzip) {
            bytes = gzip(csv);
            // A different representation gets its own entity tag (RFC 9110, 8.8.3).
            etag = etag.substring(0, etag.length() - 1) + "-gzip\"";
        }
        ResponseEntity<byte[]> answer = Conditional.respond(exchange, bytes, etag, Formats.CSV, modified, maxAge);
        ResponseEntity.BodyBuilder out = ResponseEntity.status(answer.getStatusCode())
                .headers(answer.getHeaders())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                .header(HttpHeaders.ACCEPT_RANGES, "bytes");
        if (gzip) {
            out.header(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        return answer.getBody() == null ? out.build() : out.body(new ByteArrayResource(answer.getBody()));
    }

    private static byte[] gzip(byte[] bytes) {
        var out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (var zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String targetsCsv(TargetStandings t) {
        Csv csv = new Csv()
                .row(List.of(
                        "year",
                        "as_of",
                        "unit",
                        "stations",
                        "valid_days",
                        "good_days",
                        "heavy_days",
                        "indicator",
                        "value",
                        "op",
                        "target",
                        "remaining",
                        "projected",
                        "status",
                        "source"));
        for (TargetStandings.Unit u : t.units()) {
            for (TargetStandings.Progress p : u.progress()) {
                csv.row(Arrays.asList(
                        t.year(),
                        t.asOf(),
                        u.unit(),
                        u.stations(),
                        u.validDays(),
                        u.goodDays(),
                        u.heavyDays(),
                        p.indicator(),
                        p.value(),
                        p.op(),
                        p.target(),
                        p.remaining(),
                        p.projected(),
                        p.status(),
                        u.source()));
            }
        }
        return csv.toString();
    }

    static String alertsCsv(List<Alert> alerts, int year) {
        Csv csv = new Csv()
                .row(List.of(
                        "alert_id", "county", "level", "effective_from", "ended_at", "in_force", "basis", "measures"));
        for (Alert a : alerts) {
            if (a.effectiveFrom() != null
                    && a.effectiveFrom().atZone(DatasetsController.CHINA).getYear() == year) {
                csv.row(Arrays.asList(
                        a.id(),
                        a.county(),
                        a.level(),
                        a.effectiveFrom(),
                        a.endedAt(),
                        a.active(),
                        a.basis(),
                        String.join("; ", a.measures())));
            }
        }
        return csv.toString();
    }
}
