package cn.lantian.enforcement.queue;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.security.Caller;
import cn.lantian.security.Callers;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class QueueStreamLimitTests {

    private final QueueStreamLimit limit = new QueueStreamLimit(2);

    @Test
    void refusesAThirdStreamOfOneUserWithProblemDetailsUntilOneCloses() {
        Sinks.Empty<Void> first = open("eco-bachu");
        open("eco-bachu");

        MockServerWebExchange third = exchange("eco-bachu", QueueStreamLimit.PATH);
        limit.filter(third, e -> Mono.error(new AssertionError("must not stream")))
                .block();
        assertThat(third.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(third.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(third.getResponse().getBodyAsString().block())
                .contains(
                        "\"status\":429",
                        "\"instance\":\"/api/enforcement/v1/queue/stream\"",
                        "At most 2 work-queue streams");

        open("corps-officer");
        first.tryEmitEmpty();
        open("eco-bachu");
    }

    @Test
    void leavesTheListAndAnonymousRequestsToTheirOwnChecks() {
        for (int i = 0; i < 4; i++) {
            MockServerWebExchange list = exchange("eco-shache", "/api/enforcement/v1/queue");
            limit.filter(list, e -> Mono.never()).subscribe();
            assertThat(list.getResponse().getStatusCode()).isNull();
            MockServerWebExchange anonymous =
                    MockServerWebExchange.from(MockServerHttpRequest.get(QueueStreamLimit.PATH));
            limit.filter(anonymous, e -> Mono.never()).subscribe();
            assertThat(anonymous.getResponse().getStatusCode()).isNull();
        }
    }

    private Sinks.Empty<Void> open(String user) {
        MockServerWebExchange exchange = exchange(user, QueueStreamLimit.PATH);
        Sinks.Empty<Void> stream = Sinks.empty();
        limit.filter(exchange, e -> stream.asMono()).subscribe();
        assertThat(exchange.getResponse().getStatusCode())
                .as("stream of " + user)
                .isNull();
        return stream;
    }

    private static MockServerWebExchange exchange(String user, String path) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get(path));
        exchange.getAttributes().put(Callers.ATTRIBUTE, new Caller(user, Set.of("ecology"), "county", "653130", false));
        return exchange;
    }
}
