package cn.lantian.enforcement.campaign;

import static cn.lantian.enforcement.TestEvents.TUMXUK;
import static cn.lantian.enforcement.TestEvents.exceedance;
import static cn.lantian.enforcement.TestEvents.incoming;
import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.enforcement.EnforcementIntegrationTest;
import cn.lantian.enforcement.TestEvents;
import cn.lantian.enforcement.intake.Intake;
import cn.lantian.enforcement.routing.Route;
import cn.lantian.enforcement.routing.RoutingTable;
import cn.lantian.eventing.IncomingEvent;
import cn.lantian.testsupport.DemoIdentity;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The prefecture pairs teams with units they do not govern; the teams' results feed the cases. */
class CampaignIntegrationTests extends EnforcementIntegrationTest {

    @Autowired
    Intake intake;

    Map<String, Object> plan(String team, String target) {
        return Map.of(
                "name",
                "2024 兵地交叉执法 autumn",
                "startsOn",
                "2024-10-01",
                "endsOn",
                "2024-10-31",
                "pairings",
                List.of(Map.of("team", team, "target", target)));
    }

    @Test
    void aShacheTeamSentIntoTheCorpsGetsItsOpenCasesAndItsResultFeedsTheCase() {
        IncomingEvent event = incoming(
                "lantian.stationary.emission-limit-exceeded.v1",
                "653130",
                "xpcc-3",
                null,
                exceedance("ent-camp-" + UUID.randomUUID(), TUMXUK[0], TUMXUK[1]));
        intake.handle(event).block();
        String caseId = caseOf(event.id());

        JsonNode campaign = TestEvents.JSON.readTree(as(DemoIdentity.COORDINATOR)
                .post()
                .uri("/api/enforcement/v1/campaigns")
                .bodyValue(plan("653125", "xpcc-3"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .returnResult()
                .getResponseBody());
        String campaignId = campaign.get("id").asString();
        JsonNode task = null;
        for (JsonNode t : campaign.get("tasks")) {
            if (caseId.equals(t.get("caseId").asString(null))) {
                task = t;
            }
        }
        assertThat(task).as("a task for the open case in the target").isNotNull();
        assertThat(task.get("team").asString()).isEqualTo("653125");
        assertThat(task.get("status").asString()).isEqualTo("pending");
        for (JsonNode t : campaign.get("tasks")) {
            if (t.get("caseId").isNull()) {
                continue; // a registry task (see the test below)
            }
            assertThat(db.sql("select coalesce(corps_unit, '') from enforcement_case where id = :id")
                            .bind("id", t.get("caseId").asString())
                            .map((r, m) -> r.get(0, String.class))
                            .one()
                            .block())
                    .as("every task lies in the target")
                    .startsWith("xpcc-3");
        }

        String taskId = task.get("id").asString();
        Map<String, Object> result = Map.of(
                "violation", true, "findings", "SCR off during inspection", "evidence", List.of("photo/cross-1.jpg"));
        // Bachu takes no part in the campaign: for it the campaign does not exist.
        as(DemoIdentity.ECO_BACHU)
                .post()
                .uri("/api/enforcement/v1/campaigns/{c}/tasks/{t}/result", campaignId, taskId)
                .bodyValue(result)
                .exchange()
                .expectStatus()
                .isNotFound();
        // The target's officers see the task but record nothing for the team.
        as(DemoIdentity.CORPS_OFFICER)
                .post()
                .uri("/api/enforcement/v1/campaigns/{c}/tasks/{t}/result", campaignId, taskId)
                .bodyValue(result)
                .exchange()
                .expectStatus()
                .isForbidden();
        as(DemoIdentity.ECO_SHACHE)
                .post()
                .uri("/api/enforcement/v1/campaigns/{c}/tasks/{t}/result", campaignId, taskId)
                .bodyValue(result)
                .exchange()
                .expectStatus()
                .isOk();
        as(DemoIdentity.ECO_SHACHE)
                .post()
                .uri("/api/enforcement/v1/campaigns/{c}/tasks/{t}/result", campaignId, taskId)
                .bodyValue(result)
                .exchange()
                .expectStatus()
                .isEqualTo(409);

        as(DemoIdentity.CORPS_OFFICER)
                .get()
                .uri("/api/enforcement/v1/cases/{id}", caseId)
                .exchange()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("inspected")
                .jsonPath("$.evidence[0]")
                .isEqualTo("photo/cross-1.jpg")
                .jsonPath("$.findings")
                .value(f -> assertThat((String) f).contains(campaignId).contains("653125"));
        JsonNode inspected = eventsOf(caseId).get(1);
        assertThat(inspected.get("type").asString()).isEqualTo("lantian.enforcement.case-inspected.v1");
        assertThat(inspected.at("/data/inspectingTeam").asString()).isEqualTo("653125");
        as(DemoIdentity.ECO_SHACHE)
                .get()
                .uri("/api/enforcement/v1/campaigns/{c}", campaignId)
                .exchange()
                .expectStatus()
                .isOk();
        as(DemoIdentity.ECO_KASHGAR)
                .get()
                .uri("/api/enforcement/v1/campaigns/{c}", campaignId)
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void aParticipantSeesOnlyThePairingsAndTasksOfTheirOwnUnitAndOnlyTheirAgencysCampaigns() {
        IncomingEvent event = incoming(
                "lantian.stationary.emission-limit-exceeded.v1",
                "653130",
                "xpcc-3",
                null,
                exceedance("ent-camp-" + UUID.randomUUID(), TUMXUK[0], TUMXUK[1]));
        intake.handle(event).block();
        // A case task belongs to one pairing: Bachu needs a case of its own, outside Tumxuk.
        intake.handle(incoming(
                        "lantian.stationary.emission-limit-exceeded.v1",
                        "653130",
                        null,
                        null,
                        exceedance("ent-camp-" + UUID.randomUUID(), 78.55, 39.78)))
                .block();
        Map<String, Object> twoPairings = Map.of(
                "name",
                "2024 兵地交叉执法 winter",
                "startsOn",
                "2024-12-01",
                "endsOn",
                "2024-12-31",
                "pairings",
                List.of(Map.of("team", "653125", "target", "xpcc-3"), Map.of("team", "653101", "target", "653130")));
        JsonNode campaign = TestEvents.JSON.readTree(as(DemoIdentity.COORDINATOR)
                .post()
                .uri("/api/enforcement/v1/campaigns")
                .bodyValue(twoPairings)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .returnResult()
                .getResponseBody());
        String id = campaign.get("id").asString();
        assertThat(campaign.get("pairings")).hasSize(2);
        assertThat(campaign.get("tasks")
                        .valueStream()
                        .map(t -> t.get("team").asString())
                        .distinct())
                .as("the prefecture sees every pairing's tasks")
                .containsExactlyInAnyOrder("653125", "653101");

        as(DemoIdentity.ECO_SHACHE)
                .get()
                .uri("/api/enforcement/v1/campaigns/{c}", id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.pairings.length()")
                .isEqualTo(1)
                .jsonPath("$.pairings[0].target")
                .isEqualTo("xpcc-3")
                .jsonPath("$.tasks[?(@.team == '653125')]")
                .exists()
                .jsonPath("$.tasks[?(@.team != '653125')]")
                .doesNotExist();
        as(DemoIdentity.CORPS_OFFICER)
                .get()
                .uri("/api/enforcement/v1/campaigns/{c}", id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.pairings.length()")
                .isEqualTo(1)
                .jsonPath("$.tasks[?(@.target != 'xpcc-3')]")
                .doesNotExist();
        as(DemoIdentity.ECO_KASHGAR)
                .get()
                .uri("/api/enforcement/v1/campaigns/{c}", id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.pairings.length()")
                .isEqualTo(1)
                .jsonPath("$.pairings[0].team")
                .isEqualTo("653101")
                .jsonPath("$.tasks[?(@.team != '653101')]")
                .doesNotExist();
        as(DemoIdentity.ECO_KASHGAR)
                .get()
                .uri("/api/enforcement/v1/campaigns")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[?(@.id == '" + id + "')].pairings[*].team")
                .isEqualTo(List.of("653101"));

        // Another agency's officers of a participating unit see nothing of an ecology campaign, nor record for it.
        as(DemoIdentity.POLICE_KASHGAR)
                .get()
                .uri("/api/enforcement/v1/campaigns/{c}", id)
                .exchange()
                .expectStatus()
                .isNotFound();
        as(DemoIdentity.HOUSING_SHACHE)
                .get()
                .uri("/api/enforcement/v1/campaigns/{c}", id)
                .exchange()
                .expectStatus()
                .isNotFound();
        as(DemoIdentity.POLICE_KASHGAR)
                .get()
                .uri("/api/enforcement/v1/campaigns")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[?(@.id == '" + id + "')]")
                .doesNotExist();
        String kashgarTask = campaign.get("tasks")
                .valueStream()
                .filter(t -> t.get("team").asString().equals("653101"))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString();
        as(DemoIdentity.POLICE_KASHGAR)
                .post()
                .uri("/api/enforcement/v1/campaigns/{c}/tasks/{t}/result", id, kashgarTask)
                .bodyValue(Map.of("violation", false, "findings", "nothing"))
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void theTargetsPermittedEnterprisesBecomeTasksTooFromThePermitEventsStationaryPublishes() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String inTumxuk = "ent-reg-tumxuk-" + tag;
        String inShache = "ent-reg-shache-" + tag;
        String withCase = "ent-reg-case-" + tag;
        permit("lantian.stationary.permit-issued.v1", inTumxuk, "653130", TUMXUK, "2024-05-01T00:00:00Z");
        // Revoked later, and an older event arriving afterwards does not bring the permit back.
        permit("lantian.stationary.permit-revoked.v1", inTumxuk, "653130", TUMXUK, "2024-08-01T00:00:00Z");
        permit("lantian.stationary.permit-renewed.v1", inTumxuk, "653130", TUMXUK, "2024-06-01T00:00:00Z");
        permit(
                "lantian.stationary.permit-issued.v1",
                inShache,
                "653125",
                new double[] {77.24, 38.41},
                "2024-05-01T00:00:00Z");
        permit("lantian.stationary.permit-issued.v1", withCase, "653130", TUMXUK, "2024-05-01T00:00:00Z");
        IncomingEvent exceeded = incoming(
                "lantian.stationary.emission-limit-exceeded.v1",
                "653130",
                "xpcc-3",
                null,
                exceedance(withCase, TUMXUK[0], TUMXUK[1]));
        intake.handle(exceeded).block();
        assertThat(db.sql("select permit_status, corps_unit from registry_enterprise where enterprise_id = :id")
                        .bind("id", inTumxuk)
                        .map((r, m) -> r.get(0, String.class) + "/" + r.get(1, String.class))
                        .one()
                        .block())
                .isEqualTo("revoked/xpcc-3");

        JsonNode campaign = TestEvents.JSON.readTree(as(DemoIdentity.COORDINATOR)
                .post()
                .uri("/api/enforcement/v1/campaigns")
                .bodyValue(plan("653125", "xpcc-3"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .returnResult()
                .getResponseBody());
        List<String> registryTasks = new java.util.ArrayList<>();
        String registryTask = null;
        for (JsonNode t : campaign.get("tasks")) {
            if (t.get("caseId").isNull()) {
                registryTasks.add(t.get("enterpriseId").asString());
                if (t.get("enterpriseId").asString().equals(inTumxuk)) {
                    registryTask = t.get("id").asString();
                }
            }
        }
        assertThat(registryTasks)
                .contains(inTumxuk)
                .doesNotContain(inShache)
                .as("an enterprise with an open case in the target gets the case task only")
                .doesNotContain(withCase);
        String caseId = caseOf(exceeded.id());
        int caseTasks = 0;
        for (JsonNode t : campaign.get("tasks")) {
            caseTasks += caseId.equals(t.get("caseId").asString(null)) ? 1 : 0;
        }
        assertThat(caseTasks).isEqualTo(1);

        String campaignId = campaign.get("id").asString();
        JsonNode recorded = TestEvents.JSON.readTree(as(DemoIdentity.ECO_SHACHE)
                .post()
                .uri("/api/enforcement/v1/campaigns/{c}/tasks/{t}/result", campaignId, registryTask)
                .bodyValue(Map.of("violation", false, "findings", "plant idle since the permit was revoked"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody());
        for (JsonNode t : recorded.get("tasks")) {
            if (t.get("id").asString().equals(registryTask)) {
                assertThat(t.get("status").asString()).isEqualTo("done");
                assertThat(t.get("findings").asString()).contains("idle");
                assertThat(t.get("caseId").isNull())
                        .as("no violation opens no case")
                        .isTrue();
            }
        }
        assertThat(casesOfEnterprise(inTumxuk)).isZero();
    }

    @Test
    void aConfirmedViolationAtARegisteredEnterpriseOpensAJointCaseWhereTheRegistryPlacesIt() {
        String enterprise = "ent-reg-violation-" + UUID.randomUUID().toString().substring(0, 8);
        permit("lantian.stationary.permit-issued.v1", enterprise, "653130", TUMXUK, "2024-05-01T00:00:00Z");
        JsonNode campaign = TestEvents.JSON.readTree(as(DemoIdentity.COORDINATOR)
                .post()
                .uri("/api/enforcement/v1/campaigns")
                .bodyValue(plan("653125", "xpcc-3"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .returnResult()
                .getResponseBody());
        String campaignId = campaign.get("id").asString();
        String taskId = null;
        for (JsonNode t : campaign.get("tasks")) {
            if (enterprise.equals(t.get("enterpriseId").asString(null))) {
                taskId = t.get("id").asString();
                assertThat(t.get("caseId").isNull()).isTrue();
            }
        }
        assertThat(taskId).as("a registry task for the enterprise").isNotNull();

        Map<String, Object> result = Map.of(
                "violation",
                true,
                "findings",
                "dust collector removed, stack visibly smoking",
                "evidence",
                List.of("photo/reg-1.jpg", "video/reg-1.mp4"));
        JsonNode recorded = TestEvents.JSON.readTree(as(DemoIdentity.ECO_SHACHE)
                .post()
                .uri("/api/enforcement/v1/campaigns/{c}/tasks/{t}/result", campaignId, taskId)
                .bodyValue(result)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody());
        String caseId = null;
        for (JsonNode t : recorded.get("tasks")) {
            if (t.get("id").asString().equals(taskId)) {
                assertThat(t.get("status").asString()).isEqualTo("done");
                caseId = t.get("caseId").asString(null);
            }
        }
        assertThat(caseId).as("the task is linked to the case it opened").isNotNull();
        assertThat(casesOfEnterprise(enterprise)).isEqualTo(1);
        assertThat(casesWithKey("campaign/" + campaignId + "/" + enterprise)).isEqualTo(1);

        Route route = RoutingTable.load("routing/case-routes.json")
                .internalRoute(Campaigns.FINDING_ORIGIN)
                .orElseThrow();
        assertThat(db.sql(
                                "select jurisdiction, corps_unit, agency, severity, origin_type, origin_event_id, "
                                        + "extract(epoch from deadline - opened_at) / 86400 as days from enforcement_case where id = :id")
                        .bind("id", caseId)
                        .map((r, m) -> List.of(
                                r.get("jurisdiction", String.class),
                                r.get("corps_unit", String.class),
                                r.get("agency", String.class),
                                r.get("severity", String.class),
                                r.get("origin_type", String.class),
                                r.get("origin_event_id", String.class),
                                String.valueOf(r.get("days", Number.class).intValue())))
                        .one()
                        .block())
                .as("placed where the registry says (Tumxuk: Bachu and xpcc-3, joint), routed by the table")
                .containsExactly(
                        "653130",
                        "xpcc-3",
                        route.agency(),
                        route.severity(),
                        Campaigns.FINDING_ORIGIN,
                        taskId,
                        String.valueOf(route.deadlineDays()));
        assertThat(eventTypesOf(caseId))
                .containsExactly("lantian.enforcement.case-opened.v1", "lantian.enforcement.case-inspected.v1");
        JsonNode opened = eventsOf(caseId).get(0);
        assertThat(opened.at("/data/jointWith").asString()).isEqualTo("xpcc-3");
        assertThat(opened.at("/data/originType").asString()).isEqualTo(Campaigns.FINDING_ORIGIN);
        assertThat(db.sql("select count(*) from work_item where case_id = :id and kind = 'case-opened'")
                        .bind("id", caseId)
                        .map((r, m) -> r.get(0, Long.class))
                        .one()
                        .block())
                .isEqualTo(1L);
        as(DemoIdentity.CORPS_OFFICER)
                .get()
                .uri("/api/enforcement/v1/cases/{id}", caseId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("inspected")
                .jsonPath("$.joint")
                .isEqualTo(true)
                .jsonPath("$.evidence[1]")
                .isEqualTo("video/reg-1.mp4")
                .jsonPath("$.findings")
                .value(f -> assertThat((String) f).contains("dust collector").contains(campaignId));

        as(DemoIdentity.ECO_SHACHE)
                .post()
                .uri("/api/enforcement/v1/campaigns/{c}/tasks/{t}/result", campaignId, taskId)
                .bodyValue(result)
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        assertThat(casesOfEnterprise(enterprise))
                .as("recording twice opens no second case")
                .isEqualTo(1);
    }

    private long casesOfEnterprise(String enterprise) {
        return db.sql("select count(*) from enforcement_case where enterprise_id = :e")
                .bind("e", enterprise)
                .map((r, m) -> r.get(0, Long.class))
                .one()
                .block();
    }

    private void permit(String type, String enterprise, String jurisdiction, double[] at, String time) {
        var data = TestEvents.JSON
                .createObjectNode()
                .put("permitNumber", "P-" + enterprise)
                .put("enterpriseId", enterprise)
                .put("enterpriseName", "Test " + enterprise)
                .put("validFrom", "2024-01-01")
                .put("validUntil", "2028-12-31");
        data.putObject("location").put("lon", at[0]).put("lat", at[1]);
        if (type.endsWith("permit-revoked.v1")) {
            data.put("reason", "illegal discharge");
        }
        IncomingEvent e = incoming(type, jurisdiction, null, null, data);
        intake.handle(new IncomingEvent(
                        e.id(),
                        e.type(),
                        e.source(),
                        e.subject(),
                        java.time.OffsetDateTime.parse(time),
                        e.jurisdiction(),
                        e.corpsUnit(),
                        e.agency(),
                        e.severity(),
                        e.sharing(),
                        e.partners(),
                        e.data(),
                        e.envelope()))
                .block();
    }

    @Test
    void onlyThePrefecturePlans() {
        as(DemoIdentity.ECO_BACHU)
                .post()
                .uri("/api/enforcement/v1/campaigns")
                .bodyValue(plan("653130", "653125"))
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void aTeamSentIntoItsOwnUnitIsRefusedNamingThePairing() {
        as(DemoIdentity.COORDINATOR)
                .post()
                .uri("/api/enforcement/v1/campaigns")
                .bodyValue(plan("xpcc-3", "xpcc-3-49"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("pairings[0].target");
        as(DemoIdentity.COORDINATOR)
                .post()
                .uri("/api/enforcement/v1/campaigns")
                .bodyValue(Map.of(
                        "name",
                        "x",
                        "startsOn",
                        "2024-10-31",
                        "endsOn",
                        "2024-10-01",
                        "pairings",
                        List.of(Map.of("team", "653130", "target", "653130"))))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("endsOn")
                .jsonPath("$.errors[1].field")
                .isEqualTo("pairings[0].target");
    }
}
