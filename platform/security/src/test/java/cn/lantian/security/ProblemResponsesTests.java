package cn.lantian.security;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

class ProblemResponsesTests {

    @RestController
    static class Endpoints {
        @GetMapping("/api/public/v1/aqi")
        String read() {
            return "ok";
        }
    }

    final WebTestClient client = client();

    static WebTestClient client() {
        SecurityWebFilterChain chain = ServerHttpSecurity.http()
                .exceptionHandling(e -> e.authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .authorizeExchange(AccessPolicy.create().open("/api/public/**"))
                .build();
        WebFilterChainProxy proxy = new WebFilterChainProxy(chain);
        proxy.setExchangeRejectedHandler(ProblemResponses.rejected());
        return WebTestClient.bindToController(new Endpoints()).webFilter(proxy).build();
    }

    @Test
    void answersAnEncodedTraversalWithAProblem() {
        client.get()
                .uri(URI.create("/api/%2e%2e/actuator"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(400)
                .jsonPath("$.type")
                .isEqualTo("about:blank")
                .jsonPath("$.detail")
                .isEqualTo("The request path or headers are not acceptable.");
        client.get().uri("/api/public/v1/aqi").exchange().expectStatus().isOk();
    }

    @Test
    void answersAMissingTokenWithTheSameShape() {
        client.get()
                .uri("/api/stationary/v1/permits")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Unauthorized")
                .jsonPath("$.instance")
                .isEqualTo("/api/stationary/v1/permits");
    }
}
