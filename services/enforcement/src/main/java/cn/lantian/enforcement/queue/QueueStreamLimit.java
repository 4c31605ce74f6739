package cn.lantian.enforcement.queue;

import cn.lantian.security.Caller;
import cn.lantian.security.Callers;
import cn.lantian.web.Problems;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Caps the work-queue streams one user (or agency client) holds open
 * ({@code lantian.enforcement.queue.max-streams-per-user}); one more is answered 429 with problem details. Runs after
 * the security chain, which has already refused a request without a valid token.
 */
@Component
class QueueStreamLimit implements WebFilter {

    static final String PATH = "/api/enforcement/v1/queue/stream";

    private final StreamSlots slots;

    QueueStreamLimit(@Value("${lantian.enforcement.queue.max-streams-per-user}") int maxStreamsPerUser) {
        this.slots = new StreamSlots(maxStreamsPerUser);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Optional<String> user = Callers.of(exchange).map(Caller::username);
        if (user.isEmpty()
                || !HttpMethod.GET.equals(exchange.getRequest().getMethod())
                || !PATH.equals(
                        exchange.getRequest().getPath().pathWithinApplication().value())) {
            return chain.filter(exchange);
        }
        if (!slots.tryOpen(user.get())) {
            return Problems.write(
                    exchange,
                    HttpStatus.TOO_MANY_REQUESTS,
                    "At most " + slots.cap() + " work-queue streams may be open per user; close one first.");
        }
        return chain.filter(exchange).doFinally(signal -> slots.close(user.get()));
    }
}
