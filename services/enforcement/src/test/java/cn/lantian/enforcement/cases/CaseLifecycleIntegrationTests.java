package cn.lantian.enforcement.cases;

import static cn.lantian.enforcement.TestEvents.TUMXUK;
import static cn.lantian.enforcement.TestEvents.exceedance;
import static cn.lantian.enforcement.TestEvents.incoming;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.lantian.enforcement.EnforcementIntegrationTest;
import cn.lantian.enforcement.TestEvents;
import cn.lantian.enforcement.intake.Intake;
import cn.lantian.eventing.IncomingEvent;
import cn.lantian.testsupport.DemoIdentity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** Every transition through the API with real tokens, every refusal, and deadlines that escalate by themselves. */
@SuppressWarnings("unchecked")
class CaseLifecycleIntegrationTests extends EnforcementIntegrationTest {

    @Autowired
    Intake intake;

    @Autowired
    DeadlineEscalation escalation;

    /** Opens a joint case in Tumxuk (Bachu + xpcc-3) and returns its id. */
    String openJointCase() {
        IncomingEvent event = incoming(
                "lantian.stationary.emission-limit-exceeded.v1",
                "653130",
                "xpcc-3",
                null,
                exceedance("ent-life-" + UUID.randomUUID(), TUMXUK[0], TUMXUK[1]));
        assertThat(intake.handle(event).block()).isEqualTo(Intake.Outcome.OPENED_OR_UPDATED);
        return caseOf(event.id());
    }

    WebTestClient.ResponseSpec post(DemoIdentity who, String caseId, String action, Object body) {
        return as(who).post()
                .uri("/api/enforcement/v1/cases/{id}/" + action, caseId)
                .bodyValue(body)
                .exchange();
    }

    @Test
    void aCaseGoesFromOpenedThroughInspectionAndRectificationToClosedWithAnEventForEachStep() {
        String id = openJointCase();
        Instant inspection = Instant.now().plus(Duration.ofDays(2));
        Instant deadline = Instant.now().plus(Duration.ofDays(20));

        post(DemoIdentity.ECO_BACHU, id, "assign", Map.of("assignee", "Bachu team 2"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("assigned")
                .jsonPath("$.assignee")
                .isEqualTo("Bachu team 2");
        post(DemoIdentity.CORPS_OFFICER, id, "schedule-inspection", Map.of("at", inspection.toString()))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("inspection-scheduled");
        post(
                        DemoIdentity.ECO_BACHU,
                        id,
                        "inspection",
                        Map.of("findings", "SCR bypassed", "evidence", List.of("photo/1.jpg")))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("inspected")
                .jsonPath("$.evidence[0]")
                .isEqualTo("photo/1.jpg");
        post(
                        DemoIdentity.ECO_BACHU,
                        id,
                        "rectification",
                        Map.of("deadline", deadline.toString(), "requirements", "repair SCR"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("rectification-ordered");
        post(
                        DemoIdentity.ECO_BACHU,
                        id,
                        "close",
                        Map.of("verification", "CEMS normal 72 h", "publicOutcome", "整改完成 rectified"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("closed")
                .jsonPath("$.closedOnTime")
                .isEqualTo(true)
                .jsonPath("$.history.length()")
                .isEqualTo(6);

        List<JsonNode> events = eventsOf(id);
        assertThat(events)
                .extracting(e -> e.get("type").asString())
                .containsExactly(
                        "lantian.enforcement.case-opened.v1", "lantian.enforcement.case-assigned.v1",
                        "lantian.enforcement.inspection-scheduled.v1", "lantian.enforcement.case-inspected.v1",
                        "lantian.enforcement.rectification-ordered.v1", "lantian.enforcement.case-closed.v1");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.get("jurisdiction").asString()).isEqualTo("653130");
            assertThat(e.get("corpsunit").asString()).isEqualTo("xpcc-3");
        });
        assertThat(events.get(4).at("/data/deadline").asString()).isEqualTo(deadline.toString());
        assertThat(events.get(5).at("/data/status").asString()).isEqualTo("closed");
    }

    @Test
    void aTransitionTheStateDoesNotAllowIsRefusedNamingTheStateAndWhatIsAllowed() {
        String id = openJointCase();
        post(DemoIdentity.ECO_BACHU, id, "close", Map.of("verification", "v", "publicOutcome", "o"))
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.currentState")
                .isEqualTo("opened")
                .jsonPath("$.refusedTransition")
                .isEqualTo("close")
                .jsonPath("$.allowedTransitions")
                .value(allowed -> assertThat((List<Object>) allowed)
                        .contains("assign", "escalate", "refer")
                        .doesNotContain("close"))
                .jsonPath("$.detail")
                .value(d -> assertThat((String) d).contains("opened").contains("close"));
        post(DemoIdentity.ECO_BACHU, id, "inspection", Map.of("findings", "x"))
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.currentState")
                .isEqualTo("opened");
        post(
                        DemoIdentity.ECO_BACHU,
                        id,
                        "rectification",
                        Map.of(
                                "deadline",
                                Instant.now().plus(Duration.ofDays(3)).toString(),
                                "requirements",
                                "x"))
                .expectStatus()
                .isEqualTo(409);
        as(DemoIdentity.ECO_BACHU)
                .post()
                .uri("/api/enforcement/v1/cases/{id}/referral/accept", id)
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        assertThat(eventTypesOf(id)).containsExactly("lantian.enforcement.case-opened.v1");
    }

    @Test
    void aClosedCaseAllowsNothing() {
        String id = openJointCase();
        post(DemoIdentity.ECO_BACHU, id, "assign", Map.of("assignee", "t"))
                .expectStatus()
                .isOk();
        post(
                        DemoIdentity.ECO_BACHU,
                        id,
                        "schedule-inspection",
                        Map.of("at", Instant.now().toString()))
                .expectStatus()
                .isOk();
        post(DemoIdentity.ECO_BACHU, id, "inspection", Map.of("findings", "no violation found"))
                .expectStatus()
                .isOk();
        post(DemoIdentity.ECO_BACHU, id, "close", Map.of("verification", "v", "publicOutcome", "o"))
                .expectStatus()
                .isOk();
        post(DemoIdentity.ECO_BACHU, id, "escalate", Map.of())
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.currentState")
                .isEqualTo("closed")
                .jsonPath("$.allowedTransitions.length()")
                .isEqualTo(0);
    }

    @Test
    void badFieldsAreNamedAndUnknownCasesAreNotFound() {
        String id = openJointCase();
        post(DemoIdentity.ECO_BACHU, id, "assign", Map.of())
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("assignee");
        post(DemoIdentity.ECO_BACHU, id, "refer", Map.of("toAgency", "bakery"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field")
                .value(f -> assertThat((List<Object>) f).contains("toAgency", "reason"));
        post(DemoIdentity.ECO_BACHU, "case-nope", "assign", Map.of("assignee", "x"))
                .expectStatus()
                .isNotFound();
        as(DemoIdentity.ECO_BACHU)
                .get()
                .uri("/api/enforcement/v1/cases?status=lunch")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("status");
        anonymous()
                .get()
                .uri("/api/enforcement/v1/cases")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void anotherCountyNeitherSeesNorActsAndAnotherAgencyDoesNotAct() {
        String id = openJointCase();
        post(DemoIdentity.ECO_SHACHE, id, "assign", Map.of("assignee", "x"))
                .expectStatus()
                .isNotFound();
        post(DemoIdentity.HOUSING_SHACHE, id, "assign", Map.of("assignee", "x"))
                .expectStatus()
                .isNotFound();
        post(DemoIdentity.COORDINATOR, id, "assign", Map.of("assignee", "prefecture team"))
                .expectStatus()
                .isOk();
    }

    @Test
    void escalationGoesUpTheLadderOnRequest() {
        String id = openJointCase();
        post(DemoIdentity.ECO_BACHU, id, "escalate", Map.of("kind", "interview", "note", "repeat offender"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("escalated")
                .jsonPath("$.escalationKind")
                .isEqualTo("interview");
        JsonNode event = eventsOf(id).get(1);
        assertThat(event.get("type").asString()).isEqualTo("lantian.enforcement.case-escalated.v1");
        assertThat(event.at("/data/escalation").asString()).isEqualTo("interview");
    }

    @Test
    void aReferralToTheCorpsIsAcceptedByTheCorpsOnly() {
        IncomingEvent event = incoming(
                "lantian.stationary.emission-limit-exceeded.v1",
                "653130",
                null,
                null,
                exceedance("ent-ref-" + UUID.randomUUID(), 78.86, 39.58));
        intake.handle(event).block();
        String id = caseOf(event.id());

        post(
                        DemoIdentity.ECO_BACHU,
                        id,
                        "refer",
                        Map.of("toJurisdiction", "xpcc-3", "reason", "the outlet is Corps-run"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("referred")
                .jsonPath("$.referral.toJurisdiction")
                .isEqualTo("xpcc-3");
        long referredSeq = db.sql("select seq from work_item where case_id = :id and kind = 'case-referred'")
                .bind("id", id)
                .map((r, m) -> r.get(0, Long.class))
                .one()
                .block();
        as(DemoIdentity.CORPS_OFFICER)
                .get()
                .uri("/api/enforcement/v1/queue?limit=1&after={a}", referredSeq - 1)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[0].caseId")
                .isEqualTo(id)
                .jsonPath("$.items[0].kind")
                .isEqualTo("case-referred");
        as(DemoIdentity.ECO_BACHU)
                .post()
                .uri("/api/enforcement/v1/cases/{id}/referral/accept", id)
                .exchange()
                .expectStatus()
                .isForbidden();
        as(DemoIdentity.CORPS_OFFICER)
                .post()
                .uri("/api/enforcement/v1/cases/{id}/referral/accept", id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("opened")
                .jsonPath("$.lead")
                .isEqualTo("xpcc-3");
        post(DemoIdentity.CORPS_OFFICER, id, "assign", Map.of("assignee", "Corps team"))
                .expectStatus()
                .isOk();
        assertThat(eventTypesOf(id))
                .containsExactly(
                        "lantian.enforcement.case-opened.v1",
                        "lantian.enforcement.case-referred.v1",
                        "lantian.enforcement.referral-accepted.v1",
                        "lantian.enforcement.case-assigned.v1");
        assertThat(eventsOf(id).get(1).get("partners").asString()).contains("xpcc-3");
    }

    @Test
    void aRefusedReferralToAnotherAgencyReturnsTheCase() {
        String id = openJointCase();
        post(DemoIdentity.ECO_BACHU, id, "assign", Map.of("assignee", "t"))
                .expectStatus()
                .isOk();
        post(
                        DemoIdentity.ECO_BACHU,
                        id,
                        "refer",
                        Map.of("toAgency", "housing", "toJurisdiction", "653125", "reason", "dust from a site"))
                .expectStatus()
                .isOk();
        as(DemoIdentity.HOUSING_SHACHE)
                .get()
                .uri("/api/enforcement/v1/cases/{id}", id)
                .exchange()
                .expectStatus()
                .isOk();
        as(DemoIdentity.HOUSING_SHACHE)
                .post()
                .uri("/api/enforcement/v1/cases/{id}/referral/refuse", id)
                .bodyValue(Map.of("reason", "it is a chimney, not a site"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("assigned")
                .jsonPath("$.agency")
                .isEqualTo("ecology");
        assertThat(eventTypesOf(id)).endsWith("lantian.enforcement.referral-refused.v1");
    }

    @Test
    void anOverdueDeadlineEscalatesByItself() {
        String id = openJointCase();
        JsonNode opened = eventsOf(id).get(0);
        Instant deadline = Instant.parse(opened.at("/data/deadline").asString());
        // The deadline comes from the routing table: 15 days for a CEMS exceedance.
        assertThat(Duration.between(Instant.now(), deadline))
                .isBetween(Duration.ofDays(15).minusHours(1), Duration.ofDays(15));

        escalation.escalateOverdue(Instant.now()).block();
        assertThat(eventTypesOf(id)).containsExactly("lantian.enforcement.case-opened.v1");

        // Time passes beyond the deadline.
        db.sql("update enforcement_case set deadline = now() - interval '1 minute' where id = :id")
                .bind("id", id)
                .fetch()
                .rowsUpdated()
                .block();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            escalation.escalateOverdue(Instant.now()).block();
            return eventTypesOf(id).contains("lantian.enforcement.case-escalated.v1");
        });
        JsonNode escalated = eventsOf(id).get(1);
        assertThat(escalated.at("/data/escalation").asString()).isEqualTo("on-site-supervision");
        assertThat(escalated.at("/data/by").asString()).isEqualTo("deadline");
        assertThat(Instant.parse(escalated.at("/data/deadline").asString()))
                .as("the next rung's grace days")
                .isAfter(Instant.now().plus(Duration.ofDays(9)));
        as(DemoIdentity.CORPS_OFFICER)
                .get()
                .uri("/api/enforcement/v1/cases/{id}", id)
                .exchange()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("escalated");
    }

    @Test
    void theWorkQueueIsPagedWithACursor() {
        openJointCase();
        openJointCase();
        JsonNode first = TestEvents.JSON.readTree(as(DemoIdentity.ECO_BACHU)
                .get()
                .uri("/api/enforcement/v1/queue?limit=1")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody());
        String cursor = first.get("next").asString();
        JsonNode second = TestEvents.JSON.readTree(as(DemoIdentity.ECO_BACHU)
                .get()
                .uri("/api/enforcement/v1/queue?limit=1&after={c}", cursor)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody());
        assertThat(second.at("/items/0/seq").asLong())
                .isGreaterThan(first.at("/items/0/seq").asLong());
        assertThat(first.at("/items/0/units").toString()).contains("653130");
        as(DemoIdentity.ECO_BACHU)
                .get()
                .uri("/api/enforcement/v1/queue?limit=0")
                .exchange()
                .expectStatus()
                .isBadRequest();
    }
}
