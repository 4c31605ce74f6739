package cn.lantian.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.lantian.testsupport.DemoIdentity;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** Scenarios across services, driven through the gateway of the platform that {@code ./lantian up} started. */
@Order(2)
class ThroughTheGatewayIntegrationTests {

    static final String EXCEEDED = "lantian.stationary.emission-limit-exceeded.v1";
    static final String CASE_OPENED = "lantian.enforcement.case-opened.v1";
    /** Inside Kashgar City, beside its city station. */
    static final double[] KASHGAR_CITY = {75.96, 39.468};
    /** Inside Tumxuk, the 3rd Division's land that Bachu county surrounds. */
    static final double[] TUMXUK = {79.07, 39.86};

    @ParameterizedTest
    @EnumSource(DemoIdentity.class)
    void everyDemoUserIsKnownToThePlatform(DemoIdentity user) {
        HttpResponse<String> me = Gateway.get("/api/me", user);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains(user.username(), user.jurisdiction());
    }

    @Test
    void thePublicSeesStationsAndThePortalWithoutAToken() {
        HttpResponse<String> stations = Gateway.get("/api/public/v1/stations", null);
        assertThat(stations.statusCode()).isEqualTo(200);
        assertThat(stations.body()).contains("2700A");
        HttpResponse<String> home = Gateway.get("/", null);
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("<html", "蓝天");
    }

    @Test
    void searchWithoutATokenIsRefusedWithProblemDetails() {
        HttpResponse<String> response = Gateway.get("/api/search/v1/events", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .get()
                .asString()
                .contains("application/problem+json");
    }

    @Test
    void aReadingOverItsLimitIsFoundByItsCountyAndNotByAnother() {
        String outlet = outletWithNoxLimit(DemoIdentity.ECO_KASHGAR, KASHGAR_CITY);
        postExceedingReading(DemoIdentity.ECO_KASHGAR, outlet);

        String query = "/api/search/v1/events?type=" + EXCEEDED + "&q=" + outlet;
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> items(Gateway.get(query, DemoIdentity.ECO_KASHGAR)).size() == 1);
        assertThat(items(Gateway.get(query, DemoIdentity.COORDINATOR))).hasSize(1);
        assertThat(items(Gateway.get(query, DemoIdentity.ECO_SHACHE))).isEmpty();
    }

    @Test
    void anExceedanceInTumxukBecomesAJointCaseForBachuAndTheCorpsButNotShache() {
        String outlet = outletWithNoxLimit(DemoIdentity.ECO_BACHU, TUMXUK);
        postExceedingReading(DemoIdentity.ECO_BACHU, outlet);

        String query = "/api/search/v1/events?type=" + CASE_OPENED + "&q=" + outlet;
        List<JsonNode> opened = new ArrayList<>();
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    opened.clear();
                    opened.addAll(items(Gateway.get(query, DemoIdentity.ECO_BACHU)));
                    return !opened.isEmpty();
                });
        JsonNode event = opened.get(0);
        assertThat(event.get("jurisdiction").asString()).isEqualTo("653130");
        assertThat(event.get("corpsunit").asString()).isEqualTo("xpcc-3");
        String caseId = event.get("data").get("caseId").asString();

        HttpResponse<String> bachu = Gateway.get("/api/enforcement/v1/cases/" + caseId, DemoIdentity.ECO_BACHU);
        HttpResponse<String> corps = Gateway.get("/api/enforcement/v1/cases/" + caseId, DemoIdentity.CORPS_OFFICER);
        HttpResponse<String> shache = Gateway.get("/api/enforcement/v1/cases/" + caseId, DemoIdentity.ECO_SHACHE);
        assertThat(bachu.statusCode()).isEqualTo(200);
        assertThat(Gateway.json(bachu).get("joint").asBoolean()).isTrue();
        assertThat(corps.statusCode()).isEqualTo(200);
        assertThat(shache.statusCode()).isIn(403, 404);
        assertThat(items(Gateway.get(query, DemoIdentity.ECO_SHACHE))).isEmpty();
    }

    /** Registers an enterprise, an outlet with CEMS and a permit that limits NOx to 50 mg/m3; returns the outlet id. */
    private static String outletWithNoxLimit(DemoIdentity officer, double[] at) {
        String tag = "e2e" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
        String enterprise = "ent" + tag;
        String outlet = "out" + tag;
        created(Gateway.post(
                "/api/stationary/v1/enterprises",
                officer,
                "application/json",
                write(Map.of(
                        "id",
                        enterprise,
                        "creditCode",
                        CreditCodes.random(),
                        "name",
                        "系统测试企业 system-test " + tag,
                        "industry",
                        "heating",
                        "grade",
                        "B",
                        "lon",
                        at[0],
                        "lat",
                        at[1]))));
        created(Gateway.post(
                "/api/stationary/v1/facilities",
                officer,
                "application/json",
                write(Map.of(
                        "id",
                        outlet,
                        "kind",
                        "outlet",
                        "enterpriseId",
                        enterprise,
                        "name",
                        "DA001 " + tag,
                        "lon",
                        at[0],
                        "lat",
                        at[1],
                        "attributes",
                        Map.of("code", "DA001", "sourceKind", "coal-boiler", "cems", List.of("PM", "SO2", "NOx"))))));
        created(Gateway.post(
                "/api/stationary/v1/permits",
                officer,
                "application/json",
                write(Map.of(
                        "number",
                        ("P" + tag).toUpperCase(),
                        "enterpriseId",
                        enterprise,
                        "validFrom",
                        "2024-01-01",
                        "validUntil",
                        LocalDate.now().plusYears(3).toString(),
                        "limits",
                        List.of(Map.of("outletId", outlet, "pollutant", "NOx", "limitMgM3", 50, "yearlyT", 120))))));
        return outlet;
    }

    private static void postExceedingReading(DemoIdentity officer, String outlet) {
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.HOURS);
        String line = "{\"outletId\":\"" + outlet + "\",\"pollutant\":\"NOx\",\"hour\":\"" + hour
                + "\",\"value\":90,\"o2\":9,\"flow\":52000,\"flag\":\"N\"}\n";
        HttpResponse<String> report =
                Gateway.post("/api/stationary/v1/cems/readings", officer, "application/x-ndjson", line);
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        assertThat(Gateway.json(report).get("exceedances").asInt()).isEqualTo(1);
    }

    private static void created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static String write(Object value) {
        return Gateway.JSON.writeValueAsString(value);
    }

    private static List<JsonNode> items(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        Gateway.json(response).get("items").forEach(list::add);
        return list;
    }
}
