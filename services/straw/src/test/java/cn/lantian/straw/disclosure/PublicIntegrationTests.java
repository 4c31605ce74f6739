package cn.lantian.straw.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.straw.IntegrationTest;
import cn.lantian.testsupport.DemoIdentity;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PublicIntegrationTests extends IntegrationTest {

    @Test
    void theIncidentMapIsGeoJsonWithoutPersonalData() {
        String id = JsonMapper.builder()
                .build()
                .readTree(http.post()
                        .uri("/api/straw/v1/fire-points")
                        .header("Authorization", token(DemoIdentity.AGRI_PREFECTURE))
                        .contentType(MediaType.parseMediaType("text/csv"))
                        .bodyValue(MODIS + modis(SHACHE, "Aqua", "0700"))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .at("/incidents/0")
                .asString();
        http.post()
                .uri("/api/straw/v1/incidents/{id}/verification", id)
                .header("Authorization", token(DemoIdentity.AGRI_SHACHE))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "verdict",
                        "burning-confirmed",
                        "material",
                        "leaves",
                        "verifiedAt",
                        day + "T08:00:00Z",
                        "note",
                        "村民 Memet 家"))
                .exchange()
                .expectStatus()
                .isOk();

        String body = http.get()
                .uri(
                        "/api/public/v1/straw/incidents?from={f}&to={t}&county=653125",
                        day + "T00:00:00Z",
                        day.plusDays(1) + "T00:00:00Z")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        JsonNode map = JsonMapper.builder().build().readTree(body);
        assertThat(map.get("type").asString()).isEqualTo("FeatureCollection");
        JsonNode feature = null;
        for (JsonNode f : map.get("features")) {
            if (f.get("id").asString().equals(id)) {
                feature = f;
            }
        }
        assertThat(feature).isNotNull();
        assertThat(feature.at("/geometry/type").asString()).isEqualTo("Point");
        assertThat(feature.at("/properties/verdict").asString()).isEqualTo("burning-confirmed");
        assertThat(feature.at("/properties/material").asString()).isEqualTo("leaves");
        assertThat(body).doesNotContain("Memet", "agri-shache", "handledBy", "note", "assignedTo");

        http.get()
                .uri("/api/public/v1/straw/incidents?from=yesterday")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("from");
    }

    @Test
    void healthAndTheApiDocumentAreOpenWhileTheApiNeedsAToken() {
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
                .jsonPath("$.paths['/api/straw/v1/fire-points']")
                .exists()
                .jsonPath("$.paths['/api/public/v1/straw/incidents']")
                .exists();
        http.get().uri("/api/straw/v1/incidents").exchange().expectStatus().isUnauthorized();
        http.get()
                .uri("/api/straw/v1/rules")
                .header("Authorization", token(cn.lantian.testsupport.DemoIdentity.HOUSING_SHACHE))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.rules[?(@.id == 'utilisation-target')].source")
                .value(v -> assertThat(v.toString()).contains("国发"));
        http.get()
                .uri("/api/public/v1/straw/utilisation")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.target")
                .isEqualTo(0.86);
    }
}
