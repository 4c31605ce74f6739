package cn.lantian.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvTests {

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaksAndSkipsComments() {
        String text = "\uFEFF# comment\r\na,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n\n1,,3\n";
        List<Map<String, String>> rows = Csv.read(text);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0))
                .containsEntry("a", "x, y")
                .containsEntry("b", "say \"hi\"")
                .containsEntry("c", "two\nlines");
        assertThat(rows.get(1)).containsEntry("a", "1").containsEntry("b", "").containsEntry("c", "3");
    }
}
