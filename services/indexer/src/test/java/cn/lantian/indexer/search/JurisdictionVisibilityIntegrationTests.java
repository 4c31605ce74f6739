package cn.lantian.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.lantian.eventing.OutgoingEvent;
import cn.lantian.indexer.IndexerIntegrationSupport;
import cn.lantian.testsupport.DemoIdentity;
import cn.lantian.testsupport.KeycloakTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JurisdictionVisibilityIntegrationTests extends IndexerIntegrationSupport {

    private final String marker = marker();
    private String shache;
    private String kashgar;
    private String crossBoundary;
    private String jointCorps;
    private String auditInShache;

    @BeforeAll
    void fourEventsInThreeCountiesAndACorpsUnit() {
        List<String> ids = append(List.of(
                firePoint(marker, "653125", null, null, List.of(), 77.26, 38.41),
                firePoint(marker, "653101", null, null, List.of(), 76.0, 39.5),
                // a Kashgar City finding shared across the boundary with Shache
                firePoint(marker, "653101", null, "crossboundary", List.of("653125"), 76.1, 39.43),
                // a regiment inside Bachu: joint
                firePoint(marker, "653130", "xpcc-3-49", "joint", List.of("xpcc-3-49"), 78.42, 39.79),
                // the audit trail of a Shache officer's write: for the prefecture's eyes only
                auditRecord(marker, "653125")));
        shache = ids.get(0);
        kashgar = ids.get(1);
        crossBoundary = ids.get(2);
        jointCorps = ids.get(3);
        auditInShache = ids.get(4);
        await().atMost(Duration.ofSeconds(10)).until(() -> countIndexed(marker) == 5);
    }

    @Test
    void countyOfficerNeverSeesAnotherCountysEvent() {
        assertThat(visibleTo(DemoIdentity.ECO_SHACHE)).containsExactlyInAnyOrder(shache, crossBoundary);
        assertThat(visibleTo(DemoIdentity.HOUSING_SHACHE)).containsExactlyInAnyOrder(shache, crossBoundary);
        assertThat(visibleTo(DemoIdentity.ECO_KASHGAR)).containsExactlyInAnyOrder(kashgar, crossBoundary);
        assertThat(visibleTo(DemoIdentity.ECO_BACHU)).containsExactly(jointCorps);
    }

    @Test
    void countyOfficerCannotWidenTheirViewWithFilters() {
        assertThat(visibleTo(DemoIdentity.ECO_SHACHE, "&jurisdiction=653101")).containsExactly(crossBoundary);
        assertThat(visibleTo(DemoIdentity.ECO_SHACHE, "&jurisdiction=653130")).isEmpty();
        assertThat(aggregatedCounties(DemoIdentity.ECO_SHACHE)).containsExactlyInAnyOrder("653125", "653101");
    }

    @Test
    void corpsOfficerSeesTheCorpsUnitsUnderTheirDivision() {
        assertThat(visibleTo(DemoIdentity.CORPS_OFFICER)).containsExactly(jointCorps);
        assertThat(visibleTo(DemoIdentity.CORPS_OFFICER, "&corpsunit=xpcc-3")).containsExactly(jointCorps);
    }

    @Test
    void onlyThePrefectureSearchesTheAuditTrail() {
        assertThat(visibleTo(DemoIdentity.ECO_SHACHE, "&domain=audit")).isEmpty();
        assertThat(visibleTo(DemoIdentity.HOUSING_SHACHE, "&domain=audit")).isEmpty();
        assertThat(visibleTo(DemoIdentity.COORDINATOR, "&domain=audit")).containsExactly(auditInShache);
    }

    @Test
    void prefectureSeesEverything() {
        assertThat(visibleTo(DemoIdentity.COORDINATOR))
                .containsExactlyInAnyOrder(shache, kashgar, crossBoundary, jointCorps, auditInShache);
        assertThat(aggregatedCounties(DemoIdentity.COORDINATOR))
                .containsExactlyInAnyOrder("653125", "653101", "653130");
    }

    /** An audit record of a write in the given county, valid against the contract, with the marker in its text. */
    private static OutgoingEvent auditRecord(String marker, String jurisdiction) {
        Map<String, Object> data = Map.of(
                "principal",
                "eco-shache",
                "agencies",
                List.of("ecology"),
                "level",
                "county",
                "callerJurisdiction",
                jurisdiction,
                "action",
                "POST",
                "resource",
                "/api/stationary/v1/" + marker,
                "targetJurisdiction",
                jurisdiction,
                "outcome",
                "allowed",
                "at",
                "2024-11-12T09:00:01+08:00");
        return new OutgoingEvent(
                "lantian.audit.access-recorded.v1",
                "principal/eco-shache",
                jurisdiction,
                null,
                "ecology",
                null,
                null,
                List.of(),
                Instant.now(),
                data);
    }

    private List<String> visibleTo(DemoIdentity who) {
        return visibleTo(who, "");
    }

    private List<String> visibleTo(DemoIdentity who, String filters) {
        String token = KeycloakTokens.of(who);
        JsonNode page = http().get()
                .uri("/api/search/v1/events?size=50&q=" + marker + filters)
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private List<String> aggregatedCounties(DemoIdentity who) {
        String token = KeycloakTokens.of(who);
        JsonNode summary = http().get()
                .uri("/api/search/v1/aggregations?q=" + marker)
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        return summary.get("byCounty").findValuesAsString("key");
    }
}
