package cn.lantian.straw.firepoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lantian.web.InvalidInput;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FirmsParserTests {

    static final String MODIS = "latitude,longitude,brightness,scan,track,acq_date,acq_time,satellite,instrument,"
            + "confidence,version,bright_t31,frp,daynight\n";
    static final String VIIRS = "latitude,longitude,bright_ti4,scan,track,acq_date,acq_time,satellite,instrument,"
            + "confidence,version,bright_ti5,frp,daynight,type\n";

    @Test
    void readsTheModisDialectWithUtcTimes() {
        FirmsParser.Parsed parsed = FirmsParser.parse(
                MODIS + "38.3172,77.0027,318.4,1.1,1.0,2026-10-20,0542,Terra,MODIS,74,6.1NRT,294.2,12.6,D\n");

        assertThat(parsed.dialect()).isEqualTo(FirmsParser.Dialect.MODIS);
        assertThat(parsed.rejected()).isEmpty();
        Detection d = parsed.detections().get(0);
        assertThat(d.line()).isEqualTo(2);
        assertThat(d.acquiredAt()).isEqualTo(Instant.parse("2026-10-20T05:42:00Z"));
        assertThat(d.lat()).isEqualTo(38.3172);
        assertThat(d.lon()).isEqualTo(77.0027);
        assertThat(d.confidence()).isEqualTo("74");
        assertThat(d.brightnessK()).isEqualTo(318.4);
        assertThat(d.frpMw()).isEqualTo(12.6);
        assertThat(d.satellite()).isEqualTo("Terra");
        assertThat(d.instrument()).isEqualTo("MODIS");
        assertThat(d.type()).isNull();
    }

    @Test
    void readsTheViirsDialectWithLetterConfidenceAndTheTypeColumn() {
        FirmsParser.Parsed parsed = FirmsParser.parse(VIIRS
                + "38.3172,77.0027,330.1,0.4,0.4,2026-10-20,742,N,VIIRS,n,2.0NRT,290.0,3.1,D,0\n"
                + "38.3172,77.0027,330.1,0.4,0.4,2026-10-20,5,N20,VIIRS,h,2.0NRT,290.0,3.1,N,2\n");

        assertThat(parsed.dialect()).isEqualTo(FirmsParser.Dialect.VIIRS);
        assertThat(parsed.detections()).extracting(Detection::confidence).containsExactly("n", "h");
        assertThat(parsed.detections()).extracting(Detection::type).containsExactly(0, 2);
        // HHMM without leading zeros, as some archive files give it: 742 is 07:42, 5 is 00:05.
        assertThat(parsed.detections())
                .extracting(Detection::acquiredAt)
                .containsExactly(Instant.parse("2026-10-20T07:42:00Z"), Instant.parse("2026-10-20T00:05:00Z"));
    }

    @Test
    void refusesBadRowsWithTheirLineAndReasonAndKeepsTheGoodOnes() {
        FirmsParser.Parsed parsed = FirmsParser.parse(VIIRS
                + "38.3,77.0,330.1,0.4,0.4,2026-10-20,0742,N,VIIRS,n,2.0NRT,290.0,3.1,D,0\n"
                + "91,77.0,330.1,0.4,0.4,2026-10-20,0742,N,VIIRS,x,2.0NRT,290.0,3.1,D,0\n"
                + "38.3,77.0,330.1,0.4,0.4,2026-13-20,2460,N,VIIRS,n,2.0NRT,290.0,3.1,D,7\n"
                + "38.3,abc,330.1,0.4,0.4,2026-10-20,0742,N,VIIRS,n,2.0NRT,290.0,-3,Q,0\n");

        assertThat(parsed.rows()).isEqualTo(4);
        assertThat(parsed.detections()).hasSize(1);
        assertThat(parsed.rejected()).extracting(RowResult::line).containsExactly(3, 4, 5);
        assertThat(parsed.rejected().get(0).reason()).contains("latitude", "confidence: not l, n or h");
        assertThat(parsed.rejected().get(1).reason()).contains("acq_time", "type");
        assertThat(parsed.rejected().get(2).reason()).contains("longitude: not a number", "frp", "daynight");
        assertThat(parsed.rejected()).allSatisfy(r -> assertThat(r.status()).isEqualTo("rejected"));
    }

    @Test
    void modisConfidenceIsAWholeNumberUpToOneHundred() {
        FirmsParser.Parsed parsed = FirmsParser.parse(MODIS
                + "38.3,77.0,318.4,1.1,1.0,2026-10-20,0542,Aqua,MODIS,100,6.1NRT,294.2,12.6,D\n"
                + "38.3,77.0,318.4,1.1,1.0,2026-10-20,0542,Aqua,MODIS,101,6.1NRT,294.2,12.6,D\n"
                + "38.3,77.0,318.4,1.1,1.0,2026-10-20,0542,Aqua,MODIS,h,6.1NRT,294.2,12.6,D\n");

        assertThat(parsed.detections()).extracting(Detection::confidence).containsExactly("100");
        assertThat(parsed.rejected()).extracting(RowResult::line).containsExactly(3, 4);
    }

    @Test
    void aBodyWithoutAFirmsHeaderIsRefusedWhole() {
        assertThatThrownBy(() -> FirmsParser.parse("lat,lon\n1,2\n"))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.errors())
                                .extracting(f -> f.field() + " " + f.reason())
                                .contains(
                                        "header needs brightness (MODIS) or bright_ti4 (VIIRS)",
                                        "header needs column acq_date"));
        assertThatThrownBy(() -> FirmsParser.parse("")).isInstanceOf(InvalidInput.class);
    }
}
