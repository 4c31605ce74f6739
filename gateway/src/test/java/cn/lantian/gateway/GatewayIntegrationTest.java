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

    @DynamicPropertySource
    static void routeToStandIns(DynamicPropertyRegistry registry) {
        STAND_INS.route(registry);
    }

    @Value("${local.server.port}")
    int port;

    WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(java.time.Duration.ofSeconds(60)).build();
    }
}
