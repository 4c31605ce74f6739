package cn.lantian.gateway.edge;

import cn.lantian.security.Caller;
import cn.lantian.security.Callers;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * One line per request on logger {@code lantian.access}: method, path, status, duration, request id, trace id,
 * caller and client address. Outermost filter, so that it also times and records refused requests.
 */
@Component
public class AccessLog implements WebFilter, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger("lantian.access");

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long start = System.nanoTime();
        return chain.filter(exchange).doFinally(signal -> log(exchange, signal, start));
    }

    private static void log(ServerWebExchange exchange, SignalType signal, long start) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        TraceParent trace = RequestCorrelation.trace(exchange);
        InetSocketAddress client = exchange.getRequest().getRemoteAddress();
        LOG.info(
                "{} {} {} {}us id={} trace={} caller={} client={}{}",
                exchange.getRequest().getMethod(),
                exchange.getRequest().getPath().value(),
                status == null ? 200 : status.value(),
                (System.nanoTime() - start) / 1000,
                RequestCorrelation.requestId(exchange),
                trace == null ? "-" : trace.traceId(),
                Callers.of(exchange).map(Caller::username).orElse("-"),
                client == null || client.getAddress() == null
                        ? "-"
                        : client.getAddress().getHostAddress(),
                signal == SignalType.CANCEL ? " cancelled" : "");
    }
}
