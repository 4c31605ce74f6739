package cn.lantian.portal.opendata;

import cn.lantian.portal.live.LatestAqi;
import cn.lantian.portal.opendata.schema.LatestConcentrations;
import cn.lantian.portal.opendata.schema.ParametersAnswer;
import cn.lantian.portal.opendata.schema.Problem;
import cn.lantian.portal.upstream.StationNow;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** What the data means: the parameters with units and limits, the data flags, and a station's latest concentrations. */
@RestController
class MetadataController {

    private final Parameters parameters;
    private final ObservationsDataset observations;
    private final LatestAqi latest;
    private final Licence licence;
    private final JsonMapper json;

    MetadataController(
            Parameters parameters,
            ObservationsDataset observations,
            LatestAqi latest,
            Licence licence,
            JsonMapper json) {
        this.parameters = parameters;
        this.observations = observations;
        this.latest = latest;
        this.licence = licence;
        this.json = json;
    }

    @Operation(
            summary = "The parameters: pollutants and AQI with units, averaging and the limits in force",
            description = "Limits are GB 3095 grade 2 (Kashgar's towns), with the days each applies; 'limitsInForce' "
                    + "are those of today (Beijing time). Also the HJ 212 data flags an hourly value may carry.",
            tags = "metadata")
    @ApiResponse(
            responseCode = "200",
            description = "The parameters and flags",
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = ParametersAnswer.class)))
    @ApiResponse(
            responseCode = "400",
            description = "Unknown query parameters",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @GetMapping("/api/public/v1/parameters")
    ResponseEntity<byte[]> parameters(ServerWebExchange exchange) {
        Params params = new Params();
        params.onlyKnown(exchange.getRequest().getQueryParams().keySet(), List.of());
        params.check();
        LocalDate today = LocalDate.now(DatasetsController.CHINA);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("licence", licence.field(false));
        root.put("source", parameters.source());
        root.put("asOf", today.toString());
        root.put(
                "items",
                parameters.parameters().stream()
                        .map(p -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("id", p.id());
                            m.put("nameZh", p.nameZh());
                            m.put("nameEn", p.nameEn());
                            m.put("unit", p.unit());
                            m.put("unitLabel", p.unitLabel());
                            m.put("hourly", p.hourly());
                            m.put("daily", p.daily());
                            m.put(
                                    "limitsInForce",
                                    p.inForce(today).stream()
                                            .map(MetadataController::limit)
                                            .toList());
                            m.put(
                                    "limits",
                                    p.limits().stream()
                                            .map(MetadataController::limit)
                                            .toList());
                            return m;
                        })
                        .toList());
        root.put("flagSource", parameters.flagSource());
        root.put(
                "flags",
                parameters.flags().values().stream()
                        .sorted(java.util.Comparator.comparing(Parameters.Flag::code))
                        .toList());
        // Changes only with the day (limits come into force on a date).
        return Conditional.respond(
                exchange,
                json.writeValueAsString(root),
                MediaType.APPLICATION_JSON,
                today.atStartOfDay(DatasetsController.CHINA).toInstant(),
                Duration.ofHours(1));
    }

    private static Map<String, Object> limit(Parameters.Limit l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("standard", l.standard());
        m.put("averaging", l.averaging());
        m.put("value", l.value());
        m.put("from", l.from() == null ? null : l.from().toString());
        m.put("to", l.to() == null ? null : l.to().toString());
        return m;
    }

    @Operation(
            summary = "A station's latest hour: AQI and every concentration",
            description = "The newest hour air-quality holds for the station, with units and its HJ 212 data flag. "
                    + "The hour is a UTC instant labelled by the end of the hour.",
            tags = "metadata")
    @ApiResponse(
            responseCode = "200",
            description = "The latest hour",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = LatestConcentrations.class)))
    @ApiResponse(
            responseCode = "404",
            description = "No such station, or no hour yet",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @GetMapping("/api/public/v1/datasets/stations/{id}/latest")
    Mono<ResponseEntity<byte[]>> latest(
            ServerWebExchange exchange, @Parameter(description = "station id, e.g. 2700A") @PathVariable String id) {
        Params params = new Params();
        params.onlyKnown(exchange.getRequest().getQueryParams().keySet(), List.of());
        params.check();
        return latest.current().flatMap(snapshot -> {
            StationNow station = snapshot.stations().stream()
                    .filter(s -> s.id().equals(id))
                    .findFirst()
                    .orElse(null);
            if (station == null) {
                return Mono.error(notFound());
            }
            LocalDate day = DatasetsController.latestDay(List.of(station), LocalDate.now(DatasetsController.CHINA));
            // The latest hour may be the first of a new day: read the day before too.
            var query = new ObservationsDataset.Query(
                    List.of(station),
                    "hourly",
                    day.minusDays(1),
                    day,
                    null,
                    station.hour(),
                    new LinkedHashSet<>(Params.POLLUTANTS),
                    null,
                    0);
            return observations.rows(id, query).collectList().flatMap(rows -> {
                if (rows.isEmpty()) {
                    return Mono.error(notFound());
                }
                ObservationsDataset.Row r = rows.get(rows.size() - 1);
                Map<String, Object> root = new LinkedHashMap<>();
                root.put("licence", licence.field(false));
                root.put("station", id);
                root.put("hour", r.time());
                root.put("times", ObservationsDataset.HOURLY_TIMES);
                root.put("aqi", r.aqi());
                root.put("primary", r.primary());
                for (String p : List.of("pm25", "pm10", "so2", "no2", "co", "o3")) {
                    root.put(p, r.value(p));
                }
                root.put("quality", r.quality());
                root.put("qualityReason", r.qualityReason());
                root.put("units", parameters.units());
                return Mono.just(Conditional.respond(
                        exchange,
                        json.writeValueAsString(root),
                        MediaType.APPLICATION_JSON,
                        Instant.parse(r.time()),
                        Duration.ofMinutes(5)));
            });
        });
    }

    /** No such station, or no hour yet: the portal's problem helper answers it 404, as an owner's 404. */
    private static WebClientResponseException notFound() {
        return WebClientResponseException.create(
                HttpStatus.NOT_FOUND, "Not Found", HttpHeaders.EMPTY, new byte[0], null, null);
    }
}
