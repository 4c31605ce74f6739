package cn.lantian.enforcement.intake;

import static cn.lantian.enforcement.TestEvents.TUMXUK;
import static cn.lantian.enforcement.TestEvents.cloudEvent;
import static cn.lantian.enforcement.TestEvents.exceedance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.lantian.enforcement.EnforcementIntegrationTest;
import cn.lantian.enforcement.TestEvents;
import cn.lantian.eventing.IncomingEvents;
import cn.lantian.testsupport.DemoIdentity;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * End to end: a CEMS exceedance published to lantian.stationary inside Tumxuk (Corps unit xpcc-3 inside Bachu county)
 * becomes one joint case that the Bachu and Corps officers see and the Shache officer does not.
 */
class JointCaseIntegrationTests extends EnforcementIntegrationTest {

    static final String EXCEEDED = "lantian.stationary.emission-limit-exceeded.v1";

    @Autowired
    Intake intake;

    @Autowired
    IncomingEvents incomingEvents;

    RabbitAdmin admin;
    Queue caseEvents;

    @BeforeEach
    void listenToEnforcementEvents() {
        admin = new RabbitAdmin(rabbit.getConnectionFactory());
        caseEvents = new Queue("test.enforcement." + UUID.randomUUID(), false, false, true);
        admin.declareQueue(caseEvents);
        admin.declareBinding(BindingBuilder.bind(caseEvents)
                .to(new TopicExchange("lantian.enforcement"))
                .with("lantian.enforcement.case-opened.v1"));
    }

    @AfterEach
    void dropQueue() {
        admin.deleteQueue(caseEvents.getName());
    }

    @Test
    void aCemsExceedanceInTumxukIsAJointCaseForBachuAndTheCorpsAndHiddenFromShache() {
        String enterprise = "ent-tumxuk-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        ObjectNode event = cloudEvent(
                eventId,
                EXCEEDED,
                "outlet/" + enterprise + "/DA001",
                "653130",
                "xpcc-3",
                "ecology",
                exceedance(enterprise, TUMXUK[0], TUMXUK[1]));
        assertThat(incomingEvents.parse(event.toString().getBytes()))
                .as("the test event honours the contract")
                .isNotNull();

        // Bachu's officer is listening to the live queue before the finding arrives.
        Flux<ServerSentEvent<JsonNode>> stream = as(DemoIdentity.ECO_BACHU)
                .get()
                .uri("/api/enforcement/v1/queue/stream")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() {})
                .getResponseBody();
        var firstItem = stream.filter(e ->
                        e.data() != null && e.data().path("summary").asString().contains(enterprise))
                .next()
                .toFuture();

        publish(event);
        String caseId = awaitCaseOf(eventId);

        for (DemoIdentity officer : List.of(DemoIdentity.ECO_BACHU, DemoIdentity.CORPS_OFFICER)) {
            as(officer)
                    .get()
                    .uri("/api/enforcement/v1/cases/{id}", caseId)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.jurisdiction")
                    .isEqualTo("653130")
                    .jsonPath("$.corpsUnit")
                    .isEqualTo("xpcc-3")
                    .jsonPath("$.joint")
                    .isEqualTo(true)
                    .jsonPath("$.agency")
                    .isEqualTo("ecology")
                    .jsonPath("$.status")
                    .isEqualTo("opened")
                    .jsonPath("$.enterpriseId")
                    .isEqualTo(enterprise);
            assertThat(listedCaseIds(officer)).as(officer.username()).contains(caseId);
        }
        as(DemoIdentity.ECO_SHACHE)
                .get()
                .uri("/api/enforcement/v1/cases/{id}", caseId)
                .exchange()
                .expectStatus()
                .isNotFound();
        assertThat(listedCaseIds(DemoIdentity.ECO_SHACHE)).doesNotContain(caseId);
        as(DemoIdentity.ECO_SHACHE)
                .post()
                .uri("/api/enforcement/v1/cases/{id}/assign", caseId)
                .bodyValue(java.util.Map.of("assignee", "x"))
                .exchange()
                .expectStatus()
                .isNotFound();

        // The opening event left through the outbox with the case's place as CloudEvents attributes.
        Message opened = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> rabbit.receive(caseEvents.getName()),
                        m -> m != null && new String(m.getBody()).contains(caseId));
        JsonNode body = TestEvents.JSON.readTree(opened.getBody());
        assertThat(body.get("jurisdiction").asString()).isEqualTo("653130");
        assertThat(body.get("corpsunit").asString()).isEqualTo("xpcc-3");
        assertThat(body.get("sharing").asString()).isEqualTo("joint");
        assertThat(body.at("/data/originEventId").asString()).isEqualTo(eventId);

        assertThat(firstItem.join().data().get("caseId").asString()).isEqualTo(caseId);
        assertThat(firstItem.join().event()).isEqualTo("case-opened");
    }

    @Test
    void theSameEventDeliveredTwiceOpensOneCase() {
        String enterprise = "ent-dup-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        ObjectNode event = cloudEvent(
                eventId,
                EXCEEDED,
                "outlet/" + enterprise + "/DA001",
                "653130",
                null,
                "ecology",
                exceedance(enterprise, 78.86, 39.58));

        publish(event);
        publish(event);
        String caseId = awaitCaseOf(eventId);

        assertThat(intake.handle(event.toString().getBytes()).block()).isEqualTo(Intake.Outcome.DUPLICATE);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .until(() -> casesWithKey("outlet/" + enterprise + "/DA001/NOx") == 1);
        assertThat(eventTypesOf(caseId)).containsExactly("lantian.enforcement.case-opened.v1");
        assertThat(occurrences(caseId)).isEqualTo(1);
    }

    @Test
    void aSecondFindingAboutTheSameOutletCountsOnItsOpenCase() {
        String enterprise = "ent-again-" + UUID.randomUUID();
        String first = UUID.randomUUID().toString();
        intake.handle(cloudEvent(
                                first,
                                EXCEEDED,
                                "outlet/" + enterprise + "/DA001",
                                "653130",
                                null,
                                "ecology",
                                exceedance(enterprise, 78.86, 39.58))
                        .toString()
                        .getBytes())
                .block();
        ObjectNode escalatedData = TestEvents.JSON
                .createObjectNode()
                .put("enterpriseId", enterprise)
                .put("outletId", "DA001")
                .put("pollutant", "NOx")
                .put("from", "2024-11-12T08:00:00+08:00")
                .put("to", "2024-11-12T10:00:00+08:00")
                .put("hours", 3);
        intake.handle(cloudEvent(
                                UUID.randomUUID().toString(),
                                "lantian.stationary.emission-exceedance-escalated.v1",
                                "outlet/" + enterprise + "/DA001",
                                "653130",
                                null,
                                "ecology",
                                escalatedData)
                        .toString()
                        .getBytes())
                .block();

        String caseId = caseOf(first);
        assertThat(casesWithKey("outlet/" + enterprise + "/DA001/NOx")).isEqualTo(1);
        assertThat(occurrences(caseId)).isEqualTo(2);
        as(DemoIdentity.ECO_BACHU)
                .get()
                .uri("/api/enforcement/v1/cases/{id}", caseId)
                .exchange()
                .expectBody()
                .jsonPath("$.severity")
                .isEqualTo("critical");
    }

    @Test
    void aResolvedFindingClosesItsCase() {
        String finding = "f-" + UUID.randomUUID();
        ObjectNode raised = TestEvents.boilerFindingRaised(finding);
        String raisedId = UUID.randomUUID().toString();
        publish(cloudEvent(
                raisedId,
                "lantian.stationary.rule-finding-raised.v1",
                "boiler/boiler-9",
                "653101",
                null,
                "ecology",
                raised));
        String caseId = awaitCaseOf(raisedId);

        ObjectNode resolved = TestEvents.boilerFindingResolved(finding);
        publish(cloudEvent(
                UUID.randomUUID().toString(),
                "lantian.stationary.rule-finding-resolved.v1",
                "boiler/boiler-9",
                "653101",
                null,
                "ecology",
                resolved));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> eventTypesOf(caseId).contains("lantian.enforcement.case-closed.v1"));
        as(DemoIdentity.ECO_KASHGAR)
                .get()
                .uri("/api/enforcement/v1/cases/{id}", caseId)
                .exchange()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("closed")
                .jsonPath("$.publicOutcome")
                .isEqualTo("Finding resolved: phased-out");
        // The public sees the outcome, never who handled it or the internal notes.
        anonymous()
                .get()
                .uri("/api/public/v1/cases?enterprise={e}", "ent-boiler-" + finding)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[0].caseId")
                .isEqualTo(caseId)
                .jsonPath("$.items[0].outcome")
                .isEqualTo("Finding resolved: phased-out")
                .jsonPath("$.items[0].assignee")
                .doesNotExist()
                .jsonPath("$.items[0].internalNote")
                .doesNotExist()
                .jsonPath("$.items[0].findings")
                .doesNotExist();
    }

    @Test
    void anEventBreakingTheContractIsDeadLetteredWithTheReason() {
        ObjectNode broken = cloudEvent(
                UUID.randomUUID().toString(),
                EXCEEDED,
                "outlet/x/DA001",
                "653130",
                null,
                "ecology",
                TestEvents.JSON.createObjectNode().put("enterpriseId", "x"));
        publish(broken);

        Message dead = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> rabbit.receive("lantian.stationary." + GROUP + ".dlq"),
                        m -> m != null
                                && new String(m.getBody())
                                        .contains(broken.get("id").asString()));
        assertThat(String.valueOf(dead.getMessageProperties().getHeaders().get("x-lantian-reason")))
                .contains("invalid event")
                .contains("outletId");
        assertThat(String.valueOf(dead.getMessageProperties().getHeaders().get("x-exception-message")))
                .contains("invalid event")
                .contains("outletId");
    }

    private List<String> listedCaseIds(DemoIdentity officer) {
        List<String> ids = new java.util.ArrayList<>();
        String after = "";
        do {
            JsonNode page = TestEvents.JSON.readTree(as(officer)
                    .get()
                    .uri("/api/enforcement/v1/cases?limit=200&after={a}", after)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .returnResult()
                    .getResponseBody());
            page.get("items").forEach(c -> ids.add(c.get("id").asString()));
            after = page.get("next").isNull() ? null : page.get("next").asString();
        } while (after != null);
        return ids;
    }

    private int occurrences(String caseId) {
        return db.sql("select occurrences from enforcement_case where id = :id")
                .bind("id", caseId)
                .map((r, m) -> r.get(0, Integer.class))
                .one()
                .block();
    }
}
