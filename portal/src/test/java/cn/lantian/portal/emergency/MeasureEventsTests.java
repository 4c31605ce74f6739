package cn.lantian.portal.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lantian.contract.EventContract;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class MeasureEventsTests {

    private final EventContract contract = EventContract.load();
    private final JsonMapper json = JsonMapper.builder().build();
    private final DomainMeasures measures = new DomainMeasures();

    private void apply(String event) {
        MeasureEvents.apply(contract, measures, json, event.getBytes(StandardCharsets.UTF_8));
    }

    private static String event(String domain, String name, String subject, String data) {
        return """
                {"specversion":"1.0","id":"%s","source":"/lantian/%s","type":"lantian.%s.%s.v1","subject":"%s",
                 "time":"2026-12-06T10:00:00Z","datacontenttype":"application/json","jurisdiction":"653130",
                 "agency":"%s","data":%s}""".formatted(
                        java.util.UUID.randomUUID(),
                        domain,
                        domain,
                        name,
                        subject,
                        switch (domain) {
                            case "mobile" -> "traffic-police";
                            case "greening" -> "forestry";
                            default -> "ecology";
                        },
                        data);
    }

    @Test
    void eachDomainsMeasuresShowUntilTheDomainAnnouncesTheirEnd() {
        apply(event("mobile", "emergency-measures-activated", "alert/a1", """
                {"alertId":"a1","county":"653130","level":"orange","effectiveFrom":"2026-12-06T10:00:00Z",
                 "measures":["trucks restricted","machinery stopped"]}"""));
        apply(event("greening", "emergency-measures-activated", "alert/a1", """
                {"alertId":"a1","county":"653130","level":"orange","openIdleLandTasks":2,
                 "measures":[{"id":"g1","measure":"water bare plots","appliesTo":"afforestation"}]}"""));
        for (String enterprise : new String[] {"e1", "e2"}) {
            apply(event("stationary", "emergency-measures-activated", "enterprise/" + enterprise, """
                    {"enterpriseId":"%s","alertId":"a1","level":"orange","measures":["cut output by 50 %%"]}""".formatted(
                            enterprise)));
        }
        assertThat(measures.of("a1"))
                .containsExactly(
                        new DomainMeasures.InForce("stationary", "orange", java.util.List.of("cut output by 50 %"), 2),
                        new DomainMeasures.InForce(
                                "mobile", "orange", java.util.List.of("trucks restricted", "machinery stopped"), 1),
                        new DomainMeasures.InForce("greening", "orange", java.util.List.of("water bare plots"), 1));

        apply(event("mobile", "emergency-measures-ended", "alert/a1", """
                {"alertId":"a1","county":"653130","level":"orange","reason":"level-changed","newLevel":"yellow",
                 "endedAt":"2026-12-06T11:00:00Z","measures":["machinery stopped"]}"""));
        assertThat(measures.of("a1"))
                .filteredOn(m -> m.domain().equals("mobile"))
                .singleElement()
                .extracting(DomainMeasures.InForce::measures)
                .isEqualTo(java.util.List.of("trucks restricted"));

        for (String domain : new String[] {"mobile", "greening"}) {
            apply(event(domain, "emergency-measures-ended", "alert/a1", """
                    {"alertId":"a1","county":"653130","level":"yellow","reason":"lifted",
                     "endedAt":"2026-12-06T12:00:00Z","measures":["x"]}"""));
        }
        assertThat(measures.of("a1")).extracting(DomainMeasures.InForce::domain).containsExactly("stationary");
        apply(event("stationary", "emergency-measures-ended", "enterprise/e1", """
                {"enterpriseId":"e1","alertId":"a1","county":"653130","level":"orange","reason":"lifted",
                 "endedAt":"2026-12-06T12:00:00Z","measures":["cut output by 50 %"]}"""));
        assertThat(measures.all())
                .as("nothing held once every domain ended its measures")
                .isEmpty();
    }

    @Test
    void anEventThatBreaksTheContractIsRefusedWithTheReason() {
        assertThatThrownBy(() -> apply(event(
                        "mobile",
                        "emergency-measures-activated",
                        "alert/a2",
                        "{\"alertId\":\"a2\",\"level\":\"purple\"}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid Lantian event");
        assertThat(measures.all()).isEmpty();
    }
}
