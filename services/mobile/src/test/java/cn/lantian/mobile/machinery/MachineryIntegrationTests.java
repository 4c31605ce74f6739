package cn.lantian.mobile.machinery;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.mobile.IntegrationTest;
import cn.lantian.testsupport.DemoIdentity;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Code registration of non-road machinery and the violations a sighting reveals, each raising
 * {@code lantian.mobile.machinery-violation.v1} through the outbox, against the real PostgreSQL and Keycloak.
 */
class MachineryIntegrationTests extends IntegrationTest {

    private static final String VIOLATION = "lantian.mobile.machinery-violation.v1";
    /** Inside Kashgar city's low-emission zone (minimum China III). */
    private static final double[] IN_ZONE = {75.99, 39.47};
    /** In Kashgar city, outside its zone. */
    private static final double[] OUT_OF_ZONE = {76.1771, 39.5215};

    private static Map<String, Object> machine(String kind, String stage, LocalDate acquiredOn) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("maker", "三一重工");
        m.put("model", "SY215C");
        m.put("productionDate", "2012-04-01");
        m.put("emissionStage", stage);
        m.put("fuel", "diesel");
        m.put("afterTreatment", List.of("DOC"));
        m.put("owner", "喀什建工集团");
        m.put("operator", "阿不都");
        m.put("contact", "0998-0000000");
        m.put("home", "653101");
        m.put("photos", Map.of("machineNameplate", "doc://np/1", "engineNameplate", "doc://np/2"));
        if (acquiredOn != null) {
            m.put("acquiredOn", acquiredOn.toString());
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> registerMachine(Map<String, Object> body) {
        return http.post()
                .uri("/api/mobile/v1/machinery")
                .header("Authorization", token(DemoIdentity.ECO_KASHGAR))
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> sight(DemoIdentity who, String code, double[] at, Double ringelmann, String stage) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("at", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).truncatedTo(ChronoUnit.SECONDS));
        s.put("lon", at[0]);
        s.put("lat", at[1]);
        s.put("site", "人民东路改造工地");
        if (code != null) {
            s.put("code", code);
        }
        if (ringelmann != null) {
            s.put("ringelmann", ringelmann);
        }
        if (stage != null) {
            s.put("observedStage", stage);
        }
        return http.post()
                .uri("/api/mobile/v1/machinery/sightings")
                .header("Authorization", token(who))
                .bodyValue(s)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<String> kinds(Map<String, Object> report) {
        return ((List<Map<String, Object>>) report.get("violations"))
                .stream().map(v -> (String) v.get("kind")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Map<String, Object> report) {
        return ((List<Map<String, Object>>) report.get("violations"))
                .stream().map(v -> (String) v.get("id")).toList();
    }

    @Test
    void aRegisteredMachineGetsACodeThatItsCountyReadsAndAnotherDoesNot() {
        Map<String, Object> m = registerMachine(machine("excavator", "China III", null));
        String code = (String) m.get("code");
        assertThat(code).matches("NRMM-653101-\\d{6}");
        assertThat(m).containsEntry("late", false).containsEntry("registeredBy", "eco-kashgar");

        http.get()
                .uri("/api/mobile/v1/machinery/{c}", code)
                .header("Authorization", token(DemoIdentity.ECO_KASHGAR))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.photos.engineNameplate")
                .isEqualTo("doc://np/2")
                .jsonPath("$.afterTreatment[0]")
                .isEqualTo("DOC");
        http.get()
                .uri("/api/mobile/v1/machinery/{c}", code)
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void registrationOnTheThirtiethDayAfterAcquisitionIsOnTimeAndOnTheThirtyFirstLate() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(registerMachine(machine("loader", "China III", today.minusDays(30))))
                .containsEntry("late", false);
        assertThat(registerMachine(machine("loader", "China III", today.minusDays(31))))
                .containsEntry("late", true);
    }

    @Test
    void farmMachineryAndARegistrationWithoutNameplatePhotosAreRefusedWithTheirFields() {
        Map<String, Object> farm = machine("tractor", "China III", null);
        farm.remove("photos");
        http.post()
                .uri("/api/mobile/v1/machinery")
                .header("Authorization", token(DemoIdentity.ECO_KASHGAR))
                .bodyValue(farm)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field")
                .value(f -> assertThat((List<String>) f)
                        .contains("kind", "photos.machineNameplate", "photos.engineNameplate"));
    }

    @Test
    void anOldMachineSmokingInsideTheZoneBreaksBothRulesAndRaisesAnEventForEach() {
        String code =
                (String) registerMachine(machine("excavator", "China II", null)).get("code");

        Map<String, Object> report = sight(DemoIdentity.ECO_KASHGAR, code, IN_ZONE, 2.0, null);

        assertThat(report).containsEntry("machineCode", code).containsEntry("zoneId", "lez-653101");
        assertThat(kinds(report)).containsExactlyInAnyOrder("black-smoke", "low-emission-zone");
        for (String id : ids(report)) {
            assertThat(events(VIOLATION, "machinery-violation/" + id))
                    .singleElement()
                    .asString()
                    .contains("\"machineCode\":\"" + code + "\"", "\"jurisdiction\":\"653101\"", "unconfirmed");
        }
    }

    @Test
    void atTheLimitAndAtTheZonesStageNothingIsBroken() {
        String code = (String)
                registerMachine(machine("excavator", "China III", null)).get("code");
        assertThat(kinds(sight(DemoIdentity.ECO_KASHGAR, code, IN_ZONE, 1.0, null)))
                .isEmpty();
        String old =
                (String) registerMachine(machine("excavator", "China II", null)).get("code");
        assertThat(kinds(sight(DemoIdentity.ECO_KASHGAR, old, OUT_OF_ZONE, 1.0, null)))
                .as("an old machine outside every zone")
                .isEmpty();
    }

    @Test
    void aMachineWithoutACodeIsUnregisteredAndItsLabelsStageIsJudgedInTheZone() {
        Map<String, Object> report = sight(DemoIdentity.ECO_KASHGAR, null, IN_ZONE, null, "China I");
        assertThat(kinds(report)).containsExactlyInAnyOrder("unregistered", "low-emission-zone");
        Map<String, Object> unknownCode = sight(DemoIdentity.ECO_KASHGAR, "NRMM-NOWHERE-1", OUT_OF_ZONE, null, null);
        assertThat(kinds(unknownCode)).containsExactly("unregistered");
        String id = ids(unknownCode).get(0);
        assertThat(events(VIOLATION, "machinery-violation/" + id))
                .singleElement()
                .asString()
                .contains("\"kind\":\"unregistered\"", "\"severity\":\"minor\"");

        http.get()
                .uri("/api/mobile/v1/machinery/violations?kind=unregistered&limit=500")
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[?(@.id == '" + id + "')]")
                .doesNotExist();
        http.get()
                .uri("/api/mobile/v1/machinery/violations?jurisdiction=653101&kind=unregistered&limit=500")
                .header("Authorization", token(DemoIdentity.ECO_KASHGAR))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[?(@.id == '" + id + "')].sightingId")
                .isEqualTo(List.of(unknownCode.get("sightingId")));
    }

    @Test
    void aSightingOutsideTheOfficersCountyIsRefused() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("at", OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).truncatedTo(ChronoUnit.SECONDS));
        s.put("lon", 77.24);
        s.put("lat", 38.41);
        http.post()
                .uri("/api/mobile/v1/machinery/sightings")
                .header("Authorization", token(DemoIdentity.ECO_KASHGAR))
                .bodyValue(s)
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void theZonesAreListedWithTheirSourceAndStatus() {
        http.get()
                .uri("/api/mobile/v1/low-emission-zones")
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[?(@.id == 'lez-653125')].minStage")
                .isEqualTo(List.of("China III"))
                .jsonPath("$[0].status")
                .isEqualTo("unconfirmed");
    }
}
