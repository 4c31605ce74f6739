package cn.lantian.straw.strawuse;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.straw.IntegrationTest;
import cn.lantian.testsupport.DemoIdentity;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class StrawUseIntegrationTests extends IntegrationTest {

    /** A season of this run alone. */
    final String season = (2050 + ThreadLocalRandom.current().nextInt(0, 50)) + "-autumn";

    static Map<String, Object> figures(double area, double produced, double returned) {
        return Map.of(
                "cropAreaHa",
                area,
                "producedT",
                produced,
                "returnedT",
                returned,
                "feedT",
                100.0,
                "fuelT",
                50.0,
                "rawMaterialT",
                25.0,
                "baseMaterialT",
                25.0);
    }

    @Test
    void theUtilisationRateIsComparedWithTheNationalTarget() {
        StrawUse row = http.put()
                .uri("/api/straw/v1/straw-use/653125/{s}", season)
                .header("Authorization", token(DemoIdentity.AGRI_SHACHE))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(figures(20000, 1000, 660))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(StrawUse.class)
                .returnResult()
                .getResponseBody();
        assertThat(row.utilisationRate()).isEqualTo(0.86);
        assertThat(row.target()).isEqualTo(0.86);
        assertThat(row.meetsTarget()).isTrue();
        assertThat(row.incidentsPer1000Ha()).isEqualTo(0.0);

        StrawUse below = http.put()
                .uri("/api/straw/v1/straw-use/653125/{s}", season)
                .header("Authorization", token(DemoIdentity.AGRI_SHACHE))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(figures(20000, 1000, 659))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(StrawUse.class)
                .returnResult()
                .getResponseBody();
        assertThat(below.utilisationRate()).isEqualTo(0.859);
        assertThat(below.meetsTarget()).isFalse();

        List<?> publicRows = (List<?>) http.get()
                .uri("/api/public/v1/straw/utilisation?season={s}", season)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("rows");
        assertThat(publicRows).hasSize(1);
    }

    @Test
    void burningIncidentsOfTheSeasonAreCountedPerThousandHectares() {
        // A season no other test writes to; the test database keeps earlier runs' incidents, so counts are compared.
        String far = "2100-autumn";
        long before = put(far, figures(2000, 1000, 660)).burningIncidents();
        // Two fires kilometres apart on a day and at places of this run: no earlier run's row repeats or merges them.
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String row = ",318.4,1.1,1.0," + java.time.LocalDate.of(2100, 9, 1).plusDays(random.nextInt(90))
                + "," + String.format("%02d%02d", random.nextInt(24), random.nextInt(60))
                + ",Terra,MODIS,74,6.1NRT,294.2,12.6,D\n";
        double lon = SHACHE[0] + (random.nextDouble() - 0.5) * 0.04;
        double lat = SHACHE[1] + (random.nextDouble() - 0.5) * 0.04;
        http.post()
                .uri("/api/straw/v1/fire-points")
                .header("Authorization", token(DemoIdentity.AGRI_SHACHE))
                .contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue(MODIS + lat + "," + lon + row + lat + "," + (lon + 0.04) + row + BACHU[1] + "," + BACHU[0]
                        + row)
                .exchange()
                .expectStatus()
                .isOk();

        StrawUse after = put(far, figures(2000, 1000, 660));
        assertThat(after.burningIncidents())
                .as("Shache's two fires, not Bachu's")
                .isEqualTo(before + 2);
        assertThat(after.incidentsPer1000Ha()).isEqualTo((before + 2) / 2.0);
    }

    private StrawUse put(String season, Map<String, Object> figures) {
        return http.put()
                .uri("/api/straw/v1/straw-use/653125/{s}", season)
                .header("Authorization", token(DemoIdentity.AGRI_SHACHE))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(figures)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(StrawUse.class)
                .returnResult()
                .getResponseBody();
    }

    @Test
    void aCountyWritesOnlyItsOwnFiguresAndBadFiguresAreRefused() {
        http.put()
                .uri("/api/straw/v1/straw-use/653130/{s}", season)
                .header("Authorization", token(DemoIdentity.AGRI_SHACHE))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(figures(1000, 1000, 500))
                .exchange()
                .expectStatus()
                .isNotFound();
        http.put()
                .uri("/api/straw/v1/straw-use/653125/{s}", season)
                .header("Authorization", token(DemoIdentity.AGRI_SHACHE))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(figures(1000, 100, 500))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("producedT");
        http.put()
                .uri("/api/straw/v1/straw-use/653125/2025-winter")
                .header("Authorization", token(DemoIdentity.AGRI_SHACHE))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(figures(1000, 1000, 500))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("season");
        http.put()
                .uri("/api/straw/v1/straw-use/653125/{s}", season)
                .header("Authorization", token(DemoIdentity.AGRI_SHACHE))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"cropAreaHa\":\"1000\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("cropAreaHa");

        // The positive control, then a Bachu reader does not see Shache's row.
        http.put()
                .uri("/api/straw/v1/straw-use/653125/{s}", season)
                .header("Authorization", token(DemoIdentity.AGRI_SHACHE))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(figures(1000, 1000, 500))
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(http.get()
                        .uri("/api/straw/v1/straw-use?season={s}", season)
                        .header("Authorization", token(DemoIdentity.ECO_BACHU))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(List.class)
                        .returnResult()
                        .getResponseBody())
                .isEmpty();
        assertThat(http.get()
                        .uri("/api/straw/v1/straw-use?season={s}", season)
                        .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(List.class)
                        .returnResult()
                        .getResponseBody())
                .hasSize(1);
    }
}
