package cn.lantian.enforcement.assessment;

import static cn.lantian.enforcement.TestEvents.incoming;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lantian.enforcement.EnforcementIntegrationTest;
import cn.lantian.enforcement.TestEvents;
import cn.lantian.enforcement.intake.Intake;
import cn.lantian.eventing.IncomingEvent;
import cn.lantian.testsupport.DemoIdentity;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The half year's scorecards from reported events, published once, kept as issued. */
class AssessmentIntegrationTests extends EnforcementIntegrationTest {

    @Autowired
    Intake intake;

    String period;
    int year;

    @BeforeEach
    void freshAssessmentTables() {
        // Scorecards are immutable row by row; the test database starts each run without any.
        db.sql("truncate scorecard, task_completion, target_status")
                .fetch()
                .rowsUpdated()
                .block();
        db.sql("delete from event_outbox where type = 'lantian.enforcement.scorecard-published.v1'")
                .fetch()
                .rowsUpdated()
                .block();
        // A past half year: events that other services publish meanwhile (stamped now) cannot fall into it.
        year = 2025;
        period = "2025-H1";
    }

    void target(String unit, String indicator, String status) {
        var data = TestEvents.JSON
                .createObjectNode()
                .put("unit", unit)
                .put("year", year)
                .put("indicator", indicator)
                .put("status", status);
        intake.handle(inPeriod(incoming("lantian.air-quality.target-status-changed.v1", unit, null, null, data)))
                .block();
    }

    void boilerPhasedOut(String jurisdiction) {
        var data = TestEvents.JSON
                .createObjectNode()
                .put("boilerId", "b-" + java.util.UUID.randomUUID())
                .put("fuel", "coal")
                .put("capacityTph", 10)
                .put("date", "2024-09-30");
        intake.handle(inPeriod(incoming("lantian.stationary.boiler-phased-out.v1", jurisdiction, null, null, data)))
                .block();
    }

    /** The event as reported during the assessed half year; later reports of the same target come later. */
    IncomingEvent inPeriod(IncomingEvent e) {
        reported = reported.plusSeconds(60);
        return new IncomingEvent(
                e.id(),
                e.type(),
                e.source(),
                e.subject(),
                reported,
                e.jurisdiction(),
                e.corpsUnit(),
                e.agency(),
                e.severity(),
                e.sharing(),
                e.partners(),
                e.data(),
                e.envelope());
    }

    OffsetDateTime reported = OffsetDateTime.parse("2025-03-01T00:00:00Z");

    @Test
    void theScorecardsAreComputedFromReportedEventsPublishedOnceAndNeverChanged() {
        target("653131", "pm25-mean", "met");
        target("653131", "good-day-share", "on-track");
        target("653131", "good-day-share", "missed");
        boilerPhasedOut("653131");

        as(DemoIdentity.ECO_BACHU)
                .post()
                .uri("/api/enforcement/v1/assessments/{p}", period)
                .exchange()
                .expectStatus()
                .isForbidden();
        JsonNode cards = TestEvents.JSON.readTree(as(DemoIdentity.COORDINATOR)
                .post()
                .uri("/api/enforcement/v1/assessments/{p}", period)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody());

        assertThat(cards.size()).isEqualTo(13);
        JsonNode taxkorgan = null;
        for (JsonNode c : cards) {
            if (c.get("unit").asString().equals("653131")) {
                taxkorgan = c;
            }
        }
        // targets: met 100, missed 0 (the later status wins) -> 50; tasks: boilers 1/2 -> 50, trucks 0/20 -> 0 -> 25;
        // no case due in Taxkorgan -> timeliness left out; (0.5 * 50 + 0.3 * 25) / 0.8 = 40.625 -> 40.63.
        assertThat(taxkorgan.at("/components/targets").asDouble()).isEqualTo(50.0);
        assertThat(taxkorgan.at("/components/tasks").asDouble()).isEqualTo(25.0);
        assertThat(taxkorgan.get("score").asDouble()).isEqualTo(40.63);
        assertThat(taxkorgan.get("flaggedForSupervision").asBoolean()).isTrue();
        List<Integer> ranks = new java.util.ArrayList<>();
        cards.forEach(c -> ranks.add(c.get("rank").asInt()));
        assertThat(ranks).isSorted().startsWith(1);

        List<JsonNode> published = db.sql(
                        "select payload from event_outbox where type = 'lantian.enforcement.scorecard-published.v1'")
                .map((r, m) -> TestEvents.JSON.readTree(r.get(0, String.class)))
                .all()
                .collectList()
                .block();
        assertThat(published).hasSize(13);
        int rank = taxkorgan.get("rank").asInt();
        assertThat(published).anySatisfy(e -> {
            assertThat(e.get("jurisdiction").asString()).isEqualTo("653131");
            assertThat(e.at("/data/score").asDouble()).isEqualTo(40.63);
            assertThat(e.at("/data/rank").asInt()).isEqualTo(rank);
        });

        // Later reports change nothing already issued.
        boilerPhasedOut("653131");
        as(DemoIdentity.COORDINATOR)
                .post()
                .uri("/api/enforcement/v1/assessments/{p}", period)
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        assertThatThrownBy(() -> db.sql("update scorecard set score = 99 where unit = '653131'")
                        .fetch()
                        .rowsUpdated()
                        .block())
                .hasMessageContaining("cannot change");
        anonymous()
                .get()
                .uri("/api/public/v1/assessments/{p}", period)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(13)
                .jsonPath("$[?(@.unit == '653131')].score")
                .isEqualTo(40.63);
    }

    @Test
    void cemsInstalledIsScoredFromTheStationaryFindingsUnderTheAutomaticMonitoringRules() {
        finding("lantian.stationary.rule-finding-raised.v1", "boiler-coal-cems", "653129");
        finding("lantian.stationary.rule-finding-raised.v1", "boiler-gas-cems", "653129");
        finding("lantian.stationary.rule-finding-resolved.v1", "boiler-coal-cems", "653129");
        // Another rule's finding resolved is no CEMS installed.
        finding("lantian.stationary.rule-finding-resolved.v1", "boiler-coal-urban-phase-out", "653129");

        JsonNode cards = TestEvents.JSON.readTree(as(DemoIdentity.COORDINATOR)
                .get()
                .uri("/api/enforcement/v1/assessments/{p}/preview", period)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody());
        JsonNode jiashi = null;
        for (JsonNode c : cards) {
            if (c.get("unit").asString().equals("653129")) {
                jiashi = c;
            }
        }
        assertThat(jiashi.at("/details/tasks/cems-installed").asDouble()).isEqualTo(50.0);
    }

    void finding(String type, String rule, String jurisdiction) {
        var data = TestEvents.JSON
                .createObjectNode()
                .put("findingId", "f-" + java.util.UUID.randomUUID())
                .put("facilityId", "boiler-1")
                .put("enterpriseId", "ent-1")
                .put("summary", "x")
                .put("resolution", "done");
        data.putObject("rule").put("id", rule).put("source", "行动方案 三.三");
        intake.handle(inPeriod(incoming(type, jurisdiction, null, null, data))).block();
    }

    @Test
    void aPeriodMustBeAHalfYear() {
        as(DemoIdentity.COORDINATOR)
                .get()
                .uri("/api/enforcement/v1/assessments/2024-Q3/preview")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("period");
    }
}
