package cn.lantian.airquality.alert;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.testsupport.DemoIdentity;
import cn.lantian.testsupport.Infrastructure;
import cn.lantian.testsupport.KeycloakTokens;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Forecasts move a county's alert through its cycle; each step is in the history and in the outbox. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.r2dbc.url=" + Infrastructure.POSTGRES_R2DBC + "lantian_air_quality_test",
            "spring.flyway.url=" + Infrastructure.POSTGRES_JDBC + "lantian_air_quality_test",
            "lantian.eventing.relay.enabled=false"
        })
class AlertCycleIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient db;

    WebTestClient http;

    @BeforeEach
    void clean() {
        // The machine may be busy: allow slow answers rather than fail on the client default of 5 s.
        http = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(java.time.Duration.ofSeconds(60))
                .build();
        db.sql("delete from alert_history")
                .then()
                .then(db.sql("delete from alert").then())
                .then(db.sql("delete from forecast").then())
                .then(db.sql("delete from event_outbox").then())
                .block();
    }

    private WebTestClient.ResponseSpec forecast(DemoIdentity who, String county, String issuedAt, int... aqi) {
        return forecast(who, county, issuedAt, false, aqi);
    }

    private WebTestClient.ResponseSpec forecast(
            DemoIdentity who, String county, String issuedAt, boolean drill, int... aqi) {
        StringBuilder days = new StringBuilder();
        for (int i = 0; i < aqi.length; i++) {
            days.append(i == 0 ? "" : ",")
                    .append("{\"day\":\"2024-12-")
                    .append(15 + i)
                    .append("\",\"aqi\":")
                    .append(aqi[i])
                    .append("}");
        }
        return http.post()
                .uri("/api/air-quality/v1/forecasts")
                .headers(h -> h.setBearerAuth(KeycloakTokens.of(who)))
                .bodyValue("{\"county\":\"" + county + "\",\"issuedAt\":\"" + issuedAt + "\",\"days\":[" + days + "]"
                        + (drill ? ",\"drill\":true" : "") + "}")
                .header("Content-Type", "application/json")
                .exchange();
    }

    @Test
    void issuesUpgradesDowngradesAndLiftsWithEvents() {
        forecast(DemoIdentity.ECO_SHACHE, "653125", "2024-12-15T08:00:00+08:00", 210, 120, 100)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.action")
                .isEqualTo("issued")
                .jsonPath("$.level")
                .isEqualTo("yellow");
        forecast(DemoIdentity.ECO_SHACHE, "653125", "2024-12-15T20:00:00+08:00", 210, 220, 100)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.action")
                .isEqualTo("upgraded")
                .jsonPath("$.level")
                .isEqualTo("orange");
        forecast(DemoIdentity.ECO_SHACHE, "653125", "2024-12-16T08:00:00+08:00", 210, 190, 160)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.action")
                .isEqualTo("downgraded");
        forecast(DemoIdentity.COORDINATOR, "653125", "2024-12-16T08:00:01+08:00", 210, 100, 100)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.action")
                .isEqualTo("lifted");
        List<String> types = db.sql("select type from event_outbox order by seq")
                .map(r -> r.get("type", String.class))
                .all()
                .collectList()
                .block();
        assertThat(types)
                .containsExactly(
                        "lantian.air-quality.alert-issued.v2",
                        "lantian.air-quality.alert-upgraded.v2",
                        "lantian.air-quality.alert-downgraded.v2",
                        "lantian.air-quality.alert-lifted.v2");
        assertThat(db.sql("select payload::text as p from event_outbox order by seq")
                        .map(r -> r.get("p", String.class))
                        .all()
                        .collectList()
                        .block())
                .as("a real alert says it is none")
                .allSatisfy(p -> assertThat(p).contains("\"drill\":false"));
        http.get()
                .uri("/api/public/v1/alerts?county=653125")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[0].id")
                .isEqualTo("alert-653125-20241215")
                .jsonPath("$[0].history.length()")
                .isEqualTo(4)
                .jsonPath("$[0].liftedAt")
                .exists()
                .jsonPath("$[0].drill")
                .isEqualTo(false);
    }

    @Test
    void aDrillsAlertIsMarkedInEveryStepAndInThePublicHistory() {
        forecast(DemoIdentity.ECO_SHACHE, "653125", "2024-12-15T08:00:00+08:00", true, 230, 240, 180)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.action")
                .isEqualTo("issued");
        // The later forecasts of the drill need not repeat the mark: the alert stays a drill's until lifted.
        forecast(DemoIdentity.ECO_SHACHE, "653125", "2024-12-15T09:00:00+08:00", 180, 170, 120)
                .expectStatus()
                .isOk();
        forecast(DemoIdentity.ECO_SHACHE, "653125", "2024-12-15T10:00:00+08:00", 90, 80, 70)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.action")
                .isEqualTo("lifted");
        assertThat(db.sql("select type, payload::text as p from event_outbox order by seq")
                        .map(r -> r.get("type", String.class) + " " + r.get("p", String.class))
                        .all()
                        .collectList()
                        .block())
                .hasSize(3)
                .allSatisfy(e -> assertThat(e).contains(".v2 ", "\"drill\":true"));
        http.get()
                .uri("/api/public/v1/alerts?county=653125")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[0].drill")
                .isEqualTo(true);

        // The next real episode in the county is no drill (the forecast's days begin on the 15th, the 16th is over
        // 200).
        forecast(DemoIdentity.ECO_SHACHE, "653125", "2024-12-16T08:00:00+08:00", 100, 210, 120)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.action")
                .isEqualTo("issued");
        http.get()
                .uri("/api/public/v1/alerts?county=653125&active=true")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[0].drill")
                .isEqualTo(false);
    }

    @Test
    void countiesForecastOnlyForThemselves() {
        forecast(DemoIdentity.ECO_KASHGAR, "653125", "2024-12-15T08:00:00+08:00", 210)
                .expectStatus()
                .isForbidden();
        http.post()
                .uri("/api/air-quality/v1/forecasts")
                .headers(h -> h.setBearerAuth(KeycloakTokens.of(DemoIdentity.COORDINATOR)))
                .header("Content-Type", "application/json")
                .bodyValue("{\"county\":\"999999\",\"days\":[{\"day\":\"soon\",\"aqi\":-1}]}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field=='county')]")
                .exists()
                .jsonPath("$.errors[?(@.field=='days[0].day')]")
                .exists();
    }
}
