package cn.lantian.enforcement.intake;

import static cn.lantian.enforcement.TestEvents.TUMXUK;
import static cn.lantian.enforcement.TestEvents.cloudEvent;
import static cn.lantian.enforcement.TestEvents.exceedance;
import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.enforcement.EnforcementIntegrationTest;
import cn.lantian.enforcement.TestEvents;
import cn.lantian.enforcement.queue.WorkItem;
import cn.lantian.enforcement.queue.WorkQueue;
import cn.lantian.eventing.IncomingEvent;
import cn.lantian.eventing.IncomingEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A batch handled in one transaction, mostly in bulk, does exactly what the events handled one by one would do. */
class BatchIntakeIntegrationTests extends EnforcementIntegrationTest {

    static final String EXCEEDED = "lantian.stationary.emission-limit-exceeded.v1";

    @Autowired
    Intake intake;

    @Autowired
    IncomingEvents events;

    @Autowired
    WorkQueue queue;

    @Test
    void aMixedBatchOpensOneCasePerKeyCountsRepeatsAndSkipsDuplicates() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        // Already open before the batch: the batch's finding about it adds an occurrence.
        IncomingEvent earlier = exceedanceAt("ent-open-" + tag, TUMXUK);
        intake.handle(earlier).block();
        String openBefore = caseOf(earlier.id());

        List<IncomingEvent> batch = new ArrayList<>();
        List<IncomingEvent> fresh = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            fresh.add(exceedanceAt("ent-" + i + "-" + tag, i % 2 == 0 ? TUMXUK : new double[] {75.99, 39.47}));
        }
        batch.addAll(fresh);
        batch.add(fresh.get(1)); // delivered twice in the same batch
        batch.add(earlier); // redelivered from an earlier batch
        IncomingEvent again = exceedanceAt("ent-open-" + tag, TUMXUK);
        batch.add(again);
        IncomingEvent sameKey1 = exceedanceAt("ent-twice-" + tag, TUMXUK);
        IncomingEvent sameKey2 = exceedanceAt("ent-twice-" + tag, TUMXUK);
        batch.add(sameKey1);
        batch.add(sameKey2);
        List<WorkItem> pushed = new CopyOnWriteArrayList<>();
        Disposable live = queue.live().subscribe(pushed::add);

        List<Intake.Outcome> outcomes = intake.handleAll(batch).block();
        live.dispose();

        assertThat(outcomes).hasSize(batch.size());
        assertThat(outcomes).filteredOn(o -> o == Intake.Outcome.DUPLICATE).hasSize(2);
        for (IncomingEvent e : fresh) {
            String caseId = caseOf(e.id());
            assertThat(caseId).isNotNull();
            List<JsonNode> published = eventsOf(caseId);
            assertThat(published).hasSize(1);
            assertThat(published.get(0).get("type").asString()).isEqualTo("lantian.enforcement.case-opened.v1");
            assertThat(published.get(0).at("/data/originEventId").asString()).isEqualTo(e.id());
            assertThat(history(caseId)).containsExactly("open");
            assertThat(pushed).filteredOn(item -> item.caseId().equals(caseId)).hasSize(1);
        }
        String joint = caseOf(fresh.get(0).id());
        JsonNode opened = eventsOf(joint).get(0);
        assertThat(opened.get("jurisdiction").asString()).isEqualTo("653130");
        assertThat(opened.get("corpsunit").asString()).isEqualTo("xpcc-3");
        assertThat(casesWithKey("outlet/ent-open-" + tag + "/DA001/NOx")).isEqualTo(1);
        assertThat(occurrences(openBefore)).isEqualTo(2);
        assertThat(history(openBefore)).containsExactly("open", "repeated");
        assertThat(eventsOf(openBefore)).hasSize(1);
        assertThat(casesWithKey("outlet/ent-twice-" + tag + "/DA001/NOx")).isEqualTo(1);
        assertThat(occurrences(caseOf(sameKey1.id()) != null ? caseOf(sameKey1.id()) : caseOf(sameKey2.id())))
                .isEqualTo(2);

        // The whole batch again (a redelivery after a lost acknowledgement) changes nothing.
        assertThat(intake.handleAll(batch).block()).containsOnly(Intake.Outcome.DUPLICATE);
        assertThat(occurrences(openBefore)).isEqualTo(2);
    }

    @Test
    void aBatchWithAResolvedFindingClosesItsCaseAndIgnoresUnroutedEvents() {
        String finding = "f-" + UUID.randomUUID();
        ObjectNode raised = TestEvents.boilerFindingRaised(finding);
        IncomingEvent raise = parse(cloudEvent(
                UUID.randomUUID().toString(),
                "lantian.stationary.rule-finding-raised.v1",
                "boiler/boiler-9",
                "653101",
                null,
                "ecology",
                raised));
        intake.handleAll(List.of(raise)).block();
        String caseId = caseOf(raise.id());

        ObjectNode resolved = TestEvents.boilerFindingResolved(finding);
        IncomingEvent resolve = parse(cloudEvent(
                UUID.randomUUID().toString(),
                "lantian.stationary.rule-finding-resolved.v1",
                "boiler/boiler-9",
                "653101",
                null,
                "ecology",
                resolved));
        IncomingEvent unrouted = TestEvents.incoming(
                "lantian.stationary.permit-expiry-warning.v1",
                "653101",
                null,
                null,
                TestEvents.JSON.createObjectNode());

        assertThat(intake.handleAll(List.of(unrouted, resolve, exceedanceAt("ent-x-" + finding, TUMXUK)))
                        .block())
                .containsExactlyInAnyOrder(
                        Intake.Outcome.CLOSED, Intake.Outcome.IGNORED, Intake.Outcome.OPENED_OR_UPDATED);
        assertThat(eventTypesOf(caseId))
                .containsExactly("lantian.enforcement.case-opened.v1", "lantian.enforcement.case-closed.v1");
    }

    @Test
    void aFindingThatOpensACaseAndCountsForTheAssessmentDoesBothInBulk() {
        String finding = "f-cems-" + UUID.randomUUID();
        ObjectNode raised = TestEvents.boilerFindingRaised(finding);
        raised.putObject("rule").put("id", "boiler-coal-cems").put("source", "行动方案 三.三");
        IncomingEvent cems = parse(cloudEvent(
                UUID.randomUUID().toString(),
                "lantian.stationary.rule-finding-raised.v1",
                "boiler/boiler-9",
                "653101",
                null,
                "ecology",
                raised));

        assertThat(intake.handleAll(List.of(cems, exceedanceAt("ent-y-" + finding, TUMXUK)))
                        .block())
                .containsOnly(Intake.Outcome.OPENED_OR_UPDATED);
        assertThat(eventTypesOf(caseOf(cems.id()))).containsExactly("lantian.enforcement.case-opened.v1");
        assertThat(db.sql("select rule_id from task_completion where event_id = :id")
                        .bind("id", cems.id())
                        .map((r, m) -> r.get(0, String.class))
                        .one()
                        .block())
                .isEqualTo("boiler-coal-cems");
    }

    private IncomingEvent exceedanceAt(String enterprise, double[] point) {
        return parse(cloudEvent(
                UUID.randomUUID().toString(),
                EXCEEDED,
                "outlet/" + enterprise + "/DA001",
                "653130",
                null,
                "ecology",
                exceedance(enterprise, point[0], point[1])));
    }

    private IncomingEvent parse(ObjectNode cloudEvent) {
        return events.parse(cloudEvent.toString().getBytes());
    }

    private List<String> history(String caseId) {
        return db.sql("select action from case_history where case_id = :id order by seq")
                .bind("id", caseId)
                .map((r, m) -> r.get(0, String.class))
                .all()
                .collectList()
                .block();
    }

    private int occurrences(String caseId) {
        return db.sql("select occurrences from enforcement_case where id = :id")
                .bind("id", caseId)
                .map((r, m) -> r.get(0, Integer.class))
                .one()
                .block();
    }
}
