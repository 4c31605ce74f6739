package cn.lantian.portal.opendata;

import cn.lantian.portal.opendata.schema.AlertsPage;
import cn.lantian.portal.opendata.schema.Problem;
import cn.lantian.portal.upstream.AirQuality;
import cn.lantian.portal.upstream.Alert;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Current and past heavy-pollution alerts as open data, with the licence, caching headers and paging. */
@RestController
class AlertsController {

    private static final List<String> CSV_HEADER =
            List.of("alert_id", "county", "level", "effective_from", "ended_at", "in_force", "basis", "measures");

    private final AirQuality airQuality;
    private final ListAnswers lists;

    AlertsController(AirQuality airQuality, ListAnswers lists) {
        this.airQuality = airQuality;
        this.lists = lists;
    }

    @Operation(
            summary = "Heavy-pollution alerts, current and past, with the measures in force",
            description = "JSON (default) or CSV, ordered by alert id. Filter by county (division code or Corps unit "
                    + "id). Paged: pass 'next' as cursor. New alerts also arrive on /api/public/v1/live.")
    @ApiResponse(
            responseCode = "200",
            description = "A page of alerts",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = AlertsPage.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string"))
            })
    @ApiResponse(
            responseCode = "400",
            description = "Bad parameters, each named",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @GetMapping("/api/public/v1/datasets/alerts")
    Mono<ResponseEntity<byte[]>> alerts(
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
            @Parameter(
                            description = "rows per page",
                            schema = @Schema(type = "integer", minimum = "1", maximum = "1000", defaultValue = "100"))
                    @RequestParam(required = false)
                    String limit,
            @Parameter(description = "the next value of the previous page") @RequestParam(required = false)
                    String cursor) {
        ListAnswers.Query q = lists.query(exchange, format, county, limit, cursor);
        return airQuality.alerts().map(all -> {
            ListAnswers.Page<Alert> page = lists.page(
                    // A drill's alert is no episode of the record: the open data leaves it out.
                    all.stream().filter(a -> !a.drill()).filter(a -> lists.within(q.unit(), a.county(), a.county())),
                    Alert::id,
                    q.after(),
                    q.size());
            Object body = page.items();
            if (q.csv()) {
                Csv csv = new Csv().row(CSV_HEADER);
                page.items()
                        .forEach(a -> csv.row(Arrays.asList(
                                a.id(),
                                a.county(),
                                a.level(),
                                a.effectiveFrom(),
                                a.endedAt(),
                                a.active(),
                                a.basis(),
                                String.join("; ", a.measures()))));
                body = csv;
            }
            return lists.respond(
                    exchange,
                    q,
                    body,
                    page.next(),
                    ListAnswers.newest(
                            all.stream().flatMap(a -> java.util.stream.Stream.of(a.effectiveFrom(), a.endedAt()))));
        });
    }
}
