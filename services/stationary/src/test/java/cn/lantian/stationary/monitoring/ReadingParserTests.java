package cn.lantian.stationary.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ReadingParserTests {

    private final ReadingParser parser = new ReadingParser(JsonMapper.builder().build(), MonitoringTables.load());

    @Test
    void readsJsonLinesAndRejectsEachBadFieldWithItsLine() {
        String body = """
                {"outletId":"o-1","pollutant":"NOx","hour":"2026-11-20T08:00:00+08:00","value":40.5,"o2":10.2,"flow":12000,"flag":"N"}
                {"outletId":"o-1","pollutant":"NOx","hour":"2026-11-20T08:30:00+08:00","value":-1,"flag":"Q"}
                not json
                {"outletId":"o-1","pollutant":"SO2","hour":"2026-11-20T09:00:00+08:00","value":3,"o2":10}
                """;
        ReadingParser.Parsed parsed = parser.jsonLines(body);
        assertThat(parsed.readings()).hasSize(2);
        assertThat(parsed.readings().get(0).value()).isEqualTo(40.5);
        assertThat(parsed.readings().get(1).flag())
                .as("missing flag means normal")
                .isEqualTo("N");
        assertThat(parsed.lines()).containsExactly(1, 4);
        assertThat(parsed.rejections())
                .extracting(Rejection::line, Rejection::field)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "hour"),
                        org.assertj.core.groups.Tuple.tuple(2, "value"),
                        org.assertj.core.groups.Tuple.tuple(2, "flag"),
                        org.assertj.core.groups.Tuple.tuple(3, "line"));
    }

    @Test
    void aLineMissingItsFieldsIsRejectedFieldByField() {
        ReadingParser.Parsed parsed = parser.jsonLines("{\"outletId\":\"o-1\"}\n");
        assertThat(parsed.readings()).isEmpty();
        assertThat(parsed.rejections()).extracting(Rejection::field).containsExactly("pollutant", "hour", "value");
    }

    @Test
    void readsCsvWithHeader() {
        String body = "outletId,pollutant,hour,value,o2,flow,flag\n"
                + "o-1,PM,2026-11-20T00:00:00Z,5.1,9.5,8000,M\n"
                + "o-1,PM,2026-11-20T01:00:00Z,abc,9.5,8000,N\n";
        ReadingParser.Parsed parsed = parser.csv(body);
        assertThat(parsed.readings())
                .singleElement()
                .satisfies(r -> assertThat(r.flag()).isEqualTo("M"));
        assertThat(parsed.rejections())
                .singleElement()
                .satisfies(r -> assertThat(r.line()).isEqualTo(3))
                .satisfies(r -> assertThat(r.field()).isEqualTo("value"));
    }
}
