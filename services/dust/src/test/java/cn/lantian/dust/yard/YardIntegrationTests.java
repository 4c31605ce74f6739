package cn.lantian.dust.yard;

import cn.lantian.dust.IntegrationTest;
import cn.lantian.testsupport.DemoIdentity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YardIntegrationTests extends IntegrationTest {

    private static Map<String, Object> yard(String id, List<String> controls, double[] at) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "kind", "concrete-plant", "name", "搅拌站 " + id, "lon", at[0], "lat", at[1], "controls", controls));
        if (id != null) {
            body.put("id", id);
        }
        return body;
    }

    @Test
    void theOfficerUpdatesTheControlsOfTheirYardAndFindsTheYardsLackingOne() {
        String id = unique("yard");
        String housing = token(DemoIdentity.HOUSING_SHACHE);
        http.post()
                .uri("/api/dust/v1/yards")
                .header("Authorization", housing)
                .bodyValue(yard(id, List.of("enclosed"), SHACHE))
                .exchange()
                .expectStatus()
                .isCreated();
        http.post()
                .uri("/api/dust/v1/yards")
                .header("Authorization", housing)
                .bodyValue(yard(id, List.of("enclosed"), SHACHE))
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        String lacking = "/api/dust/v1/yards?kind=concrete-plant&lacking=vehicle-washing&limit=500";
        http.get()
                .uri(lacking)
                .header("Authorization", housing)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[?(@.id == '" + id + "')].jurisdiction")
                .isEqualTo("653125");

        http.put()
                .uri("/api/dust/v1/yards/" + id)
                .header("Authorization", housing)
                .bodyValue(yard(null, List.of("enclosed", "vehicle-washing", "enclosed"), SHACHE))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.controls.length()")
                .isEqualTo(2);
        http.get()
                .uri(lacking)
                .header("Authorization", housing)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[?(@.id == '" + id + "')]")
                .isEmpty();
        http.get()
                .uri("/api/dust/v1/yards/" + id)
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.controls[1]")
                .isEqualTo("vehicle-washing");
    }

    @Test
    void anotherCountysYardIsNeitherSeenNorChangedAndBadInputIsNamed() {
        String id = unique("yard");
        http.post()
                .uri("/api/dust/v1/yards")
                .header("Authorization", token(DemoIdentity.HOUSING_SHACHE))
                .bodyValue(yard(id, List.of(), SHACHE))
                .exchange()
                .expectStatus()
                .isCreated();
        http.get()
                .uri("/api/dust/v1/yards/" + id)
                .header("Authorization", token(DemoIdentity.ECO_KASHGAR))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType("application/problem+json");
        // Moving the yard out of Shache is refused; so is an unknown control.
        http.put()
                .uri("/api/dust/v1/yards/" + id)
                .header("Authorization", token(DemoIdentity.HOUSING_SHACHE))
                .bodyValue(yard(null, List.of(), KASHGAR))
                .exchange()
                .expectStatus()
                .isForbidden();
        http.put()
                .uri("/api/dust/v1/yards/" + id)
                .header("Authorization", token(DemoIdentity.HOUSING_SHACHE))
                .bodyValue(yard(null, List.of("prayer"), SHACHE))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("controls");
        http.get()
                .uri("/api/dust/v1/yards?lacking=prayer")
                .header("Authorization", token(DemoIdentity.HOUSING_SHACHE))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("lacking");
        http.put()
                .uri("/api/dust/v1/yards/no-such-yard")
                .header("Authorization", token(DemoIdentity.HOUSING_SHACHE))
                .bodyValue(yard(null, List.of(), SHACHE))
                .exchange()
                .expectStatus()
                .isNotFound();
    }
}
