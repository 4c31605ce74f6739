package cn.lantian.mobile.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lantian.web.FieldError;
import cn.lantian.web.InvalidInput;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Uploads read row by row: a good row is kept whatever its neighbours, a bad one names each field. */
class TestRowsTests {

    final TestRows rows = new TestRows(JsonMapper.builder().build());

    @Test
    void aCsvRowWithItsMeasurementsAndCurveIsReadAndABadRowIsReportedByLine() {
        TestRows.Parsed parsed = rows.csv(
                "id,stationId,lane,plate,vin,grossMassKg,fuel,method,testedAt,result,measurements,obdResult,obdCalId,obdCvn,process\n"
                        + "t1,ims-1,2,新Q·A1234,LDC12345678901234,18000,diesel,lug-down,2026-11-01T10:00:00+08:00,fail,"
                        + "k=1.5/1.2;nox=900/1500,pass,CAL-1,ABCD,1 2.5 3\n"
                        + "t2,ims-1,0,新Q·A1235,LDC1234567890123O,18000,petrol,lug-down,2026-11-01,pass,k=2/1.2,maybe,,,\n");

        assertThat(parsed.tests()).singleElement().satisfies(t -> {
            assertThat(t.measurements())
                    .containsExactly(new Measurement("k", 1.5, 1.2), new Measurement("nox", 900, 1500));
            assertThat(t.process()).containsExactly(1, 2.5, 3);
            assertThat(t.obdCalId()).isEqualTo("CAL-1");
            assertThat(t.passed()).isFalse();
        });
        assertThat(parsed.rows()).containsExactly(2);
        assertThat(parsed.rejected()).singleElement().satisfies(r -> {
            assertThat(r.row()).isEqualTo(3);
            assertThat(r.errors())
                    .extracting(FieldError::field)
                    .contains("lane", "vin", "method", "testedAt", "result", "obd.result");
        });
    }

    @Test
    void aPassWithAValueOverItsLimitOrAFailedObdIsRefusedAndTheLimitItselfPasses() {
        String base = "[{\"id\":\"t\",\"stationId\":\"s\",\"lane\":1,\"plate\":\"P\",\"vin\":\"LDC12345678901234\","
                + "\"grossMassKg\":1500,\"fuel\":\"petrol\",\"method\":\"asm\",\"testedAt\":\"2026-11-01T10:00:00Z\","
                + "\"result\":\"pass\",";
        assertThat(rows.json(base + "\"measurements\":[{\"quantity\":\"co\",\"value\":0.5,\"limit\":0.5}]}]")
                        .tests())
                .hasSize(1);
        assertThat(rows.json(base + "\"measurements\":[{\"quantity\":\"co\",\"value\":0.51,\"limit\":0.5}]}]")
                        .rejected())
                .singleElement()
                .satisfies(r -> assertThat(r.errors().get(0).reason()).contains("pass contradicts co 0.51"));
        assertThat(rows.json(base + "\"measurements\":[{\"quantity\":\"co\",\"value\":0.1,\"limit\":0.5}],"
                                + "\"obd\":{\"result\":\"fail\"}}]")
                        .rejected())
                .singleElement()
                .satisfies(r -> assertThat(r.errors().get(0).reason()).contains("failed OBD"));
    }

    @Test
    void aTestBefore2000IsATypingError() {
        String row = "[{\"id\":\"t\",\"stationId\":\"s\",\"lane\":1,\"plate\":\"P\",\"vin\":\"LDC12345678901234\","
                + "\"grossMassKg\":1500,\"fuel\":\"petrol\",\"method\":\"asm\",\"result\":\"fail\","
                + "\"measurements\":[{\"quantity\":\"co\",\"value\":0.9,\"limit\":0.5}],\"testedAt\":";
        assertThat(rows.json(row + "\"2000-01-01T00:00:00Z\"}]").tests()).hasSize(1);
        assertThat(rows.json(row + "\"1999-12-31T23:59:59Z\"}]").rejected())
                .singleElement()
                .satisfies(r -> assertThat(r.errors().get(0).field()).isEqualTo("testedAt"));
    }

    @Test
    void aBodyThatIsNoArrayIsRefusedWhole() {
        assertThatThrownBy(() -> rows.json("{\"id\":\"t\"}")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> rows.json("not json")).isInstanceOf(InvalidInput.class);
        assertThat(rows.json("[1]").rejected())
                .singleElement()
                .satisfies(r -> assertThat(r.row()).isEqualTo(1));
    }
}
