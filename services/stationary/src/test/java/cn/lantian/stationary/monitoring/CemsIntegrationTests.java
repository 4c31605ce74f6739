package cn.lantian.stationary.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.stationary.IntegrationTest;
import cn.lantian.testsupport.DemoIdentity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

class CemsIntegrationTests extends IntegrationTest {

    @Autowired
    GapWatch gaps;

    private String enterprise;
    private String outlet;
    private String number;
    private final Instant h0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(12, ChronoUnit.HOURS);

    @BeforeEach
    void outletWithPermit() {
        enterprise = enterprise(DemoIdentity.ECO_SHACHE, SHACHE);
        outlet = facility(
                DemoIdentity.ECO_SHACHE,
                enterprise,
                "outlet",
                SHACHE,
                Map.of("code", "DA001", "sourceKind", "coal-boiler", "cems", List.of("PM", "SO2", "NOx")));
        number = ("P" + enterprise.replace("-", "")).toUpperCase();
        http.post()
                .uri("/api/stationary/v1/permits")
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .bodyValue(Map.of(
                        "number",
                        number,
                        "enterpriseId",
                        enterprise,
                        "validFrom",
                        "2024-01-01",
                        "validUntil",
                        LocalDate.now().plusYears(3).toString(),
                        "limits",
                        List.of(Map.of("outletId", outlet, "pollutant", "NOx", "limitMgM3", 50, "yearlyT", 120))))
                .exchange()
                .expectStatus()
                .isCreated();
    }

    private String line(int hour, double value, double o2, String flag) {
        return line(h0.plus(hour, ChronoUnit.HOURS), value, o2, flag);
    }

    private String line(Instant hour, double value, double o2, String flag) {
        return "{\"outletId\":\"" + outlet + "\",\"pollutant\":\"NOx\",\"hour\":\"" + hour + "\",\"value\":" + value
                + ",\"o2\":" + o2 + ",\"flow\":52000,\"flag\":\"" + flag + "\"}\n";
    }

    private IngestReport post(DemoIdentity who, String body) {
        return http.post()
                .uri("/api/stationary/v1/cems/readings")
                .header("Authorization", token(who))
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(IngestReport.class)
                .returnResult()
                .getResponseBody();
    }

    private List<String> escalations() {
        return events("lantian.stationary.emission-exceedance-escalated.v1", "outlet/" + outlet);
    }

    private Instant at(int hour) {
        return h0.plus(hour, ChronoUnit.HOURS);
    }

    @Test
    void convertsToReferenceOxygenAndFlaggedHoursNeitherCountNorBreakARun() {
        IngestReport first = post(
                DemoIdentity.ECO_SHACHE,
                line(0, 40, 9, "N")
                        + line(1, 60, 9, "N")
                        // 45 mg/m3 at 12 % O2 is 60 at the coal boilers' 9 %: over the limit only after conversion.
                        + line(2, 45, 12, "N")
                        // A maintenance hour never counts, however high; the valid hour within the limit ends the run.
                        + line(3, 500, 9, "M")
                        + line(4, 40, 9, "N"));
        assertThat(first.accepted()).isEqualTo(5);
        assertThat(first.exceedances()).isEqualTo(2);
        assertThat(first.escalations()).isZero();
        List<String> exceeded = events("lantian.stationary.emission-limit-exceeded.v1", "outlet/" + outlet);
        assertThat(exceeded).hasSize(2);
        assertThat(exceeded.get(0))
                .contains(
                        "\"value\":60.0",
                        "\"limit\":50.0",
                        "\"ratio\":1.2",
                        "\"referenceO2\":9.0",
                        "\"consecutiveHours\":2");

        IngestReport second =
                post(DemoIdentity.ECO_SHACHE, line(5, 900, 9, "C") + line(6, 51, 9, "N") + line(7, 80, 9, "N"));
        assertThat(second.exceedances()).isEqualTo(2);
        assertThat(second.escalations())
                .as("two exceeding hours; the calibration hour does not count")
                .isZero();

        // The maintenance hour 8 does not break the run: 6, 7 and 9 are three exceeding hours.
        IngestReport third = post(DemoIdentity.ECO_SHACHE, line(8, 900, 9, "M") + line(9, 70, 9, "N"));
        assertThat(third.escalations()).isOne();
        assertThat(escalations())
                .singleElement()
                .asString()
                .contains(
                        "\"from\":\"" + at(6) + "\"",
                        "\"to\":\"" + at(9) + "\"",
                        "\"hours\":3",
                        "\"maxRatio\":1.6",
                        "\"severity\":\"critical\"");

        // Sending the same hours again stores them again but raises nothing new.
        IngestReport resent =
                post(DemoIdentity.ECO_SHACHE, line(6, 51, 9, "N") + line(7, 80, 9, "N") + line(8, 900, 9, "M"));
        assertThat(resent.exceedances()).isZero();
        assertThat(resent.escalations()).isZero();
        assertThat(events("lantian.stationary.emission-limit-exceeded.v1", "outlet/" + outlet))
                .hasSize(5);
        assertThat(escalations()).hasSize(1);
    }

    @Test
    void hoursArrivingOutOfOrderEscalateOnceTheRunIsComplete() {
        assertThat(post(DemoIdentity.ECO_SHACHE, line(3, 70, 9, "N")).escalations())
                .isZero();
        assertThat(post(DemoIdentity.ECO_SHACHE, line(1, 60, 9, "N")).escalations())
                .isZero();
        IngestReport late = post(DemoIdentity.ECO_SHACHE, line(2, 55, 9, "N"));
        assertThat(late.escalations()).isOne();
        assertThat(escalations())
                .singleElement()
                .asString()
                .contains("\"from\":\"" + at(1) + "\"", "\"to\":\"" + at(3) + "\"", "\"hours\":3");
        assertThat(events("lantian.stationary.emission-limit-exceeded.v1", "outlet/" + outlet))
                .last()
                .asString()
                .contains("\"consecutiveHours\":3");
        // A fourth hour joins the escalated run and raises only its exceedance.
        IngestReport fourth = post(DemoIdentity.ECO_SHACHE, line(0, 65, 9, "N"));
        assertThat(fourth.exceedances()).isOne();
        assertThat(fourth.escalations()).isZero();
    }

    @Test
    void aLateHourBridgingTwoShortRunsEscalatesOnce() {
        post(
                DemoIdentity.ECO_SHACHE,
                line(0, 60, 9, "N") + line(1, 60, 9, "N") + line(3, 60, 9, "N") + line(4, 60, 9, "N"));
        assertThat(escalations()).isEmpty();
        IngestReport bridge = post(DemoIdentity.ECO_SHACHE, line(2, 90, 9, "N"));
        assertThat(bridge.escalations()).isOne();
        assertThat(escalations())
                .singleElement()
                .asString()
                .contains("\"from\":\"" + at(0) + "\"", "\"to\":\"" + at(4) + "\"", "\"hours\":5", "\"maxRatio\":1.8");
    }

    @Test
    void aLateHourBridgingTwoEscalatedRunsRaisesNoFurtherEscalation() {
        post(DemoIdentity.ECO_SHACHE, line(0, 60, 9, "N") + line(1, 60, 9, "N") + line(2, 60, 9, "N"));
        post(DemoIdentity.ECO_SHACHE, line(4, 60, 9, "N") + line(5, 60, 9, "N") + line(6, 60, 9, "N"));
        assertThat(escalations()).hasSize(2);
        IngestReport bridge = post(DemoIdentity.ECO_SHACHE, line(3, 60, 9, "N"));
        assertThat(bridge.exceedances()).isOne();
        assertThat(bridge.escalations()).isZero();
        // A flagged hour bridging into the joined run changes nothing either.
        post(DemoIdentity.ECO_SHACHE, line(7, 60, 9, "D") + line(8, 60, 9, "N"));
        assertThat(escalations()).hasSize(2);
    }

    @Test
    void twoBatchesCompletingTheSameRunAtOnceEscalateItExactlyOnce() throws Exception {
        post(DemoIdentity.ECO_SHACHE, line(0, 60, 9, "N") + line(3, 60, 9, "N"));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var one = pool.submit(() -> post(DemoIdentity.ECO_SHACHE, line(1, 60, 9, "N")));
            var two = pool.submit(() -> post(DemoIdentity.ECO_SHACHE, line(2, 60, 9, "N")));
            assertThat(one.get().escalations() + two.get().escalations()).isOne();
        } finally {
            pool.shutdown();
        }
        assertThat(escalations()).singleElement().asString().contains("\"hours\":4");
    }

    @Test
    void aLateFlaggedHourCanBridgeTwoRuns() {
        post(DemoIdentity.ECO_SHACHE, line(0, 60, 9, "N") + line(1, 60, 9, "N") + line(3, 60, 9, "N"));
        assertThat(escalations()).isEmpty();
        IngestReport flagged = post(DemoIdentity.ECO_SHACHE, line(2, 5, 9, "C"));
        assertThat(flagged.escalations()).isOne();
        assertThat(escalations()).singleElement().asString().contains("\"hours\":3");
    }

    @Test
    void aValueIsJudgedByThePermitTermsInForceAtItsHourNotByTodays() {
        http.put()
                .uri("/api/stationary/v1/permits/" + number)
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .bodyValue(Map.of(
                        "enterpriseId",
                        enterprise,
                        "validFrom",
                        "2024-01-01",
                        "validUntil",
                        LocalDate.now().plusYears(3).toString(),
                        "limits",
                        List.of(Map.of("outletId", outlet, "pollutant", "NOx", "limitMgM3", 30, "yearlyT", 80))))
                .exchange()
                .expectStatus()
                .isOk();
        // As if the permit had been issued two days ago and tightened six hours after h0.
        db.sql("update permit_version set recorded_at = case version when 1 then :issued else :changed end "
                        + "where number = :n")
                .bind("issued", java.time.OffsetDateTime.ofInstant(at(-48), java.time.ZoneOffset.UTC))
                .bind("changed", java.time.OffsetDateTime.ofInstant(at(6), java.time.ZoneOffset.UTC))
                .bind("n", number)
                .then()
                .block();

        IngestReport report = post(DemoIdentity.ECO_SHACHE, line(2, 40, 9, "N") + line(8, 40, 9, "N"));
        assertThat(report.exceedances())
                .as("40 is within the 50 of hour 2 and above the 30 of hour 8")
                .isOne();
        assertThat(report.unpermitted()).isEmpty();
        assertThat(events("lantian.stationary.emission-limit-exceeded.v1", "outlet/" + outlet))
                .singleElement()
                .asString()
                .contains("\"hour\":\"" + at(8) + "\"", "\"limit\":30.0");
        List<Double> limits = db.sql("select limit_mg_m3 from cems_hourly where outlet_id = :o order by hour")
                .bind("o", outlet)
                .map(r -> r.get(0, Double.class))
                .all()
                .collectList()
                .block();
        assertThat(limits).containsExactly(50.0, 30.0);
    }

    @Test
    void aValueOfAnOutletWithoutAValidPermitAtItsHourIsStoredAndReported() {
        // The permit is valid from 2024-01-01, China Standard Time: 2023-12-31T16:00Z is its first hour.
        Instant before = Instant.parse("2023-12-31T15:00:00Z");
        Instant first = Instant.parse("2023-12-31T16:00:00Z");
        IngestReport report = post(DemoIdentity.ECO_SHACHE, line(before, 500, 9, "N") + line(first, 500, 9, "N"));
        assertThat(report.accepted()).isEqualTo(2);
        assertThat(report.unpermitted())
                .singleElement()
                .isEqualTo(new IngestReport.Unpermitted(1, outlet, "NOx", before));
        assertThat(report.exceedances()).as("no permit, no limit to exceed").isOne();
    }

    @Test
    void valueExactlyAtTheLimitIsNoExceedance() {
        IngestReport report = post(DemoIdentity.ECO_SHACHE, line(0, 50, 9, "N"));
        assertThat(report.accepted()).isEqualTo(1);
        assertThat(report.exceedances()).isZero();
    }

    @Test
    void rejectsLinesOfOutletsOutsideTheWritersJurisdictionAndBadLines() {
        IngestReport report = post(
                DemoIdentity.ECO_KASHGAR,
                line(0, 90, 9, "N") + "{\"outletId\":\"" + outlet + "\",\"pollutant\":\"NOx\",\"hour\":\"" + h0
                        + "\",\"value\":5}\n");
        assertThat(report.accepted()).isZero();
        assertThat(report.rejected())
                .extracting(Rejection::line, Rejection::field)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "outletId"),
                        org.assertj.core.groups.Tuple.tuple(2, "outletId"));
        IngestReport noO2 = post(
                DemoIdentity.ECO_SHACHE,
                "{\"outletId\":\"" + outlet + "\",\"pollutant\":\"NOx\",\"hour\":\"" + h0 + "\",\"value\":5}\n");
        assertThat(noO2.rejected())
                .singleElement()
                .satisfies(r -> assertThat(r.field()).isEqualTo("o2"));
        http.post()
                .uri("/api/stationary/v1/cems/readings")
                .header("Authorization", token(DemoIdentity.POLICE_KASHGAR))
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .bodyValue(line(0, 1, 9, "N"))
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void acceptsCsv() {
        String csv = "outletId,pollutant,hour,value,o2,flow,flag\n" + outlet + ",NOx," + h0 + ",70,9,50000,N\n" + outlet
                + ",SO2," + h0 + ",20,9,50000,N\n";
        IngestReport report = http.post()
                .uri("/api/stationary/v1/cems/readings")
                .header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue(csv)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(IngestReport.class)
                .returnResult()
                .getResponseBody();
        assertThat(report.accepted()).isEqualTo(2);
        assertThat(report.exceedances()).as("SO2 has no permit limit here").isEqualTo(1);
    }

    @Test
    void hoursWithoutValidValueOpenADataGapAndAValidValueClosesIt() {
        post(DemoIdentity.ECO_SHACHE, line(0, 10, 9, "N") + line(1, 10, 9, "D") + line(2, 10, 9, "C"));
        gaps.check().block();
        List<String> opened = events("lantian.stationary.monitoring-data-gap.v1", "outlet/" + outlet);
        assertThat(opened)
                .anySatisfy(e -> assertThat(e)
                        .contains(
                                "\"pollutant\":\"NOx\"",
                                "\"lastValidHour\":\"" + h0 + "\"",
                                "\"hoursWithoutData\":11"));
        int before = opened.size();
        gaps.check().block();
        assertThat(events("lantian.stationary.monitoring-data-gap.v1", "outlet/" + outlet))
                .hasSize(before);
        post(DemoIdentity.ECO_SHACHE, line(11, 10, 9, "N"));
        Long open = db.sql(
                        "select count(*) from monitoring_gap where outlet_id = :o and pollutant = 'NOx' and closed_at is null")
                .bind("o", outlet)
                .map(r -> r.get(0, Long.class))
                .one()
                .block();
        assertThat(open).isZero();
    }
}
