package cn.lantian.portal.upstream;

import cn.lantian.portal.PortalProperties;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Enterprise disclosures (stationary service) and closed cases' outcomes (enforcement service). Both are read into
 * the portal's records field by field, and a case is kept only when it says it is closed: an owner's mistake must
 * not publish an open case or an officer's note.
 */
@Component
public class Disclosures {

    private static final Set<String> CLOSED = Set.of("closed", "结案", "已结案", "concluded");

    private final WebClient stationary;
    private final WebClient enforcement;
    private final PortalProperties.Upstream upstream;
    private final TtlCache<String, List<Enterprise>> enterprises;
    private final TtlCache<String, List<ClosedCase>> cases;

    public Disclosures(WebClient.Builder builder, PortalProperties properties) {
        this.upstream = properties.upstream();
        this.stationary = builder.clone().baseUrl(upstream.stationary().toString())
                .codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build();
        this.enforcement = builder.clone().baseUrl(upstream.enforcement().toString())
                .codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build();
        this.enterprises = new TtlCache<>(properties.latestRefresh());
        this.cases = new TtlCache<>(properties.latestRefresh());
    }

    /** Every enterprise's disclosure, by name. */
    public Mono<List<Enterprise>> enterprises() {
        return enterprises.get("all", k -> get(stationary, "/api/public/v1/enterprises").map(root -> {
            List<Enterprise> out = new ArrayList<>();
            for (JsonNode e : Json.items(root, "enterprises", "items", "data")) {
                JsonNode permit = Json.field(e, "permit");
                JsonNode ultraLow = Json.field(e, "ultraLow", "ultraLowRetrofit");
                List<Enterprise.Exceedance> exceedances = new ArrayList<>();
                for (JsonNode x : Json.items(e, "exceedances")) {
                    exceedances.add(new Enterprise.Exceedance(Json.instant(x, "hour", "time"), Json.text(x, "outlet", "outletId"),
                            Json.text(x, "pollutant"), Json.number(x, "value", "measured"), Json.number(x, "limit"),
                            Json.text(x, "unit")));
                }
                out.add(new Enterprise(Json.text(e, "id", "enterpriseId", "creditCode"), Json.text(e, "nameZh", "name"),
                        Json.text(e, "county", "jurisdiction"),
                        permit == null ? Json.text(e, "permitNumber") : Json.text(permit, "number", "permitNumber"),
                        permit == null ? Json.date(e, "permitValidUntil") : Json.date(permit, "validUntil", "validTo"),
                        permit == null ? Json.text(e, "permitStatus") : Json.text(permit, "status"),
                        ultraLow == null ? null : ultraLow.isValueNode() ? ultraLow.asString() : Json.text(ultraLow, "status"),
                        exceedances));
            }
            out.sort(Comparator.comparing(Enterprise::name, Comparator.nullsLast(Comparator.naturalOrder())));
            return out;
        }));
    }

    /** Closed cases with their outcomes, newest first; anything not marked closed is dropped. */
    public Mono<List<ClosedCase>> closedCases() {
        return cases.get("all", k -> get(enforcement, "/api/public/v1/cases").map(root -> {
            List<ClosedCase> out = new ArrayList<>();
            for (JsonNode c : Json.items(root, "cases", "items", "data")) {
                String status = Json.text(c, "status", "state");
                if (status == null || !CLOSED.contains(status.toLowerCase())) {
                    continue;
                }
                out.add(new ClosedCase(Json.text(c, "id", "caseId", "number"), Json.text(c, "enterpriseId"),
                        Json.text(c, "subject", "enterpriseName", "partyName"), Json.text(c, "county", "jurisdiction"),
                        Json.text(c, "violation", "violationZh"), Json.text(c, "outcome", "decision", "outcomeZh"),
                        Json.number(c, "penaltyYuan", "penalty", "fineYuan"), Json.date(c, "closedOn", "closedAt")));
            }
            out.sort(Comparator.comparing(ClosedCase::closedOn, Comparator.nullsLast(Comparator.reverseOrder())));
            return out;
        }));
    }

    private Mono<JsonNode> get(WebClient client, String path) {
        return client.get().uri(path).retrieve().bodyToMono(JsonNode.class).timeout(upstream.timeout());
    }
}
