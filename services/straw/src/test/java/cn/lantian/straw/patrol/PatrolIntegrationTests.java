package cn.lantian.straw.patrol;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.straw.IntegrationTest;
import cn.lantian.testsupport.DemoIdentity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PatrolIntegrationTests extends IntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private String incidentAt(double[] at, String hhmm) {
        String body = http.post()
                .uri("/api/straw/v1/fire-points")
                .header("Authorization", token(DemoIdentity.AGRI_PREFECTURE))
                .contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue(MODIS + modis(at, "Terra", hhmm))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        return JSON.readTree(body).at("/incidents/0").asString();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec verify(
            DemoIdentity who, String id, Object body) {
        return http.post()
                .uri("/api/straw/v1/incidents/{id}/verification", id)
                .header("Authorization", token(who))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    @Test
    void confirmedBurningClosesTheIncidentWithItsResponseTimeAndOpensACase() {
        String id = incidentAt(TUMXUK, "0500");
        String verifiedAt = day + "T07:30:00Z";
        JsonNode handled = JSON.readTree(verify(
                        DemoIdentity.AGRI_PREFECTURE,
                        id,
                        Map.of(
                                "verdict",
                                "burning-confirmed",
                                "material",
                                "straw",
                                "verifiedAt",
                                verifiedAt,
                                "note",
                                "户主已处罚"))
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());

        assertThat(handled.get("status").asString()).isEqualTo("handled");
        assertThat(handled.get("responseMinutes").asInt()).isEqualTo(150);
        assertThat(events("lantian.straw.fire-point-handled.v1", "fire-point/" + id))
                .singleElement()
                .asString()
                .contains(
                        "\"verdict\":\"burning-confirmed\"",
                        "\"material\":\"straw\"",
                        "\"responseMinutes\":150",
                        "\"outcome\":\"确认焚烧 burning confirmed: 秸秆 straw\"",
                        "\"corpsunit\":\"xpcc-3\"")
                .doesNotContain("户主已处罚");
        assertThat(events("lantian.straw.burning-confirmed.v1", "fire-point/" + id))
                .singleElement()
                .asString()
                .contains("\"material\":\"straw\"", "\"jurisdiction\":\"653130\"");

        // Verified once: a second report is refused, and raises nothing.
        verify(DemoIdentity.AGRI_PREFECTURE, id, Map.of("verdict", "false-alarm", "verifiedAt", verifiedAt))
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(409);
        assertThat(events("lantian.straw.fire-point-handled.v1", "fire-point/" + id))
                .hasSize(1);
    }

    @Test
    void aFalseAlarmRaisesOnlyTheHandledEvent() {
        String id = incidentAt(SHACHE, "0510");
        verify(DemoIdentity.AGRI_SHACHE, id, Map.of("verdict", "industrial-source", "verifiedAt", day + "T06:10:00Z"))
                .expectStatus()
                .isOk();
        assertThat(events("lantian.straw.fire-point-handled.v1", "fire-point/" + id))
                .singleElement()
                .asString()
                .contains("\"verdict\":\"industrial-source\"", "\"responseMinutes\":60");
        assertThat(events("lantian.straw.burning-confirmed.v1", "fire-point/" + id))
                .isEmpty();
    }

    @Test
    void writesOutsideTheCallersJurisdictionAnswerAsIfTheIncidentDidNotExist() {
        String bachu = incidentAt(BACHU, "0520");
        String shache = incidentAt(SHACHE, "0520");
        Map<String, String> body = Map.of("verdict", "false-alarm", "verifiedAt", day + "T06:00:00Z");

        verify(DemoIdentity.AGRI_SHACHE, bachu, body)
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Incident " + bachu + " was not found.");
        verify(DemoIdentity.AGRI_SHACHE, "fp-20010101-nothing", body)
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Incident fp-20010101-nothing was not found.");
        http.post()
                .uri("/api/straw/v1/incidents/{id}/assignment", bachu)
                .header("Authorization", token(DemoIdentity.AGRI_SHACHE))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("assignedTo", "阿瓦提镇"))
                .exchange()
                .expectStatus()
                .isNotFound();
        // Ecology reads but does not write, even in its own county.
        verify(DemoIdentity.ECO_SHACHE, shache, body).expectStatus().isForbidden();
        assertThat(events("lantian.straw.fire-point-handled.v1", "fire-point/" + bachu))
                .isEmpty();

        // The positive control: the county's own agriculture officer assigns and verifies.
        http.post()
                .uri("/api/straw/v1/incidents/{id}/assignment", shache)
                .header("Authorization", token(DemoIdentity.AGRI_SHACHE))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("assignedTo", "阿瓦提镇"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.assignedTo")
                .isEqualTo("阿瓦提镇");
        verify(DemoIdentity.AGRI_SHACHE, shache, body).expectStatus().isOk();
        assertThat(events("lantian.straw.fire-point-handled.v1", "fire-point/" + shache))
                .singleElement()
                .asString()
                .contains("\"assignedTo\":\"阿瓦提镇\"");
    }

    @Test
    void aCountyIncidentGoesToTheCountysDutyOfficeWhichDispatchesATownshipOfItsOwnRoster() {
        String id = incidentAt(SHACHE, "0545");
        JsonNode incident = JSON.readTree(http.get()
                .uri("/api/straw/v1/incidents/{id}", id)
                .header("Authorization", token(DemoIdentity.AGRI_SHACHE))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
        assertThat(incident.at("/incident/assignedTo").asString())
                .as("no township boundaries: the county's duty office has it at once")
                .isEqualTo("653125-duty");
        assertThat(incident.at("/incident/assignedAt").isNull()).isFalse();

        // The roster the county dispatches from, among the rule tables.
        JsonNode rules = JSON.readTree(http.get()
                .uri("/api/straw/v1/rules")
                .header("Authorization", token(DemoIdentity.AGRI_SHACHE))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
        List<String> shache = new ArrayList<>();
        rules.get("dutyRoster").forEach(u -> {
            if (u.get("county").asString().equals("653125")) {
                shache.add(u.get("id").asString() + (u.get("duty").asBoolean() ? " (duty)" : ""));
            }
        });
        assertThat(shache).contains("653125-duty (duty)", "653125100");

        // Another county's township is refused; the county's own one is taken.
        http.post()
                .uri("/api/straw/v1/incidents/{id}/assignment", id)
                .header("Authorization", token(DemoIdentity.AGRI_SHACHE))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("assignedTo", "653130100"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("assignedTo");
        http.post()
                .uri("/api/straw/v1/incidents/{id}/assignment", id)
                .header("Authorization", token(DemoIdentity.AGRI_SHACHE))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("assignedTo", "653125100"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.assignedTo")
                .isEqualTo("653125100");
    }

    @Test
    void badReportsAnswerTheProblemShapeAndChangeNothing() {
        String id = incidentAt(SHACHE, "0530");
        // A NUL is refused while the body is read, before the service's own checks.
        verify(
                        DemoIdentity.AGRI_SHACHE,
                        id,
                        Map.of("verdict", "false-alarm", "verifiedAt", day + "T06:00:00Z", "note", "a\u0000b"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("note");
        verify(
                        DemoIdentity.AGRI_SHACHE,
                        id,
                        Map.of(
                                "verdict",
                                "false-alarm",
                                "material",
                                "straw",
                                "verifiedAt",
                                "yesterday",
                                "note",
                                "x".repeat(501)))
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Bad Request")
                .jsonPath("$.instance")
                .isEqualTo("/api/straw/v1/incidents/" + id + "/verification")
                .jsonPath("$.errors[*].field")
                .value(f -> assertThat(f.toString()).contains("material", "note", "verifiedAt"));
        verify(
                        DemoIdentity.AGRI_SHACHE,
                        id,
                        Map.of("verdict", "burning-confirmed", "verifiedAt", day + "T04:00:00Z", "material", "straw"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("verifiedAt");

        // Wrong JSON types are not coerced; trailing tokens and unknown fields are refused; no parser text leaks.
        for (String raw : new String[] {
            "{\"verdict\":5,\"verifiedAt\":\"" + day + "T06:00:00Z\"}",
            "{\"verdict\":\"false-alarm\",\"verifiedAt\":\"" + day + "T06:00:00Z\"} {}",
            "{\"verdict\":\"false-alarm\",\"verifiedAt\":\"" + day + "T06:00:00Z\",\"by\":\"x\"}",
            "{\"verdict\":"
        }) {
            verify(DemoIdentity.AGRI_SHACHE, id, raw)
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .value(f -> assertThat(f.toString()).isIn("body", "verdict", "by"))
                    .jsonPath("$.errors[0].reason")
                    .value(r ->
                            assertThat(r.toString()).doesNotContain("tools.jackson", "Exception", "line:", "column:"));
        }
        assertThat(events("lantian.straw.fire-point-handled.v1", "fire-point/" + id))
                .isEmpty();
    }
}
