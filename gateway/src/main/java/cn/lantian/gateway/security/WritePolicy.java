package cn.lantian.gateway.security;

import cn.lantian.gateway.GatewayProperties;
import cn.lantian.reference.Jurisdictions;
import cn.lantian.reference.Placement;
import cn.lantian.security.AccessPolicy;
import cn.lantian.security.Caller;
import cn.lantian.security.Callers;
import cn.lantian.web.Problems;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * The gateway's coarse write policy, a first line before each service's own: a write needs an agency role and a
 * jurisdiction, one of the route's writer agencies where configuration names them, and, when the request names the
 * jurisdiction it concerns, a jurisdiction the caller governs. Refusals are 403 problem details.
 */
@Component
class WritePolicy implements WebFilter, Ordered {

    private final Jurisdictions jurisdictions;
    private final String jurisdictionParameter;
    private final Map<PathPattern, List<String>> writers;

    WritePolicy(Jurisdictions jurisdictions, GatewayProperties properties) {
        this.jurisdictions = jurisdictions;
        this.jurisdictionParameter = properties.jurisdictionParameter();
        this.writers = properties.writers().entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(
                        e -> PathPatternParser.defaultInstance.parse(e.getKey()), Map.Entry::getValue));
    }

    @Override
    public int getOrder() {
        return 0; // after the security chain (-100), which has validated the token
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!AccessPolicy.WRITES.contains(exchange.getRequest().getMethod())
                || !path.startsWith("/api/")
                || path.startsWith("/api/public/")) {
            return chain.filter(exchange);
        }
        return Callers.of(exchange)
                .map(caller -> refusal(caller, exchange))
                .filter(reason -> !reason.isEmpty())
                .map(reason -> Problems.write(exchange, HttpStatus.FORBIDDEN, reason))
                .orElseGet(() -> chain.filter(exchange));
    }

    private String refusal(Caller caller, ServerWebExchange exchange) {
        if (caller.agencies().isEmpty() || caller.jurisdiction() == null) {
            return "Writing needs an agency role and a jurisdiction; this token carries neither or only one.";
        }
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        for (Map.Entry<PathPattern, List<String>> route : writers.entrySet()) {
            if (route.getKey().matches(path) && route.getValue().stream().noneMatch(caller::isOf)) {
                return "Only " + String.join(", ", route.getValue()) + " may write here; you act for "
                        + String.join(", ", caller.agencies()) + ".";
            }
        }
        String target = exchange.getRequest().getQueryParams().getFirst(jurisdictionParameter);
        if (target != null && !caller.governs(jurisdictions, placementOf(target))) {
            return "Jurisdiction " + caller.jurisdiction() + " may not write in " + target + ".";
        }
        return "";
    }

    private static Placement placementOf(String jurisdiction) {
        return new Placement(jurisdiction, jurisdiction.startsWith("xpcc-") ? jurisdiction : null);
    }
}
