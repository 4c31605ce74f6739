package cn.lantian.greening;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.testsupport.DemoIdentity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublicDatasetsIntegrationTests extends IntegrationTest {

    @Test
    void projectsAreAPublicFeatureCollectionWithoutTheForestChiefs() {
        String id = createProject(DemoIdentity.FORESTRY_SHACHE, box(77.0, 38.31, 77.02, 38.33));

        String body = http.get()
                .uri("/api/public/v1/greening/projects?county=653125")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(body)
                .contains(
                        "\"type\":\"FeatureCollection\"",
                        "\"id\":\"" + id + "\"",
                        "\"type\":\"Polygon\"",
                        "\"planned\":{\"hectares\":10.0,\"mu\":150.0}")
                .doesNotContain("县林长", "乡林长", "chief");
        Map<?, ?> other = http.get()
                .uri("/api/public/v1/greening/projects?county=653127")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat((List<Map<String, Object>>) other.get("features"))
                .extracting(f -> f.get("id"))
                .doesNotContain(id);

        http.get()
                .uri("/api/public/v1/greening/projects?county=DROP")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("county");
        http.get()
                .uri("/api/public/v1/greening/closure-areas")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("FeatureCollection");
        http.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(doc ->
                        assertThat(doc).contains("/api/greening/v1/projects", "/api/public/v1/greening/projects"));
        // Only the public datasets are open.
        http.get()
                .uri("/api/greening/v1/closure-areas")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }
}
