package cn.lantian.portal.opendata;

import cn.lantian.portal.PortalProperties;
import cn.lantian.portal.upstream.ClosedCase;
import cn.lantian.portal.upstream.Disclosures;
import cn.lantian.portal.upstream.Enterprise;
import cn.lantian.reference.Jurisdictions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
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

    private static final int DEFAULT_LIMIT = 100;
    private static final List<String> ENTERPRISE_CSV = List.of("id", "name", "industry", "county", "corps_unit",
            "ultra_low", "permit_number", "permit_valid_from", "permit_valid_until", "permit_status",
            "recent_exceedances", "closed_cases");
    private static final List<String> CASE_CSV = List.of("case_id", "enterprise_id", "county", "corps_unit",
            "finding_type", "rule_id", "rule_source", "summary", "opened_at", "closed_at", "outcome");

    private final Disclosures disclosures;
    private final Jurisdictions jurisdictions;
    private final PortalProperties properties;
    private final Licence licence;
    private final JsonMapper json;

    DisclosuresController(Disclosures disclosures, Jurisdictions jurisdictions, PortalProperties properties,
            Licence licence, JsonMapper json) {
        this.disclosures = disclosures;
        this.jurisdictions = jurisdictions;
        this.properties = properties;
        this.licence = licence;
        this.json = json;
    }

    /** One page of a list sorted by id, and the cursor of the next page (null on the last). */
    private record Page<T>(List<T> items, String next) {
    }

    @Operation(summary = "Enterprise disclosures: permits, ultra-low retrofit status, recent exceedances, closed cases",
            description = "JSON (default) or CSV, ordered by enterprise id. Filter by county (division code or Corps unit "
                    + "id). Exceedances cover the owner's recent window. Paged: pass 'next' as cursor.")
    @GetMapping("/api/public/v1/datasets/enterprises")
    Mono<ResponseEntity<byte[]>> enterprises(ServerWebExchange exchange,
            @Parameter(description = "json or csv") @RequestParam(required = false) String format,
            @Parameter(description = "division code (653125) or Corps unit id (xpcc-3)") @RequestParam(required = false) String county,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
        Query q = query(exchange, format, county, limit, cursor);
        return Mono.zip(disclosures.enterprises(), disclosures.closedCases()).map(t -> {
            Page<Enterprise> page = page(t.getT1().stream().filter(e -> within(q.unit(), e.county(), e.corpsUnit())),
                    Enterprise::id, q.after(), q.size());
            List<ClosedCase> cases = t.getT2();
            Object body;
            if (q.csv()) {
                Csv csv = new Csv().row(ENTERPRISE_CSV);
                for (Enterprise e : page.items()) {
                    Enterprise.Permit p = e.permits().isEmpty() ? null : e.permits().get(0);
                    csv.row(java.util.Arrays.asList(e.id(), e.name(), e.industry(), e.county(), e.corpsUnit(), e.ultraLow(),
                            p == null ? null : p.number(), p == null ? null : p.validFrom(),
                            p == null ? null : p.validUntil(), p == null ? null : p.status(), e.exceedances().size(),
                            cases.stream().filter(c -> e.id().equals(c.enterpriseId())).count()));
                }
                body = csv;
            } else {
                body = page.items().stream().map(e -> {
                    Map<String, Object> item = json.convertValue(e, LinkedHashMap.class);
                    item.put("closedCases", cases.stream().filter(c -> e.id().equals(c.enterpriseId())).toList());
                    return item;
                }).toList();
            }
            Instant modified = newest(Stream.concat(page.items().stream().flatMap(e -> e.exceedances().stream())
                    .map(Enterprise.Exceedance::hour), cases.stream().map(ClosedCase::closedAt)));
            return respond(exchange, q, body, page.next(), modified);
        });
    }

    @Operation(summary = "Closed enforcement cases and their outcomes",
            description = "JSON (default) or CSV, ordered by case id. Only closed cases about enterprises, with what "
                    + "enforcement discloses of them. Filter by county (division code or Corps unit id). Paged: pass 'next' as cursor.")
    @GetMapping("/api/public/v1/datasets/cases")
    Mono<ResponseEntity<byte[]>> cases(ServerWebExchange exchange,
            @Parameter(description = "json or csv") @RequestParam(required = false) String format,
            @Parameter(description = "division code (653125) or Corps unit id (xpcc-3)") @RequestParam(required = false) String county,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
        Query q = query(exchange, format, county, limit, cursor);
        return disclosures.closedCases().map(all -> {
            Page<ClosedCase> page = page(all.stream().filter(c -> within(q.unit(), c.jurisdiction(), c.corpsUnit())),
                    ClosedCase::caseId, q.after(), q.size());
            Object body = page.items();
            if (q.csv()) {
                Csv csv = new Csv().row(CASE_CSV);
                page.items().forEach(c -> csv.row(java.util.Arrays.asList(c.caseId(), c.enterpriseId(), c.jurisdiction(),
                        c.corpsUnit(), c.findingType(), c.ruleId(), c.ruleSource(), c.summary(), c.openedAt(),
                        c.closedAt(), c.outcome())));
                body = csv;
            }
            return respond(exchange, q, body, page.next(), newest(all.stream().map(ClosedCase::closedAt)));
        });
    }

    /** The checked parameters both lists take. */
    private record Query(boolean csv, String unit, int size, String[] after) {
    }

    private Query query(ServerWebExchange exchange, String format, String county, String limit, String cursor) {
        Params params = new Params();
        String chosen = Formats.choose(params, format, exchange, List.of("json", "csv"));
        String unit = params.county(county, jurisdictions);
        int size = params.limit(limit, DEFAULT_LIMIT, properties.pageSizeMax());
        String[] after = params.cursor(cursor);
        params.check();
        return new Query(chosen.equals("csv"), unit, size, after);
    }

    /** A CSV as it is, or JSON items wrapped with the licence and the next cursor; with ETag and Last-Modified. */
    private ResponseEntity<byte[]> respond(ServerWebExchange exchange, Query q, Object body, String next, Instant modified) {
        String text;
        if (body instanceof Csv csv) {
            text = csv.toString();
        } else {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("licence", licence.field(false));
            root.put("items", body);
            root.put("next", next);
            text = json.writeValueAsString(root);
        }
        return Conditional.respond(exchange, text, Formats.mediaType(q.csv() ? "csv" : "json"), modified,
                Duration.ofSeconds(60));
    }

    private static Instant newest(Stream<Instant> times) {
        return times.filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
    }

    private boolean within(String unit, String county, String corpsUnit) {
        return unit == null || unit.equals(county) || unit.equals(corpsUnit)
                || (corpsUnit != null && jurisdictions.isWithin(corpsUnit, unit));
    }

    private static <T> Page<T> page(Stream<T> items, Function<T, String> id, String[] after, int size) {
        List<T> sorted = new ArrayList<>(items.filter(x -> id.apply(x) != null)
                .filter(x -> after == null || id.apply(x).compareTo(after[0]) > 0)
                .sorted(Comparator.comparing(id)).toList());
        if (sorted.size() <= size) {
            return new Page<>(sorted, null);
        }
        List<T> first = List.copyOf(sorted.subList(0, size));
        return new Page<>(first, Params.cursorOf(id.apply(first.get(size - 1)), ""));
    }
}
