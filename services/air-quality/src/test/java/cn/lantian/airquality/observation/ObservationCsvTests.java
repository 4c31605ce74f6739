package cn.lantian.airquality.observation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ObservationCsvTests {

    @Test
    void readsACsvWithAByteOrderMarkQuotedFieldsAndCrlfLineEnds() {
        String body =
                "\uFEFFstation,time,pm25,flag\r\n\"KS-01\",2024-04-02T10:00+08:00,32,\"calibrated, then checked\"\r\n";

        List<Observation> read = ObservationParser.csv(body);

        assertThat(read).hasSize(1);
        assertThat(read.get(0).station()).isEqualTo("KS-01");
        assertThat(read.get(0).pm25()).isEqualTo(32.0);
        assertThat(read.get(0).flag()).isEqualTo("calibrated, then checked");
    }
}
