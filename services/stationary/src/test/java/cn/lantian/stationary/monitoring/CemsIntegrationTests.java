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
    private final Instant h0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(12, ChronoUnit.HOURS);

    @BeforeEach
    void outletWithPermit() {
        enterprise = enterprise(DemoIdentity.ECO_SHACHE, SHACHE);
        outlet = facility(DemoIdentity.ECO_SHACHE, enterprise, "outlet", SHACHE,
                Map.of("code", "DA001", "sourceKind", "coal-boiler", "cems", List.of("PM", "SO2", "NOx")));
        String number = ("P" + enterprise.replace("-", "")).toUpperCase();
        http.post().uri("/api/stationary/v1/permits").header("Authorization", token(DemoIdentity.ECO_SHACHE))
                .bodyValue(Map.of("number", number, "enterpriseId", enterprise, "validFrom", "2024-01-01",
                        "validUntil", LocalDate.now().plusYears(3).toString(),
                        "limits", List.of(Map.of("outletId", outlet, "pollutant", "NOx", "limitMgM3", 50, "yearlyT", 120))))
                .exchange().expectStatus().isCreated();
    }

    private String line(int hour, double value, double o2, String flag) {
        return "{\"outletId\":\"" + outlet + "\",\"pollutant\":\"NOx\",\"hour\":\"" + h0.plus(hour, ChronoUnit.HOURS)
                + "\",\"value\":" + value + ",\"o2\":" + o2 + ",\"flow\":52000,\"flag\":\"" + flag + "\"}\n";
    }

    private IngestReport post(DemoIdentity who, String body) {
        return http.post().uri("/api/stationary/v1/cems/readings").header("Authorization", token(who))
                .contentType(MediaType.parseMediaType("application/x-ndjson")).bodyValue(body)
                .exchange().expectStatus().isOk().expectBody(IngestReport.class).returnResult().getResponseBody();
    }

    @Test
    void convertsToReferenceOxygenSkipsFlaggedHoursAndEscalatesThreeConsecutiveHours() {
        IngestReport first = post(DemoIdentity.ECO_SHACHE, line(0, 40, 9, "N") + line(1, 60, 9, "N")
                // 45 mg/m3 at 12 % O2 is 60 at the coal boilers' 9 %: over the limit only after conversion.
                + line(2, 45, 12, "N")
                // A maintenance hour never counts, however high.
                + line(3, 500, 9, "M") + line(4, 55, 9, "N"));
        assertThat(first.accepted()).isEqualTo(5);
        assertThat(first.exceedances()).isEqualTo(3);
        assertThat(first.escalations()).isZero();

        List<String> exceeded = events("lantian.stationary.emission-limit-exceeded.v1", "outlet/" + outlet);
        assertThat(exceeded).hasSize(3);
        assertThat(exceeded.get(1)).contains("\"value\":60.0", "\"limit\":50.0", "\"ratio\":1.2", "\"referenceO2\":9.0",
                "\"consecutiveHours\":2");
        assertThat(exceeded.get(2)).contains("\"consecutiveHours\":1");

        IngestReport second = post(DemoIdentity.ECO_SHACHE, line(5, 51, 9, "N") + line(6, 80, 9, "N"));
        assertThat(second.exceedances()).isEqualTo(2);
        assertThat(second.escalations()).isEqualTo(1);
        List<String> escalated = events("lantian.stationary.emission-exceedance-escalated.v1", "outlet/" + outlet);
        assertThat(escalated).singleElement().asString()
                .contains("\"from\":\"" + h0.plus(4, ChronoUnit.HOURS) + "\"", "\"to\":\"" + h0.plus(6, ChronoUnit.HOURS) + "\"",
                        "\"hours\":3", "\"maxRatio\":1.6", "\"severity\":\"critical\"");

        // Sending the same hours again stores them again but raises nothing new.
        IngestReport resent = post(DemoIdentity.ECO_SHACHE, line(5, 51, 9, "N") + line(6, 80, 9, "N"));
        assertThat(resent.exceedances()).isZero();
        assertThat(events("lantian.stationary.emission-limit-exceeded.v1", "outlet/" + outlet)).hasSize(5);
    }

    @Test
    void valueExactlyAtTheLimitIsNoExceedance() {
        IngestReport report = post(DemoIdentity.ECO_SHACHE, line(0, 50, 9, "N"));
        assertThat(report.accepted()).isEqualTo(1);
        assertThat(report.exceedances()).isZero();
    }

    @Test
    void rejectsLinesOfOutletsOutsideTheWritersJurisdictionAndBadLines() {
        IngestReport report = post(DemoIdentity.ECO_KASHGAR, line(0, 90, 9, "N")
                + "{\"outletId\":\"" + outlet + "\",\"pollutant\":\"NOx\",\"hour\":\"" + h0 + "\",\"value\":5}\n");
        assertThat(report.accepted()).isZero();
        assertThat(report.rejected()).extracting(Rejection::line, Rejection::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "outletId"), org.assertj.core.groups.Tuple.tuple(2, "outletId"));
        IngestReport noO2 = post(DemoIdentity.ECO_SHACHE,
                "{\"outletId\":\"" + outlet + "\",\"pollutant\":\"NOx\",\"hour\":\"" + h0 + "\",\"value\":5}\n");
        assertThat(noO2.rejected()).singleElement().satisfies(r -> assertThat(r.field()).isEqualTo("o2"));
        http.post().uri("/api/stationary/v1/cems/readings").header("Authorization", token(DemoIdentity.POLICE_KASHGAR))
                .contentType(MediaType.parseMediaType("application/x-ndjson")).bodyValue(line(0, 1, 9, "N"))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void acceptsCsv() {
        String csv = "outletId,pollutant,hour,value,o2,flow,flag\n" + outlet + ",NOx," + h0 + ",70,9,50000,N\n"
                + outlet + ",SO2," + h0 + ",20,9,50000,N\n";
        IngestReport report = http.post().uri("/api/stationary/v1/cems/readings")
                .header("Authorization", token(DemoIdentity.ECO_SHACHE)).contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue(csv).exchange().expectStatus().isOk().expectBody(IngestReport.class).returnResult()
                .getResponseBody();
        assertThat(report.accepted()).isEqualTo(2);
        assertThat(report.exceedances()).as("SO2 has no permit limit here").isEqualTo(1);
    }

    @Test
    void hoursWithoutValidValueOpenADataGapAndAValidValueClosesIt() {
        post(DemoIdentity.ECO_SHACHE, line(0, 10, 9, "N") + line(1, 10, 9, "D") + line(2, 10, 9, "C"));
        gaps.check().block();
        List<String> opened = events("lantian.stationary.monitoring-data-gap.v1", "outlet/" + outlet);
        assertThat(opened).anySatisfy(e -> assertThat(e).contains("\"pollutant\":\"NOx\"",
                "\"lastValidHour\":\"" + h0 + "\"", "\"hoursWithoutData\":11"));
        int before = opened.size();
        gaps.check().block();
        assertThat(events("lantian.stationary.monitoring-data-gap.v1", "outlet/" + outlet)).hasSize(before);
        post(DemoIdentity.ECO_SHACHE, line(11, 10, 9, "N"));
        Long open = db.sql("select count(*) from monitoring_gap where outlet_id = :o and pollutant = 'NOx' and closed_at is null")
                .bind("o", outlet).map(r -> r.get(0, Long.class)).one().block();
        assertThat(open).isZero();
    }
}
