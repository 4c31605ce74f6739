package cn.lantian.security;

import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import org.junit.jupiter.api.Test;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

class AccessPolicyTests {

    @RestController
    static class Endpoints {
        @GetMapping({"/api/public/v1/aqi", "/api/stationary/v1/permits", "/api/stationary/v1/hidden"})
        String read() {
            return "ok";
        }

        @PostMapping({"/api/stationary/v1/permits", "/api/public/v1/aqi"})
        String write() {
            return "ok";
        }
    }

    final WebTestClient client = client(AccessPolicy.create()
            .open("/api/public/**")
            .write("ecology", "/api/stationary/v1/permits")
            .read("/api/stationary/v1/permits"));

    static WebTestClient client(AccessPolicy policy) {
        SecurityWebFilterChain chain = ServerHttpSecurity.http()
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .exceptionHandling(e -> e.authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .authorizeExchange(policy)
                .build();
        return WebTestClient.bindToController(new Endpoints())
                .webFilter(new WebFilterChainProxy(chain))
                .apply(springSecurity())
                .configureClient()
                .build();
    }

    @Test
    void opensPublicPathsWithoutAToken() {
        client.get().uri("/api/public/v1/aqi").exchange().expectStatus().isOk();
    }

    @Test
    void letsAnyTokenRead() {
        client.mutateWith(mockJwt().authorities(new SimpleGrantedAuthority("ROLE_housing")))
                .get()
                .uri("/api/stationary/v1/permits")
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void refusesAReadWithoutAToken() {
        client.get().uri("/api/stationary/v1/permits").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void letsOnlyTheOwningAgencyWrite() {
        client.mutateWith(mockJwt().authorities(new SimpleGrantedAuthority("ROLE_ecology")))
                .post()
                .uri("/api/stationary/v1/permits")
                .exchange()
                .expectStatus()
                .isOk();
        client.mutateWith(mockJwt().authorities(new SimpleGrantedAuthority("ROLE_housing")))
                .post()
                .uri("/api/stationary/v1/permits")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(403);
    }

    @Test
    void closesWhatNoRuleNames() {
        client.mutateWith(mockJwt().authorities(new SimpleGrantedAuthority("ROLE_ecology")))
                .get()
                .uri("/api/stationary/v1/hidden")
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void opensWhatNoRuleNamesOnlyWhenAsked() {
        client(AccessPolicy.create().authenticated("/api/**").openTheRest())
                .get()
                .uri("/api/public/v1/aqi")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void opensReadsOnlyWhereAskedAndLeavesWritesToTheOtherRules() {
        WebTestClient publicReads = client(AccessPolicy.create().openReads("/api/public/**"));
        publicReads.get().uri("/api/public/v1/aqi").exchange().expectStatus().isOk();
        publicReads.post().uri("/api/public/v1/aqi").exchange().expectStatus().isUnauthorized();
    }
}
