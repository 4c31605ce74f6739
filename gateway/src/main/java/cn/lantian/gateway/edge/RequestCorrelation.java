package cn.lantian.gateway.edge;

import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an {@code X-Request-Id} (the caller's, if it is a safe token, else a new one) and a W3C
 * {@code traceparent} (continuing the caller's trace, else a new one), passes both on to the service and returns the
 * request id to the caller.
 */
@Component
public class RequestCorrelation implements WebFilter, Ordered {

    /** The request-id header. */
    public static final String REQUEST_ID = "X-Request-Id";
    /** The W3C trace-context header. */
    public static final String TRACEPARENT = "traceparent";

    private static final String ID_ATTRIBUTE = RequestCorrelation.class.getName() + ".id";
    private static final String TRACE_ATTRIBUTE = RequestCorrelation.class.getName() + ".trace";
    // An incoming id ends up in logs and audit records: only plain tokens are kept, anything else is replaced.
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String incoming = request.getHeaders().getFirst(REQUEST_ID);
        String id = incoming != null && SAFE_ID.matcher(incoming).matches()
                ? incoming
                : UUID.randomUUID().toString();
        TraceParent trace = TraceParent.continueFrom(request.getHeaders().getFirst(TRACEPARENT));
        exchange.getAttributes().put(ID_ATTRIBUTE, id);
        exchange.getAttributes().put(TRACE_ATTRIBUTE, trace);
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(REQUEST_ID, id);
            return Mono.empty();
        });
        ServerHttpRequest relayed = request.mutate()
                .headers(h -> {
                    h.set(REQUEST_ID, id);
                    h.set(TRACEPARENT, trace.toString());
                })
                .build();
        return chain.filter(exchange.mutate().request(relayed).build());
    }

    /** The request id given to this exchange, or null before this filter ran. */
    public static String requestId(ServerWebExchange exchange) {
        return exchange.getAttribute(ID_ATTRIBUTE);
    }

    /** The trace context passed on for this exchange, or null before this filter ran. */
    public static TraceParent trace(ServerWebExchange exchange) {
        return exchange.getAttribute(TRACE_ATTRIBUTE);
    }
}
