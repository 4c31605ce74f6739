package cn.lantian.mobile.vehicle;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.mobile.IntegrationTest;
import cn.lantian.testsupport.DemoIdentity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The registry through its API: jurisdiction filters, foreign writes as missing, history, CSV import, bad input. */
class VehicleRegistryIntegrationTests extends IntegrationTest {

    private static final String VEHICLES = "/api/mobile/v1/vehicles";

    @Test
    void aCountyOfficerSeesOnlyTheirCountysVehicles() {
        String kashgarPlate = plate();
        String shachePlate = plate();
        String kashgars = register(
                DemoIdentity.POLICE_KASHGAR,
                vehicle(kashgarPlate, "heavy-truck", "diesel", "China V", "2018-03-01", true, "653101"));
        String shaches = register(
                DemoIdentity.ECO_SHACHE,
                vehicle(shachePlate, "car", "petrol", "China VI-b", "2024-05-01", false, "653125"));

        assertThat(ids(DemoIdentity.ECO_SHACHE, "?plate=" + shachePlate)).containsExactly(shaches);
        assertThat(ids(DemoIdentity.ECO_SHACHE, "?plate=" + kashgarPlate)).isEmpty();
        assertThat(ids(DemoIdentity.ECO_SHACHE, "")).doesNotContain(kashgars);
        assertThat(ids(DemoIdentity.POLICE_KASHGAR, "?plate=" + kashgarPlate)).containsExactly(kashgars);
        assertThat(ids(DemoIdentity.COORDINATOR, "?plate=" + kashgarPlate)).containsExactly(kashgars);
        assertThat(ids(DemoIdentity.COORDINATOR, "?jurisdiction=653125&plate=" + kashgarPlate))
                .isEmpty();
        http.get()
                .uri(VEHICLES + "/" + kashgars)
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .exchange()
                .expectStatus()
                .isNotFound();
        http.get()
                .uri(VEHICLES + "/" + kashgars)
                .header("Authorization", token(DemoIdentity.POLICE_KASHGAR))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.home")
                .isEqualTo("653101");
    }

    @Test
    void aCorpsVehicleIsJointWithItsHostCountyAndHiddenFromOthers() {
        String plate = plate();
        String id = register(
                DemoIdentity.CORPS_OFFICER,
                vehicle(plate, "heavy-truck", "diesel", "China V", "2019-03-01", true, "xpcc-3"));
        assertThat(ids(DemoIdentity.CORPS_OFFICER, "?plate=" + plate)).containsExactly(id);
        assertThat(ids(DemoIdentity.ECO_BACHU, "?plate=" + plate))
                .as("Bachu hosts Tumxuk")
                .containsExactly(id);
        assertThat(ids(DemoIdentity.ECO_SHACHE, "?plate=" + plate)).isEmpty();
        http.get()
                .uri(VEHICLES + "/" + id)
                .header("Authorization", token(DemoIdentity.ECO_BACHU))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.home")
                .isEqualTo("xpcc-3");
    }

    @Test
    void aWriteToAnotherJurisdictionsVehicleAnswersAsMissing() {
        Map<String, Object> body = vehicle(plate(), "bus", "diesel", "China IV", "2014-06-01", false, "653101");
        String id = register(DemoIdentity.POLICE_KASHGAR, body);
        body.put("owner", "改名后的公司");
        String missing = http.put()
                .uri(VEHICLES + "/" + id)
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        String unknown = http.put()
                .uri(VEHICLES + "/no-such-vehicle")
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(missing.replace(id, "X")).isEqualTo(unknown.replace("no-such-vehicle", "X"));

        // Positive control: the owner's county changes it, and the history keeps both versions.
        http.put()
                .uri(VEHICLES + "/" + id)
                .header("Authorization", token(DemoIdentity.POLICE_KASHGAR))
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.version")
                .isEqualTo(2);
        http.get()
                .uri(VEHICLES + "/" + id + "/history")
                .header("Authorization", token(DemoIdentity.POLICE_KASHGAR))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(2)
                .jsonPath("$[0].snapshot.owner")
                .isEqualTo("测试运输公司")
                .jsonPath("$[1].snapshot.owner")
                .isEqualTo("改名后的公司");

        // Registering into another county is refused outright; the housing agency may not write at all.
        http.post()
                .uri(VEHICLES)
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .bodyValue(vehicle(plate(), "car", "petrol", "China V", "2019-01-01", false, "653101"))
                .exchange()
                .expectStatus()
                .isForbidden();
        http.post()
                .uri(VEHICLES)
                .header("Authorization", token(DemoIdentity.HOUSING_SHACHE))
                .bodyValue(vehicle(plate(), "car", "petrol", "China V", "2019-01-01", false, "653125"))
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void badInputAnswersTheProblemShapeNamingEachField() {
        Map<String, Object> body = vehicle(plate(), "spaceship", "diesel", "China IX", "2019-01-01", true, "999999");
        body.put("vin", "IOQ");
        http.post()
                .uri(VEHICLES)
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[*].field")
                .value(fields -> assertThat((List<String>) fields).contains("vin", "kind", "emissionStage", "home"));
        http.post()
                .uri(VEHICLES)
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"plate\":12,\"certifiedOn\":\"yesterday\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(400);
        http.get()
                .uri(VEHICLES + "?limit=0")
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("limit");
    }

    @Test
    void aCsvImportTakesEveryGoodRowAndReportsEveryBadOne() {
        String good = plate();
        String csv = "id,plate,vin,kind,fuel,emissionStage,certifiedOn,operatingFreight,owner,home\n"
                + "," + good + "," + vin() + ",heavy-truck,diesel,China III,2012-04-01,true,喀什货运,653125\n"
                + "," + plate() + "," + vin() + ",heavy-truck,diesel,China III,2012-04-01,maybe,喀什货运,653125\n"
                + "," + plate() + "," + vin() + ",heavy-truck,diesel,China III,2012-04-01,true,喀什货运,653101\n"
                + "," + good + "," + vin() + ",car,petrol,China V,2019-04-01,false,张三,653125\n";
        http.post()
                .uri("/api/mobile/v1/imports/vehicles")
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue(csv)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.rows")
                .isEqualTo(4)
                .jsonPath("$.imported.length()")
                .isEqualTo(1)
                .jsonPath("$.rejected[0].line")
                .isEqualTo(3)
                .jsonPath("$.rejected[0].errors[0].field")
                .isEqualTo("operatingFreight")
                .jsonPath("$.rejected[1].line")
                .isEqualTo(4)
                .jsonPath("$.rejected[1].errors[0].field")
                .isEqualTo("home")
                .jsonPath("$.rejected[2].line")
                .isEqualTo(5)
                .jsonPath("$.rejected[2].errors[0].field")
                .isEqualTo("plate");
    }

    @Test
    void pagesFollowTheirCursor() {
        register(DemoIdentity.ECO_SHACHE, vehicle(plate(), "car", "petrol", "China V", "2019-01-01", false, "653125"));
        register(DemoIdentity.ECO_SHACHE, vehicle(plate(), "car", "petrol", "China V", "2019-01-01", false, "653125"));
        Map<?, ?> first = http.get()
                .uri(VEHICLES + "?limit=1")
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        String next = (String) first.get("next");
        assertThat(next).isNotNull();
        Map<?, ?> second = http.get()
                .uri(VEHICLES + "?limit=1&after=" + next)
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        String firstId = (String) ((Map<?, ?>) ((List<?>) first.get("items")).get(0)).get("id");
        String secondId = (String) ((Map<?, ?>) ((List<?>) second.get("items")).get(0)).get("id");
        assertThat(secondId).isGreaterThan(firstId);
    }

    @SuppressWarnings("unchecked")
    private List<String> ids(DemoIdentity who, String query) {
        Map<?, ?> page = http.get()
                .uri(VEHICLES + query + (query.isEmpty() ? "?" : "&") + "limit=500", Map.of())
                .header("Authorization", token(who))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return ((List<Map<String, Object>>) page.get("items"))
                .stream().map(v -> (String) v.get("id")).toList();
    }
}
