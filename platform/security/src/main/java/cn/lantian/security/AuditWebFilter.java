package cn.lantian.security;

import cn.lantian.reference.Jurisdictions;
import cn.lantian.reference.Placement;
import java.time.Clock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Records every authenticated write and every read across jurisdictions, with its outcome, before the answer leaves:
 * the response is committed only once {@link AccessAudit} has kept the record. Register it before the security chain
 * (order below -100) so that it also sees the requests that the chain refuses.
 *
 * <p>A read crosses jurisdictions when the caller reads at prefecture level, or when the request concerns (through
 * {@link #TARGET} or the jurisdiction parameter) a jurisdiction that the caller's own does not contain.
 */
public final class AuditWebFilter implements WebFilter {

    /** Exchange attribute a handler may set to the jurisdiction a request concerned, when the request does not say. */
    public static final String TARGET = AuditWebFilter.class.getName() + ".target";

    private static final Logger LOG = LoggerFactory.getLogger("lantian.audit");

    private final AccessAudit audit;
    private final Jurisdictions jurisdictions;
    private final Function<ServerWebExchange, String> requestId;
    private final String jurisdictionParameter;
    private final Clock clock;

    /**
     * @param requestId how to find the request id of an exchange, to tie the record to the access log
     * @param jurisdictionParameter the query parameter that names the jurisdiction a request concerns
     */
    public AuditWebFilter(
            AccessAudit audit,
            Jurisdictions jurisdictions,
            Function<ServerWebExchange, String> requestId,
            String jurisdictionParameter,
            Clock clock) {
        this.audit = audit;
        this.jurisdictions = jurisdictions;
        this.requestId = requestId;
        this.jurisdictionParameter = jurisdictionParameter;
        this.clock = clock;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> Mono.defer(() -> recordIfAudited(exchange)));
        return chain.filter(exchange);
    }

    private Mono<Void> recordIfAudited(ServerWebExchange exchange) {
        return Callers.of(exchange)
                .map(caller -> {
                    ServerHttpRequest request = exchange.getRequest();
                    String target = target(exchange);
                    boolean write = AccessPolicy.WRITES.contains(request.getMethod());
                    if (!write && !crosses(caller, target)) {
                        return Mono.<Void>empty();
                    }
                    HttpStatusCode status = exchange.getResponse().getStatusCode();
                    AccessRecord record = AccessRecord.of(
                            caller,
                            request.getMethod().name(),
                            request.getPath().value(),
                            target,
                            status == null ? 200 : status.value(),
                            requestId.apply(exchange),
                            clock.instant());
                    return audit.record(record)
                            // The request has already been served: refusing the answer now would hide what happened
                            // from the
                            // caller. The record is logged in full instead, so that nothing is lost.
                            .onErrorResume(e -> {
                                LOG.error("audit record not kept, logged instead: {} ({})", record, e.toString());
                                return Mono.empty();
                            });
                })
                .orElseGet(Mono::empty);
    }

    private String target(ServerWebExchange exchange) {
        Object set = exchange.getAttribute(TARGET);
        if (set != null) {
            return set.toString();
        }
        return exchange.getRequest().getQueryParams().getFirst(jurisdictionParameter);
    }

    private boolean crosses(Caller caller, String target) {
        if ("prefecture".equals(caller.level())) {
            return true;
        }
        if (target == null || caller.jurisdiction() == null) {
            return false;
        }
        return !target.equals(caller.jurisdiction()) && !jurisdictions.isWithin(target, caller.jurisdiction());
    }

    /** Whether a caller reading records placed there reads across jurisdictions (for handlers that check each record). */
    public static boolean crosses(Caller caller, Jurisdictions jurisdictions, Placement placement) {
        return "prefecture".equals(caller.level())
                || caller.jurisdiction() == null
                || !jurisdictions.sees(caller.jurisdiction(), placement);
    }
}
