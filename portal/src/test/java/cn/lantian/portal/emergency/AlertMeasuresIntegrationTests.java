package cn.lantian.portal.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.portal.PortalTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The alert page lists each domain's measures under the alert in force, in three languages, until they end. */
class AlertMeasuresIntegrationTests extends PortalTest {

    /** The stand-in air-quality service's alert in force (upstream/alerts.json). */
    private static final String ALERT = "alert-653126-20241110";

    @LocalServerPort
    int port;

    @Autowired
    DomainMeasures measures;

    private String page(String lang) {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                // The page waits for the stand-in upstream; shared 2-core test machines can be slow.
                .responseTimeout(java.time.Duration.ofSeconds(30))
                .build()
                .get()
                .uri("/alerts?lang=" + lang)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    @AfterEach
    void ended() {
        for (String domain : DomainMeasures.DOMAINS) {
            measures.ended(ALERT, domain, "lifted", List.of());
        }
    }

    @Test
    void eachDomainsMeasuresShowUnderTheAlertUntilTheyEnd() {
        measures.activated(
                ALERT, "mobile", "orange", "alert/" + ALERT, List.of("国四及以下重型柴油货车限行 China IV trucks restricted"));
        measures.activated(ALERT, "stationary", "orange", "enterprise/e1", List.of("限产50% cut output by 50 %"));
        measures.activated(ALERT, "stationary", "orange", "enterprise/e2", List.of("限产50% cut output by 50 %"));

        assertThat(page("zh"))
                .contains("各部门应急措施", "移动源（交通）", "工业源（生态环境）", "China IV trucks restricted", "涉及 2 家企业或对象")
                .contains("data-alert=\"" + ALERT + "\"");
        assertThat(page("en")).contains("Measures by domain", "Vehicles and machinery (traffic)", "Industry (ecology)");
        assertThat(page("ug")).contains("تارماقلارنىڭ جىددىي تەدبىرلىرى");

        measures.ended(ALERT, "mobile", "lifted", List.of());
        measures.ended(ALERT, "stationary", "lifted", List.of());
        assertThat(page("en")).doesNotContain("Measures by domain", "China IV trucks restricted");
    }

    @Test
    void aDrillsAlertIsMarkedAsADrillInEveryLanguageAndARealOneIsNot() {
        String zh = page("zh");
        assertThat(zh).contains("data-alert=\"alert-653130-20241201\" data-drill=\"true\"", "演练，非真实预警");
        assertThat(zh)
                .as("the real alerts carry no mark")
                .contains("data-alert=\"" + ALERT + "\" data-drill=\"false\"")
                .containsOnlyOnce("data-drill=\"true\"");
        assertThat(page("en")).contains("Drill, not a real alert");
        assertThat(page("ug")).contains("مەشىق");
    }
}
