package cn.lantian.portal.live;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Caps the live streams one client address holds open ({@code lantian.portal.live.max-streams-per-address}); one more
 * is answered 429 with problem details. Each open stream holds a connection and a subscriber of the feed, so without a
 * cap one address could exhaust the portal. Behind the gateway the client address is the last entry of
 * {@code X-Forwarded-For}, trusted only from the configured proxies.
 */
@Component
class LiveStreamLimit implements WebFilter {

    static final String PATH = "/api/public/v1/live";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StreamSlots slots;
    private final List<String> trustedProxies;

    LiveStreamLimit(LiveProperties properties) {
        this.slots = new StreamSlots(properties.maxStreamsPerAddress());
        this.trustedProxies = properties.trustedProxies();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!PATH.equals(exchange.getRequest().getPath().pathWithinApplication().value())) {
            return chain.filter(exchange);
        }
        String client = clientAddress(exchange);
        if (!slots.tryOpen(client)) {
            return tooMany(exchange);
        }
        return chain.filter(exchange).doFinally(signal -> slots.close(client));
    }

    private String clientAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        String peer = remote == null || remote.getAddress() == null
                ? "unknown"
                : remote.getAddress().getHostAddress();
        String forwarded = exchange.getRequest().getHeaders().getFirst("X-Forwarded-For");
        if (forwarded == null || !trustedProxies.contains(peer)) {
            return peer;
        }
        // The proxy appends the address it saw; earlier entries are whatever the client claimed.
        String last = forwarded.substring(forwarded.lastIndexOf(',') + 1).trim();
        return last.isEmpty() ? peer : last;
    }

    private Mono<Void> tooMany(ServerWebExchange exchange) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", HttpStatus.TOO_MANY_REQUESTS.getReasonPhrase());
        problem.put("status", HttpStatus.TOO_MANY_REQUESTS.value());
        problem.put(
                "detail", "At most " + slots.cap() + " live streams may be open from one address; close one first.");
        problem.put("instance", exchange.getRequest().getPath().value());
        byte[] body = JSON.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(body.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
