package cn.lantian.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.testsupport.DemoIdentity;
import cn.lantian.testsupport.KeycloakTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** Routes, public and portal paths, documentation, request ids, trace context, CORS and security headers. */
class GatewayRoutingIntegrationTests extends GatewayIntegrationTest {

    @ParameterizedTest(name = "{0} goes to {1}")
    @CsvSource({
        "/api/stationary/v1/permits, stationary",
        "/api/mobile/v1/vehicles, mobile",
        "/api/dust/v1/sites, dust",
        "/api/straw/v1/fire-points, straw",
        "/api/greening/v1/areas, greening",
        "/api/air-quality/v1/stations, air-quality",
        "/api/enforcement/v1/cases, enforcement",
        "/api/search/v1/events, indexer"
    })
    void relaysEachDomainWithTheCallersToken(String path, String service) {
        String token = KeycloakTokens.of(DemoIdentity.ECO_SHACHE);
        JsonNode echo = client().get()
                .uri(path + "?page=2")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(echo.get("service").asString()).isEqualTo(service);
        assertThat(echo.get("path").asString()).isEqualTo(path);
        assertThat(echo.get("query").asString()).isEqualTo("page=2");
        assertThat(echo.get("authorization").asString()).isEqualTo("Bearer " + token);
    }

    @ParameterizedTest(name = "{0} goes to {1} without a token")
    @CsvSource({
        "/api/public/v1/aqi/now, air-quality",
        "/api/public/v1/stations, air-quality",
        "/api/public/v1/targets/2024, air-quality",
        "/api/public/v1/alerts/current, air-quality",
        "/api/public/v1/enterprises/disclosures, stationary",
        "/api/public/v1/dust/sites, dust",
        "/api/public/v1/cases/closed, enforcement",
        "/api/public/v1/assessments/2024-H1, enforcement",
        "/api/public/v1/greening/projects, greening",
        "/api/public/v1/mobile/inspection-stations, mobile",
        "/api/public/v1/downloads/pm25.csv, portal",
        "/, portal",
        "/assets/app.js, portal",
        "/targets/653125, portal"
    })
    void relaysPublicPathsAndPagesWithoutAToken(String path, String service) {
        JsonNode echo = client().get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(echo.get("service").asString()).isEqualTo(service);
        assertThat(echo.get("path").asString()).isEqualTo(path);
        assertThat(echo.get("authorization").isNull()).isTrue();
    }

    @Test
    void answersAnUnknownApiPathWith404ProblemDetails() {
        client().get()
                .uri("/api/nowhere/v1/things")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + KeycloakTokens.of(DemoIdentity.ECO_KASHGAR))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(404)
                .jsonPath("$.title")
                .isEqualTo("Not Found")
                .jsonPath("$.type")
                .isEqualTo("about:blank")
                .jsonPath("$.instance")
                .isEqualTo("/api/nowhere/v1/things")
                .jsonPath("$.trace")
                .doesNotExist()
                .jsonPath("$.exception")
                .doesNotExist();
    }

    @Test
    void answersAnUnknownDocumentWith404() {
        client().get()
                .uri("/openapi/nothing")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void servesASwaggerUiListingEveryServiceDocument() {
        client().get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
        client().get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
        JsonNode config = client().get()
                .uri("/v3/api-docs/swagger-config")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(config.get("urls").valueStream().map(u -> u.get("url").asString()))
                .contains(
                        "/v3/api-docs",
                        "/openapi/stationary",
                        "/openapi/mobile",
                        "/openapi/dust",
                        "/openapi/straw",
                        "/openapi/greening",
                        "/openapi/air-quality",
                        "/openapi/enforcement",
                        "/openapi/indexer");
        assertThat(config.get("urls.primaryName").asString()).isEqualTo("open-data");
        // springdoc sorts the list by name; the primary one is what opens.
        assertThat(config.get("urls")
                        .valueStream()
                        .filter(u -> u.get("name").asString().equals("open-data"))
                        .map(u -> u.get("url").asString()))
                .containsExactly("/api/public/v1/openapi");
        JsonNode own = client().get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(own.at("/paths").has("/api/me")).isTrue();
    }

    @ParameterizedTest(name = "/openapi/{0} is that service's /v3/api-docs")
    @CsvSource({"stationary", "mobile", "dust", "straw", "greening", "air-quality", "enforcement", "indexer"})
    void relaysEachServiceDocument(String service) {
        JsonNode echo = client().get()
                .uri("/openapi/" + service)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(echo.get("service").asString()).isEqualTo(service);
        assertThat(echo.get("path").asString()).isEqualTo("/v3/api-docs");
    }

    @Test
    void keepsTheCallersRequestIdAndContinuesTheirTrace() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        var result = client().get()
                .uri("/api/public/v1/aqi/now")
                .header("X-Request-Id", "agency-batch-42")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Request-Id", "agency-batch-42")
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(result.get("requestId").asString()).isEqualTo("agency-batch-42");
        String relayed = result.get("traceparent").asString();
        assertThat(relayed).matches("00-" + traceId + "-[0-9a-f]{16}-01").doesNotContain("00f067aa0ba902b7");
    }

    @Test
    void givesARequestIdAndATraceWhenTheCallerSentNone() {
        var exchange = client().get()
                .uri("/api/public/v1/aqi/now")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult();
        String id = exchange.getResponseHeaders().getFirst("X-Request-Id");
        assertThat(id).isNotBlank();
        assertThat(exchange.getResponseBody().get("requestId").asString()).isEqualTo(id);
        assertThat(exchange.getResponseBody().get("traceparent").asString()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    @Test
    void replacesAnUnsafeRequestIdAndAMalformedTrace() {
        var exchange = client().get()
                .uri("/api/public/v1/aqi/now")
                .header("X-Request-Id", "bad id\twith spaces")
                .header("traceparent", "00-00000000000000000000000000000000-00f067aa0ba902b7-01")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult();
        assertThat(exchange.getResponseHeaders().getFirst("X-Request-Id"))
                .isNotEqualTo("bad id\twith spaces")
                .matches("[0-9a-f-]{36}");
        assertThat(exchange.getResponseBody().get("traceparent").asString())
                .doesNotContain("00000000000000000000000000000000");
    }

    @Test
    void setsSecurityHeadersOnRelayedAndOwnAnswers() {
        for (String path : new String[] {"/", "/api/me", "/api/public/v1/aqi/now"}) {
            client().get()
                    .uri(path)
                    .exchange()
                    .expectHeader()
                    .valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader()
                    .valueEquals("X-Frame-Options", "DENY")
                    .expectHeader()
                    .value(
                            "Content-Security-Policy",
                            csp -> assertThat(csp)
                                    .contains("default-src 'self'")
                                    .contains("frame-ancestors 'none'"))
                    .expectHeader()
                    .exists("Referrer-Policy");
        }
    }

    @Test
    void answersACorsPreflightFromThePortalAndRefusesOtherOrigins() {
        client().options()
                .uri("/api/stationary/v1/permits")
                .header("Origin", "http://127.0.0.1:8090")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("Access-Control-Allow-Origin", "http://127.0.0.1:8090");
        client().options()
                .uri("/api/stationary/v1/permits")
                .header("Origin", "http://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .doesNotExist("Access-Control-Allow-Origin");
    }

    @Test
    void letsAnyOriginReadThePublicApiButNotWriteIt() {
        client().get()
                .uri("/api/public/v1/catalog")
                .header("Origin", "https://notebook.example")
                .exchange()
                .expectStatus()
                .value(status -> assertThat(status).isNotEqualTo(403))
                .expectHeader()
                .valueEquals("Access-Control-Allow-Origin", "https://notebook.example")
                .expectHeader()
                .value("Access-Control-Expose-Headers", h -> assertThat(h).contains("Link", "ETag"))
                .expectHeader()
                .doesNotExist("Access-Control-Allow-Credentials");
        client().options()
                .uri("/api/public/v1/datasets/stations")
                .header("Origin", "https://notebook.example")
                .header("Access-Control-Request-Method", "GET")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("Access-Control-Allow-Origin", "https://notebook.example");
        client().options()
                .uri("/api/public/v1/aqi/calculate")
                .header("Origin", "https://notebook.example")
                .header("Access-Control-Request-Method", "DELETE")
                .exchange()
                .expectStatus()
                .isForbidden();
    }
}
