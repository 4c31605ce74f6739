package cn.lantian.portal.upstream;

import cn.lantian.portal.PortalProperties;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Enterprise disclosures (stationary) and closed cases' outcomes (enforcement), read page by page from the owners'
 * public endpoints into the portal's records field by field. A case is kept only when it carries its closing time and
 * does not say it is in another state: an owner's mistake must not publish an open case.
 */
@Component
public class Disclosures {

    /** The largest page both owners serve (their {@code limit} is 1 to 200). */
    private static final int PAGE = 200;
    /** Enterprises read at the same time when fetching each one's exceedances. */
    private static final int CONCURRENCY = 4;

    private final WebClient stationary;
    private final WebClient enforcement;
    private final PortalProperties.Upstream upstream;
    private final TtlCache<String, List<Enterprise>> enterprises;
    private final TtlCache<String, List<ClosedCase>> cases;

    public Disclosures(WebClient.Builder builder, PortalProperties properties) {
        this.upstream = properties.upstream();
        this.stationary = builder.clone()
                .baseUrl(upstream.stationary().toString())
                .codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build();
        this.enforcement = builder.clone()
                .baseUrl(upstream.enforcement().toString())
                .codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build();
        this.enterprises = new TtlCache<>(properties.latestRefresh());
        this.cases = new TtlCache<>(properties.latestRefresh());
    }

    /**
     * Every enterprise's disclosure, by name. The owner's list carries no exceedances, so each enterprise is read once
     * more on its own (the owner's default window of recent days).
     */
    public Mono<List<Enterprise>> enterprises() {
        return enterprises.get(
                "all",
                k -> enterpriseIds(null)
                        .expand(page -> page.size() < PAGE ? Mono.empty() : enterpriseIds(page.get(page.size() - 1)))
                        .flatMapIterable(ids -> ids)
                        .flatMap(
                                id -> get(
                                        stationary,
                                        b -> b.path("/api/public/v1/enterprises/{id}")
                                                .build(id)),
                                CONCURRENCY)
                        .map(Disclosures::enterprise)
                        .collectSortedList(Comparator.comparing(
                                Enterprise::name, Comparator.nullsLast(Comparator.naturalOrder()))));
    }

    private Mono<List<String>> enterpriseIds(String after) {
        return get(stationary, b -> {
                    b.path("/api/public/v1/enterprises").queryParam("limit", PAGE);
                    return (after == null ? b : b.queryParam("after", after)).build();
                })
                .map(root -> {
                    List<String> ids = new ArrayList<>();
                    Json.items(root).forEach(e -> ids.add(Json.text(e, "id")));
                    ids.removeIf(java.util.Objects::isNull);
                    return ids;
                });
    }

    /** Closed cases with their outcomes, newest first; anything not plainly closed is dropped. */
    public Mono<List<ClosedCase>> closedCases() {
        return cases.get(
                "all",
                k -> casesPage(null)
                        .expand(page ->
                                Json.text(page, "next") == null ? Mono.empty() : casesPage(Json.text(page, "next")))
                        .flatMapIterable(page -> Json.items(page, "items"))
                        .filter(Disclosures::closed)
                        .map(Disclosures::closedCase)
                        .collectSortedList(Comparator.comparing(ClosedCase::closedAt, Comparator.reverseOrder())));
    }

    private Mono<JsonNode> casesPage(String after) {
        return get(enforcement, b -> {
            b.path("/api/public/v1/cases").queryParam("limit", PAGE);
            return (after == null ? b : b.queryParam("after", after)).build();
        });
    }

    /** Reads one of stationary's disclosures, naming each field the portal shows and nothing else. */
    static Enterprise enterprise(JsonNode e) {
        List<Enterprise.Permit> permits = new ArrayList<>();
        for (JsonNode p : Json.items(e, "permits")) {
            permits.add(new Enterprise.Permit(
                    Json.text(p, "number"),
                    Json.date(p, "validFrom"),
                    Json.date(p, "validUntil"),
                    Json.text(p, "status")));
        }
        List<Enterprise.Exceedance> exceedances = new ArrayList<>();
        for (JsonNode x : Json.items(e, "exceedances")) {
            exceedances.add(new Enterprise.Exceedance(
                    Json.text(x, "outletCode"),
                    Json.text(x, "pollutant"),
                    Json.instant(x, "hour"),
                    Json.number(x, "value"),
                    Json.number(x, "limit"),
                    Json.number(x, "ratio"),
                    Json.flag(x, false, "escalated")));
        }
        return new Enterprise(
                Json.text(e, "id"),
                Json.text(e, "name"),
                Json.text(e, "industry"),
                Json.text(e, "county"),
                Json.text(e, "corpsUnit"),
                Json.text(e, "ultraLow"),
                List.copyOf(permits),
                List.copyOf(exceedances));
    }

    /** Whether enforcement's item is a closed case: it has its closing time and claims no other state. */
    static boolean closed(JsonNode c) {
        String status = Json.text(c, "status");
        return Json.instant(c, "closedAt") != null && (status == null || "closed".equalsIgnoreCase(status));
    }

    /** Reads one of enforcement's closed-case outcomes, naming each field the portal shows and nothing else. */
    static ClosedCase closedCase(JsonNode c) {
        return new ClosedCase(
                Json.text(c, "caseId"),
                Json.text(c, "enterpriseId"),
                Json.text(c, "jurisdiction"),
                Json.text(c, "corpsUnit"),
                Json.text(c, "findingType"),
                Json.text(c, "ruleId"),
                Json.text(c, "ruleSource"),
                Json.text(c, "summary"),
                Json.instant(c, "openedAt"),
                Json.instant(c, "closedAt"),
                Json.text(c, "outcome"));
    }

    private Mono<JsonNode> get(WebClient client, java.util.function.Function<UriBuilder, java.net.URI> uri) {
        return client.get().uri(uri).retrieve().bodyToMono(JsonNode.class).timeout(upstream.timeout());
    }
}
