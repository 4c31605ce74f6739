package cn.lantian.enforcement.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.lantian.enforcement.EnforcementIntegrationTest;
import cn.lantian.testsupport.DemoIdentity;
import cn.lantian.testsupport.KeycloakTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;

/** A user holds at most the configured number of work-queue streams; one more is a 429 problem, others are not held back. */
class QueueStreamLimitIntegrationTests extends EnforcementIntegrationTest {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENTS =
            new ParameterizedTypeReference<>() {};

    @Value("${lantian.enforcement.queue.max-streams-per-user}")
    int cap;

    @Test
    void aUserBeyondTheCapGets429UntilOneOfTheirStreamsCloses() {
        List<Disposable> bachu = new ArrayList<>();
        Set<Integer> opened = ConcurrentHashMap.newKeySet();
        try {
            for (int i = 0; i < cap; i++) {
                bachu.add(open(DemoIdentity.ECO_BACHU, i, opened));
            }
            // Each stream's first comment ("subscribed") arrives once it is open and holds its slot.
            await().atMost(Duration.ofSeconds(30)).until(() -> opened.size() == cap);

            as(DemoIdentity.ECO_BACHU)
                    .get()
                    .uri("/api/enforcement/v1/queue/stream")
                    .accept(MediaType.TEXT_EVENT_STREAM)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(429)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo(429)
                    .jsonPath("$.instance")
                    .isEqualTo("/api/enforcement/v1/queue/stream");

            // Another officer is not held back by Bachu's streams.
            bachu.add(open(DemoIdentity.CORPS_OFFICER, 100, opened));
            await().atMost(Duration.ofSeconds(30)).until(() -> opened.contains(100));

            // A closed stream frees its slot.
            bachu.remove(0).dispose();
            int[] attempt = {200};
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                int id = ++attempt[0];
                bachu.add(open(DemoIdentity.ECO_BACHU, id, opened));
                await().atMost(Duration.ofSeconds(5)).until(() -> opened.contains(id));
            });
            assertThat(opened).hasSize(cap + 2);
        } finally {
            bachu.forEach(Disposable::dispose);
        }
    }

    /** Opens a stream that stays open; its id joins {@code opened} when its first event arrives. */
    private Disposable open(DemoIdentity who, int id, Set<Integer> opened) {
        String token = KeycloakTokens.of(who);
        return WebClient.create("http://127.0.0.1:" + port)
                .get()
                .uri("/api/enforcement/v1/queue/stream")
                .headers(h -> h.setBearerAuth(token))
                .accept(MediaType.TEXT_EVENT_STREAM)
                .retrieve()
                .bodyToFlux(EVENTS)
                .subscribe(e -> opened.add(id), e -> {});
    }
}
