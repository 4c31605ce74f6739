package cn.lantian.portal.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class LiveStreamLimitTests {

    private final LiveStreamLimit limit = new LiveStreamLimit(new LiveProperties(2, List.of("127.0.0.1")));

    @Test
    void refusesAStreamBeyondTheCapOfOneAddressWithProblemDetails() {
        Sinks.Empty<Void> first = open("10.1.1.1");
        Sinks.Empty<Void> second = open("10.1.1.1");
        assertThat(first).isNotNull();
        assertThat(second).isNotNull();

        MockServerWebExchange third = exchange("127.0.0.1", "10.1.1.1");
        limit.filter(third, e -> Mono.error(new AssertionError("must not stream")))
                .block();
        assertThat(third.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(third.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(third.getResponse().getBodyAsString().block())
                .contains("\"status\":429", "\"instance\":\"/api/public/v1/live\"", "most 2 live streams");

        // Another address is not affected, and a closed stream frees its slot.
        assertThat(open("10.2.2.2")).isNotNull();
        first.tryEmitEmpty();
        assertThat(open("10.1.1.1")).isNotNull();
    }

    @Test
    void believesForwardedForOnlyFromATrustedProxy() {
        open("10.3.3.3");
        open("10.3.3.3");
        // A client that claims another address directly is counted by its own address, which is still free.
        MockServerWebExchange direct = exchange("192.0.2.7", "10.3.3.3");
        Sinks.Empty<Void> stream = Sinks.empty();
        limit.filter(direct, e -> stream.asMono()).subscribe();
        assertThat(direct.getResponse().getStatusCode()).isNull();
        // Through the proxy, the proxy's last entry counts, not what the client put first.
        MockServerWebExchange spoofed = exchange("127.0.0.1", "10.9.9.9, 10.3.3.3");
        limit.filter(spoofed, e -> Mono.empty()).block();
        assertThat(spoofed.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void leavesOtherPathsAlone() {
        for (int i = 0; i < 5; i++) {
            MockServerWebExchange page = MockServerWebExchange.from(
                    MockServerHttpRequest.get("/").remoteAddress(new InetSocketAddress("10.4.4.4", 40000)));
            limit.filter(page, e -> Mono.never()).subscribe();
            assertThat(page.getResponse().getStatusCode()).isNull();
        }
    }

    /** Opens a stream that stays open until the returned sink completes. */
    private Sinks.Empty<Void> open(String client) {
        MockServerWebExchange exchange = exchange("127.0.0.1", client);
        Sinks.Empty<Void> stream = Sinks.empty();
        limit.filter(exchange, e -> stream.asMono()).subscribe();
        assertThat(exchange.getResponse().getStatusCode())
                .as("stream of " + client)
                .isNull();
        return stream;
    }

    private static MockServerWebExchange exchange(String peer, String forwardedFor) {
        return MockServerWebExchange.from(MockServerHttpRequest.get(LiveStreamLimit.PATH)
                .remoteAddress(new InetSocketAddress(peer, 40000))
                .header("X-Forwarded-For", forwardedFor));
    }
}
