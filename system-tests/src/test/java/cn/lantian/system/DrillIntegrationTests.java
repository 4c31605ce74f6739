package cn.lantian.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.testsupport.DemoIdentity;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The heavy-pollution drill on the running platform: a forecast leads air-quality to an orange alert in Bachu (which
 * hosts Tumxuk), four or more domains announce their measures through events alone, a restricted truck seen in Tumxuk
 * opens a joint case, the alert is downgraded and lifted and the domains announce the end; the command's timeline shows
 * it all with each step's delay, and the joint index holds what the timeline says.
 */
@Order(2)
class DrillIntegrationTests {

    private static final Pattern ALERT = Pattern.compile("issued orange alert (\\S+)");
    private static final Pattern LINE = Pattern.compile("^\\+(\\d+(?:\\.\\d+)?) s\\s+(\\S+)\\s+(\\S+)(.*)$");

    @Test
    void theHeavyPollutionDrillRunsTheChainFromAlertToLiftWithATimeline() throws Exception {
        String output = Launcher.run("drill", "heavy-pollution", "653130");

        Matcher alert = ALERT.matcher(output);
        assertThat(alert.find()).as(output).isTrue();
        String alertId = alert.group(1);

        List<String[]> timeline = new ArrayList<>();
        for (String line : output.split("\n")) {
            Matcher m = LINE.matcher(line.strip());
            if (m.matches()) {
                timeline.add(new String[] {m.group(1), m.group(2), m.group(3), m.group(4)});
            }
        }
        assertThat(timeline).as(output).isNotEmpty();
        assertThat(timeline.get(0)[2]).as("the timeline starts with the alert").isEqualTo("alert-issued");
        Set<String> activated = new TreeSet<>();
        double lastActivation = 0;
        for (String[] step : timeline) {
            if (step[2].equals("emergency-measures-activated")) {
                activated.add(step[1]);
                lastActivation = Math.max(lastActivation, Double.parseDouble(step[0]));
            }
        }
        assertThat(activated)
                .as("domains that announced their measures:%n%s", output)
                .hasSizeGreaterThanOrEqualTo(4)
                .contains("mobile", "dust", "straw", "greening");
        assertThat(lastActivation)
                .as("seconds from alert-issued to the last domain's measures")
                .isLessThan(60);
        assertThat(timeline)
                .as(output)
                .anySatisfy(step -> assertThat(step[2] + step[3]).contains("case-opened", "[joint with xpcc-3]"));
        List<String> order = timeline.stream().map(s -> s[2]).toList();
        assertThat(order).as(output).contains("alert-downgraded", "alert-lifted");
        assertThat(order.indexOf("alert-downgraded")).isLessThan(order.indexOf("alert-lifted"));
        Set<String> ended = new TreeSet<>();
        for (String[] step : timeline) {
            if (step[2].equals("emergency-measures-ended") && step[3].contains("(lifted)")) {
                ended.add(step[1]);
            }
        }
        assertThat(ended).as("domains that announced the end:%n%s", output).containsAll(activated);

        // The timeline is read from the joint index: the index holds the same chain for the prefecture's coordinator.
        JsonNode found = Gateway.json(Gateway.get(
                "/api/search/v1/events?size=200&q=" + URLEncoder.encode(alertId, StandardCharsets.UTF_8),
                DemoIdentity.COORDINATOR));
        Set<String> indexed = new TreeSet<>();
        found.path("items").forEach(e -> indexed.add(e.path("type").asString()));
        assertThat(indexed)
                .contains(
                        "lantian.air-quality.alert-issued.v2",
                        "lantian.air-quality.alert-downgraded.v2",
                        "lantian.air-quality.alert-lifted.v2",
                        "lantian.mobile.emergency-measures-activated.v1",
                        "lantian.mobile.emergency-noncompliance.v1",
                        "lantian.mobile.emergency-measures-ended.v1",
                        "lantian.enforcement.case-opened.v1");
        found.path("items").forEach(e -> {
            // Only this drill's (v2) steps: the index outlives the databases that number alerts (see the drill).
            String type = e.path("type").asString();
            if (type.startsWith("lantian.air-quality.alert-") && type.endsWith(".v2")) {
                assertThat(e.path("data").path("drill").asBoolean(false))
                        .as("%s marked as a drill's", e.path("type"))
                        .isTrue();
            }
        });

        // The county's public history keeps the drill, marked as one: no visitor takes it for a real episode.
        JsonNode publicAlerts =
                Gateway.json(Gateway.get("/api/public/v1/alerts?county=653130", DemoIdentity.COORDINATOR));
        List<JsonNode> drilled = new ArrayList<>();
        publicAlerts.forEach(a -> {
            if (a.path("id").asString().equals(alertId)) {
                drilled.add(a);
            }
        });
        assertThat(drilled)
                .singleElement()
                .satisfies(a -> assertThat(a.path("drill").asBoolean(false)).isTrue());
    }
}
