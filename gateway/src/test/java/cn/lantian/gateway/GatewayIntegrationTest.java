package cn.lantian.gateway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway started on a free port against the real Keycloak, Redis, PostgreSQL and RabbitMQ, with its routes
 * pointed at {@link StandIns}; the integration tests share this one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
abstract class GatewayIntegrationTest {

    static final StandIns STAND_INS = StandIns.start();

    /**
     * This run's own prefix of the rate-limit counters in Redis, so that tests never count against, nor reset, the
     * counters of a gateway running on the same Redis; the keys expire with their window.
     */
    static final String RATE_KEYS =
            "lantian:rate:test-" + java.util.UUID.randomUUID().toString().substring(0, 8) + ":";

    @DynamicPropertySource
    static void routeToStandIns(DynamicPropertyRegistry registry) {
        STAND_INS.route(registry);
        registry.add("lantian.gateway.rate-limit.key-prefix", () -> RATE_KEYS);
        // The Redis the launcher started for this checkout, with its generated password (none without the launcher).
        registry.add("spring.data.redis.port", () -> cn.lantian.testsupport.Infrastructure.REDIS_PORT);
        registry.add("spring.data.redis.password", () -> cn.lantian.testsupport.Infrastructure.REDIS_PASSWORD);
    }

    @Value("${local.server.port}")
    int port;

    WebTestClient client() {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(java.time.Duration.ofSeconds(60))
                .build();
    }
}
