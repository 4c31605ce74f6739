package cn.lantian.dust.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.dust.IntegrationTest;
import cn.lantian.testsupport.DemoIdentity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A monitor silent longer than the rule allows is flagged once; a reading clears the flag. */
class SilentWatchIntegrationTests extends IntegrationTest {

    @Autowired
    SilentWatch watch;

    @Test
    void aMonitorSilentForMoreThanTwoHoursIsFlaggedOnceAndAReadingClearsIt() {
        String site = unique("site");
        http.post()
                .uri("/api/dust/v1/sites")
                .header("Authorization", token(DemoIdentity.HOUSING_SHACHE))
                .bodyValue(Map.of(
                        "id",
                        site,
                        "project",
                        "静默测试",
                        "builderName",
                        "莎车建工",
                        "builderCreditCode",
                        CREDIT_CODE,
                        "areaM2",
                        4000,
                        "phase",
                        "structure",
                        "lon",
                        SHACHE[0],
                        "lat",
                        SHACHE[1]))
                .exchange()
                .expectStatus()
                .isCreated();
        String quiet = unique("mon");
        String talking = unique("mon");
        for (String monitor : List.of(quiet, talking)) {
            http.post()
                    .uri("/api/dust/v1/sites/" + site + "/monitors")
                    .header("Authorization", token(DemoIdentity.HOUSING_SHACHE))
                    .bodyValue(Map.of("id", monitor))
                    .exchange()
                    .expectStatus()
                    .isCreated();
        }
        Instant now = Instant.now();
        http.post()
                .uri("/api/dust/v1/readings")
                .header("Authorization", token(DemoIdentity.HOUSING_SHACHE))
                .bodyValue(List.of(
                        Map.of(
                                "monitorId",
                                quiet,
                                "at",
                                now.minus(121, ChronoUnit.MINUTES).toString(),
                                "pm10",
                                60),
                        Map.of(
                                "monitorId",
                                talking,
                                "at",
                                now.minus(119, ChronoUnit.MINUTES).toString(),
                                "pm10",
                                60)))
                .exchange()
                .expectStatus()
                .isOk();

        watch.check().block();
        watch.check().block();
        assertThat(events("lantian.dust.site-monitor-silent.v1", "site/" + site))
                .singleElement()
                .asString()
                .contains("\"monitorId\":\"" + quiet + "\"", "\"id\":\"dust.monitor.silent-minutes\"");
        assertThat(awaitPublished("site/" + site)).as("silent and monitor-free").isGreaterThanOrEqualTo(1);

        http.post()
                .uri("/api/dust/v1/readings")
                .header("Authorization", token(DemoIdentity.HOUSING_SHACHE))
                .bodyValue(List.of(Map.of("monitorId", quiet, "at", now.toString(), "pm10", 60)))
                .exchange()
                .expectStatus()
                .isOk();
        http.get()
                .uri("/api/dust/v1/sites/" + site + "/monitors")
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[?(@.id == '" + quiet + "' && @.silentSince != null)]")
                .isEmpty()
                .jsonPath("$[?(@.id == '" + quiet + "')].lastReadingAt")
                .isNotEmpty();
    }
}
