package cn.lantian.dust.disclosure;

import cn.lantian.dust.IntegrationTest;
import cn.lantian.testsupport.DemoIdentity;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The token-free lists show sites with their monitor status and nothing the public may not see. */
class PublicIntegrationTests extends IntegrationTest {

    @Test
    void theSiteListShowsTheMonitorStatusWithoutCreditCodesAndNeedsNoToken() {
        String site = unique("site");
        http.post()
                .uri("/api/dust/v1/sites")
                .header("Authorization", token(DemoIdentity.HOUSING_SHACHE))
                .bodyValue(Map.of(
                        "id",
                        site,
                        "project",
                        "公开测试",
                        "builderName",
                        "莎车建工",
                        "builderCreditCode",
                        CREDIT_CODE,
                        "areaM2",
                        3500,
                        "phase",
                        "structure",
                        "lon",
                        SHACHE[0],
                        "lat",
                        SHACHE[1]))
                .exchange()
                .expectStatus()
                .isCreated();
        http.get()
                .uri("/api/public/v1/dust/sites?county=653125&after=" + site.substring(0, site.length() - 1)
                        + "&limit=500")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[?(@.id == '" + site + "')].monitorStatus")
                .isEqualTo("missing")
                .jsonPath("$.items[0].builderCreditCode")
                .doesNotExist();
        http.get()
                .uri("/api/public/v1/dust/violations?from=2026-13-01")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("from");
        http.get()
                .uri("/api/public/v1/dust/violations")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items")
                .isArray();
    }

    @Test
    void healthAndTheOpenApiDocumentNeedNoToken() {
        http.get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
        http.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.paths['/api/dust/v1/sites']")
                .exists()
                .jsonPath("$.paths['/api/public/v1/dust/sites']")
                .exists();
    }
}
