package cn.lantian.mobile.sensing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Reading batches in both formats: strict types, every bad line named with its field. */
class ReadingParserTests {

    private final ReadingParser parser = new ReadingParser(JsonMapper.builder().build());

    @Test
    void readsJsonLinesAndCsvAlike() {
        ReadingParser.Parsed json = parser.jsonLines("""
                {"plate":"新Q·A1234","at":"2026-12-01T10:00:00+08:00","lon":76.0,"lat":39.4,"opacity":45.5,"nox":900}
                """);
        ReadingParser.Parsed csv = parser.csv("""
                plate,at,lon,lat,check,opacity,nox
                新Q·A1234,2026-12-01T10:00:00+08:00,76.0,39.4,remote-sensing,45.5,900
                """);
        assertThat(json.rejections()).isEmpty();
        assertThat(csv.rejections()).isEmpty();
        assertThat(json.readings()).isEqualTo(csv.readings());
        assertThat(json.readings().get(0).check()).isEqualTo("remote-sensing");
        assertThat(json.readings().get(0).value("opacity")).isEqualTo(45.5);
    }

    @Test
    void namesEveryBadLineAndFieldWithoutCoercing() {
        ReadingParser.Parsed parsed = parser.jsonLines("""
                {"plate":"新Q·A1234","at":"2026-12-01T10:00:00+08:00","lon":"76.0","lat":39.4,"opacity":45}
                {"plate":"新Q·A1234","at":"yesterday","lon":76.0,"lat":39.4}
                not json
                {"plate":"新Q·A1234","at":"2026-12-01T10:00:00+08:00","lon":76.0,"lat":39.4,"opacity":101,"check":"x"}
                {"plate":"新Q·A1234","at":"2026-12-01T10:00:00+08:00","lon":76.0,"lat":39.4,"nox":90,"opactiy":20}
                """);
        assertThat(parsed.readings()).isEmpty();
        assertThat(parsed.rejections())
                .extracting(r -> r.line() + " " + r.field())
                .contains("1 lon", "2 at", "2 opacity", "3 line", "4 opacity", "4 check", "5 opactiy");
        assertThat(parsed.rejections()).noneMatch(r -> r.reason().contains("Exception"));
    }
}
