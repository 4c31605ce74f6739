package cn.lantian.mobile.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.lantian.mobile.IntegrationTest;
import cn.lantian.testsupport.DemoIdentity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.ObjectMapper;

/**
 * Inspection stations and their tests against the real PostgreSQL, RabbitMQ and Keycloak: the I/M closed loop with the
 * closure of a repair obligation, the fraud signals raised once through the outbox, access by jurisdiction, the
 * public disclosure, bad input, and tests by AMQP.
 */
class InspectionIntegrationTests extends IntegrationTest {

    private static final String QUEUE = "lantian.mobile.readings." + INSPECTIONS_GROUP;
    private static final String FRAUD = "lantian.mobile.inspection-fraud-suspected.v1";
    private static final String CLOSED = "lantian.mobile.repair-obligation-closed.v1";
    private static final double[] KASHGAR = {76.1771, 39.5215};

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    ObjectMapper json;

    private String station(DemoIdentity who, String unit) {
        String id = unique("ims").toLowerCase();
        http.put()
                .uri("/api/mobile/v1/inspection-stations/{id}", id)
                .header("Authorization", token(who))
                .bodyValue(Map.of("name", "测试检测站 " + id, "licence", unique("LIC"), "unit", unit, "lanes", 3))
                .exchange()
                .expectStatus()
                .isOk();
        return id;
    }

    private String mStation(String unit) {
        String id = unique("mst").toLowerCase();
        http.put()
                .uri("/api/mobile/v1/repair-stations/{id}", id)
                .header("Authorization", token(DemoIdentity.POLICE_KASHGAR))
                .bodyValue(Map.of("name", "测试维修站 " + id, "licence", unique("MLIC"), "unit", unit))
                .exchange()
                .expectStatus()
                .isOk();
        return id;
    }

    private static Map<String, Object> test(
            String station, String plate, int kg, String method, Instant at, boolean pass) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("id", unique("imt"));
        t.put("stationId", station);
        t.put("lane", 1);
        t.put("plate", plate);
        t.put("vin", vin());
        t.put("grossMassKg", kg);
        t.put("fuel", "diesel");
        t.put("method", method);
        t.put("testedAt", at.toString());
        t.put("result", pass ? "pass" : "fail");
        t.put("measurements", List.of(Map.of("quantity", "k", "value", pass ? 0.8 : 1.9, "limit", 1.2)));
        t.put("obd", Map.of("result", "pass", "calId", unique("CAL"), "cvn", "A1B2C3D4"));
        return t;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> upload(DemoIdentity who, List<Map<String, Object>> tests) {
        return http.post()
                .uri("/api/mobile/v1/inspection-tests")
                .header("Authorization", token(who))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(tests)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> get(DemoIdentity who, String uri, Object... vars) {
        var spec = http.get().uri(uri, vars);
        if (who != null) {
            spec = spec.header("Authorization", token(who));
        }
        return spec.exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    private static String reading(String plate, Instant at, double opacity) {
        return "{\"plate\":\"" + plate + "\",\"at\":\"" + at + "\",\"lon\":" + KASHGAR[0] + ",\"lat\":" + KASHGAR[1]
                + ",\"check\":\"remote-sensing\",\"opacity\":" + opacity
                + ",\"nox\":300,\"speed\":42.5,\"acceleration\":0.4}\n";
    }

    @Test
    void aFailedVehiclesRetestCountsOnlyAfterAnMStationRepairAndThenClosesItsRepairObligation() {
        String plate = plate();
        register(
                DemoIdentity.POLICE_KASHGAR,
                vehicle(plate, "heavy-truck", "diesel", "China III", "2010-05-01", true, "653101"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        http.post()
                .uri("/api/mobile/v1/readings")
                .header("Authorization", token(DemoIdentity.POLICE_KASHGAR))
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .bodyValue(reading(plate, now.minus(10, ChronoUnit.DAYS), 45)
                        + reading(plate, now.minus(9, ChronoUnit.DAYS), 50))
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(items(get(DemoIdentity.POLICE_KASHGAR, "/api/mobile/v1/repair-obligations?plate={p}", plate)))
                .singleElement()
                .satisfies(o -> assertThat(o).containsEntry("status", "open"));

        String station = station(DemoIdentity.POLICE_KASHGAR, "653101");
        String shop = mStation("653101");
        Map<String, Object> failed = test(station, plate, 18_000, "lug-down", now.minus(5, ChronoUnit.DAYS), false);
        Map<String, Object> unrepaired = test(station, plate, 18_000, "lug-down", now.minus(4, ChronoUnit.DAYS), true);
        Map<String, Object> first = upload(DemoIdentity.POLICE_KASHGAR, List.of(failed, unrepaired));

        assertThat((List<Object>) first.get("stored")).containsExactly(failed.get("id"), unrepaired.get("id"));
        assertThat((List<Map<String, Object>>) first.get("notCounted"))
                .singleElement()
                .satisfies(n -> {
                    assertThat(n).containsEntry("id", unrepaired.get("id"));
                    assertThat(n.get("reason").toString())
                            .contains("no M-station repair", failed.get("id").toString());
                });
        assertThat(first).containsEntry("obligationsClosed", 0);
        assertThat(events(CLOSED, "vehicle/" + plate)).isEmpty();

        Map<String, Object> repair = http.post()
                .uri("/api/mobile/v1/repairs")
                .header("Authorization", token(DemoIdentity.POLICE_KASHGAR))
                .bodyValue(Map.of(
                        "stationId",
                        shop,
                        "plate",
                        plate,
                        "repairedAt",
                        now.minus(3, ChronoUnit.DAYS).toString(),
                        "work",
                        "更换颗粒捕集器 DPF replaced"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();

        Map<String, Object> retest = test(station, plate, 18_000, "lug-down", now.minus(2, ChronoUnit.DAYS), true);
        Map<String, Object> second = upload(DemoIdentity.POLICE_KASHGAR, List.of(retest));
        assertThat((List<?>) second.get("notCounted")).isEmpty();
        assertThat(second).containsEntry("obligationsClosed", 1);
        assertThat(items(get(DemoIdentity.POLICE_KASHGAR, "/api/mobile/v1/repair-obligations?plate={p}", plate)))
                .singleElement()
                .satisfies(o -> assertThat(o).containsEntry("status", "closed"));
        assertThat(events(CLOSED, "vehicle/" + plate))
                .singleElement()
                .asString()
                .contains(
                        "\"repairId\":\"" + repair.get("id") + "\"",
                        "\"repairStationId\":\"" + shop + "\"",
                        "\"testId\":\"" + retest.get("id") + "\"",
                        "\"pollutant\":\"opacity\"");
        assertThat(items(get(
                        DemoIdentity.POLICE_KASHGAR, "/api/mobile/v1/inspection-tests?plate={p}&counts=false", plate)))
                .extracting(t -> t.get("id"))
                .containsExactly(unrepaired.get("id"));
    }

    @Test
    void eachSignalIsRaisedOnceAndAnotherCountyNeitherSeesNorWritesAndTheConfirmedCaseIsDisclosedMasked() {
        String station = station(DemoIdentity.POLICE_KASHGAR, "653101");
        String plate = plate();
        Instant at = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        List<Map<String, Object>> batch = List.of(
                test(station, plate, 2500, "lug-down", at, false),
                test(station, plate, 2500, "lug-down", at.plus(5, ChronoUnit.MINUTES), true),
                test(station, plate(), 12_000, "free-acceleration", at.plus(1, ChronoUnit.HOURS), true));
        Map<String, Object> report = upload(DemoIdentity.ECO_KASHGAR, batch);
        assertThat(report).containsEntry("findings", 2);
        assertThat(items(get(DemoIdentity.ECO_KASHGAR, "/api/mobile/v1/fraud-findings?station={s}", station)))
                .extracting(f -> f.get("signal"))
                .containsExactlyInAnyOrder("retest-within-minutes", "non-dynamometer-heavy");
        assertThat(events(FRAUD, "inspection-station/" + station))
                .hasSize(2)
                .allSatisfy(e -> assertThat(e).contains("\"jurisdiction\":\"653101\"", "MEE enforcement cases"));

        Map<String, Object> again = upload(DemoIdentity.ECO_KASHGAR, batch);
        assertThat((List<?>) again.get("alreadyStored")).hasSize(3);
        assertThat(again).containsEntry("findings", 0);
        assertThat(events(FRAUD, "inspection-station/" + station)).hasSize(2);

        // Shache sees none of it and may not write to it.
        assertThat(items(get(DemoIdentity.ECO_SHACHE, "/api/mobile/v1/fraud-findings?station={s}", station)))
                .isEmpty();
        assertThat(items(get(DemoIdentity.ECO_SHACHE, "/api/mobile/v1/inspection-tests?station={s}", station)))
                .isEmpty();
        Map<String, Object> foreign =
                upload(DemoIdentity.ECO_SHACHE, List.of(test(station, plate(), 2500, "lug-down", at, true)));
        assertThat((List<?>) foreign.get("stored")).isEmpty();
        assertThat(foreign.get("rejected").toString()).contains("stationId", "names no inspection station you can see");
        http.put()
                .uri("/api/mobile/v1/inspection-stations/{id}", unique("ims").toLowerCase())
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .bodyValue(Map.of("name", "越权", "licence", unique("LIC"), "unit", "653101", "lanes", 1))
                .exchange()
                .expectStatus()
                .isForbidden();
        http.post()
                .uri(
                        "/api/mobile/v1/fraud-decisions/retest-within-minutes/{id}",
                        batch.get(1).get("id"))
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .bodyValue(Map.of("status", "confirmed", "note", "越权"))
                .exchange()
                .expectStatus()
                .isNotFound();

        // Kashgar confirms one; the public sees it with the plate masked, and the station's pass rate.
        http.post()
                .uri(
                        "/api/mobile/v1/fraud-decisions/retest-within-minutes/{id}",
                        batch.get(1).get("id"))
                .header("Authorization", token(DemoIdentity.POLICE_KASHGAR))
                .bodyValue(Map.of("status", "confirmed", "note", "现场核查确认 confirmed on site"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("confirmed");
        List<Map<String, Object>> cases = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> page = after == null
                    ? get(null, "/api/public/v1/mobile/fraud-cases?limit=500")
                    : get(null, "/api/public/v1/mobile/fraud-cases?limit=500&after={a}", after);
            cases.addAll(items(page));
            after = (String) page.get("next");
        } while (after != null);
        Map<String, Object> disclosed = cases.stream()
                .filter(c -> c.get("id")
                        .equals("retest-within-minutes/" + batch.get(1).get("id")))
                .findFirst()
                .orElseThrow();
        assertThat(disclosed.toString()).doesNotContain(plate);
        assertThat((List<String>) disclosed.get("plates"))
                .containsExactly(
                        plate.substring(0, 3) + "*".repeat(plate.length() - 4) + plate.charAt(plate.length() - 1));
        assertThat(items(get(null, "/api/public/v1/mobile/inspection-stations")))
                .filteredOn(s -> s.get("id").equals(station))
                .singleElement()
                .satisfies(s -> assertThat(s)
                        .containsEntry("tests", 3)
                        .containsEntry("passes", 2)
                        .containsEntry("passRate", 66.7)
                        .containsEntry("confirmedFraudCases", 1));
    }

    @Test
    void badRowsAreReportedOneByOneAndABadBodyOrParameterIsAProblem() {
        String station = station(DemoIdentity.POLICE_KASHGAR, "653101");
        Instant at = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String csv = "id,stationId,lane,plate,vin,grossMassKg,fuel,method,testedAt,result,measurements,obdResult\n"
                + unique("imt") + "," + station + ",1," + plate() + "," + vin() + ",1500,petrol,asm," + at
                + ",pass,co=0.2/0.5;hc=40/90,pass\n"
                + unique("imt") + "," + station + ",9," + plate() + ",SHORT,1500,petrol,lug-down,yesterday,"
                + "pass,co=0.9/0.5,pass\n";
        Map<String, Object> report = http.post()
                .uri("/api/mobile/v1/inspection-tests")
                .header("Authorization", token(DemoIdentity.POLICE_KASHGAR))
                .contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue(csv)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat((List<?>) report.get("stored")).hasSize(1);
        assertThat(report.get("rejected").toString())
                .contains("row=3", "vin", "method", "lug-down does not test a petrol vehicle", "testedAt", "result");

        http.post()
                .uri("/api/mobile/v1/inspection-tests")
                .header("Authorization", token(DemoIdentity.POLICE_KASHGAR))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"id\":\"x\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("body");
        http.get()
                .uri("/api/mobile/v1/inspection-tests?limit=0")
                .header("Authorization", token(DemoIdentity.POLICE_KASHGAR))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get()
                .uri("/api/mobile/v1/fraud-findings?signal=coin-toss")
                .header("Authorization", token(DemoIdentity.POLICE_KASHGAR))
                .exchange()
                .expectStatus()
                .isBadRequest();
        http.get()
                .uri("/api/mobile/v1/inspection-tests")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void testsByAmqpAreTakenAndABadMessageIsDeadLetteredWithItsReasonAndStoresNothing() throws Exception {
        String station = station(DemoIdentity.POLICE_KASHGAR, "653101");
        Instant at = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> good = test(station, plate(), 12_000, "free-acceleration", at, true);
        send(json.writeValueAsString(List.of(good)), "application/json");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> events(FRAUD, "inspection-station/" + station).size() == 1);

        Map<String, Object> fine = test(station, plate(), 2500, "lug-down", at, true);
        Map<String, Object> bad = test(station, plate(), 2500, "lug-down", at, true);
        bad.put("lane", 7);
        send(json.writeValueAsString(List.of(fine, bad)), "application/json");
        Message dead = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            for (Message m = rabbit.receive(QUEUE + ".dlq", 500);
                                    m != null;
                                    m = rabbit.receive(QUEUE + ".dlq", 100)) {
                                if (new String(m.getBody(), StandardCharsets.UTF_8)
                                        .contains(bad.get("id").toString())) {
                                    return m;
                                }
                            }
                            return null;
                        },
                        m -> m != null);
        assertThat(String.valueOf(dead.getMessageProperties().getHeaders().get("x-exception-message")))
                .contains("row 2 lane: the station has 3 lane(s)");
        assertThat(db.sql("select count(*) from inspection_test where id = :id")
                        .bind("id", fine.get("id"))
                        .map(r -> r.get(0, Long.class))
                        .one()
                        .block())
                .isZero();
    }

    private void send(String body, String contentType) {
        rabbit.send(
                "",
                QUEUE,
                MessageBuilder.withBody(body.getBytes(StandardCharsets.UTF_8))
                        .setContentType(contentType)
                        .build());
    }
}
