package cn.lantian.portal.opendata;

import cn.lantian.portal.opendata.schema.CasesPage;
import cn.lantian.portal.opendata.schema.EnterprisesPage;
import cn.lantian.portal.opendata.schema.Problem;
import cn.lantian.portal.upstream.ClosedCase;
import cn.lantian.portal.upstream.Disclosures;
import cn.lantian.portal.upstream.Enterprise;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Enterprise disclosures and closed cases' outcomes as open data, with the licence, caching headers and paging the
 * owners' own public endpoints do not add. Built from the same records as the enterprise page, so it can show nothing
 * the page would not.
 */
@RestController
class DisclosuresController {

    private static final List<String> ENTERPRISE_CSV = List.of(
            "id",
            "name",
            "industry",
            "county",
            "corps_unit",
            "ultra_low",
            "permit_number",
            "permit_valid_from",
            "permit_valid_until",
            "permit_status",
            "recent_exceedances",
            "closed_cases");
    private static final List<String> CASE_CSV = List.of(
            "case_id",
            "enterprise_id",
            "county",
            "corps_unit",
            "finding_type",
            "rule_id",
            "rule_source",
            "summary",
            "opened_at",
            "closed_at",
            "outcome");

    private final Disclosures disclosures;
    private final ListAnswers lists;
    private final JsonMapper json;

    DisclosuresController(Disclosures disclosures, ListAnswers lists, JsonMapper json) {
        this.disclosures = disclosures;
        this.lists = lists;
        this.json = json;
    }

    @Operation(
            summary = "Enterprise disclosures: permits, ultra-low retrofit status, recent exceedances, closed cases",
            description =
                    "JSON (default) or CSV, ordered by enterprise id. Filter by county (division code or Corps unit "
                            + "id). Exceedances cover the owner's recent window. Paged: pass 'next' as cursor.")
    @ApiResponse(
            responseCode = "200",
            description = "A page of enterprise disclosures",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = EnterprisesPage.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string"))
            })
    @ApiResponse(
            responseCode = "400",
            description = "Bad parameters, each named",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @GetMapping("/api/public/v1/datasets/enterprises")
    Mono<ResponseEntity<byte[]>> enterprises(
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
        return Mono.zip(disclosures.enterprises(), disclosures.closedCases()).map(t -> {
            ListAnswers.Page<Enterprise> page = lists.page(
                    t.getT1().stream().filter(e -> lists.within(q.unit(), e.county(), e.corpsUnit())),
                    Enterprise::id,
                    q.after(),
                    q.size());
            List<ClosedCase> cases = t.getT2();
            Object body;
            if (q.csv()) {
                Csv csv = new Csv().row(ENTERPRISE_CSV);
                for (Enterprise e : page.items()) {
                    Enterprise.Permit p =
                            e.permits().isEmpty() ? null : e.permits().get(0);
                    csv.row(java.util.Arrays.asList(
                            e.id(),
                            e.name(),
                            e.industry(),
                            e.county(),
                            e.corpsUnit(),
                            e.ultraLow(),
                            p == null ? null : p.number(),
                            p == null ? null : p.validFrom(),
                            p == null ? null : p.validUntil(),
                            p == null ? null : p.status(),
                            e.exceedances().size(),
                            cases.stream()
                                    .filter(c -> e.id().equals(c.enterpriseId()))
                                    .count()));
                }
                body = csv;
            } else {
                body = page.items().stream()
                        .map(e -> {
                            Map<String, Object> item = json.convertValue(e, LinkedHashMap.class);
                            item.put(
                                    "closedCases",
                                    cases.stream()
                                            .filter(c -> e.id().equals(c.enterpriseId()))
                                            .toList());
                            return item;
                        })
                        .toList();
            }
            Instant modified = ListAnswers.newest(Stream.concat(
                    page.items().stream().flatMap(e -> e.exceedances().stream()).map(Enterprise.Exceedance::hour),
                    cases.stream().map(ClosedCase::closedAt)));
            return lists.respond(exchange, q, body, page.next(), modified);
        });
    }

    @Operation(
            summary = "Closed enforcement cases and their outcomes",
            description =
                    "JSON (default) or CSV, ordered by case id. Only closed cases about enterprises, with what "
                            + "enforcement discloses of them. Filter by county (division code or Corps unit id). Paged: pass 'next' as cursor.")
    @ApiResponse(
            responseCode = "200",
            description = "A page of closed cases",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = CasesPage.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string"))
            })
    @ApiResponse(
            responseCode = "400",
            description = "Bad parameters, each named",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @GetMapping("/api/public/v1/datasets/cases")
    Mono<ResponseEntity<byte[]>> cases(
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
        return disclosures.closedCases().map(all -> {
            ListAnswers.Page<ClosedCase> page = lists.page(
                    all.stream().filter(c -> lists.within(q.unit(), c.jurisdiction(), c.corpsUnit())),
                    ClosedCase::caseId,
                    q.after(),
                    q.size());
            Object body = page.items();
            if (q.csv()) {
                Csv csv = new Csv().row(CASE_CSV);
                page.items()
                        .forEach(c -> csv.row(java.util.Arrays.asList(
                                c.caseId(),
                                c.enterpriseId(),
                                c.jurisdiction(),
                                c.corpsUnit(),
                                c.findingType(),
                                c.ruleId(),
                                c.ruleSource(),
                                c.summary(),
                                c.openedAt(),
                                c.closedAt(),
                                c.outcome())));
                body = csv;
            }
            return lists.respond(
                    exchange,
                    q,
                    body,
                    page.next(),
                    ListAnswers.newest(all.stream().map(ClosedCase::closedAt)));
        });
    }
}
