package cn.lantian.greening.rules;

import cn.lantian.reference.Csv;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** One of the service's rule tables on the classpath, read with the platform's CSV reader. */
final class RuleTable {

    private RuleTable() {}

    /** Each row as header name to value, in file order; a row whose field count differs from the header fails. */
    static List<Map<String, String>> read(String resource) {
        String text;
        try (InputStream in = RuleTable.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<List<String>> raw = Csv.parse(text);
        int width = raw.isEmpty() ? 0 : raw.get(0).size();
        for (List<String> row : raw) {
            // a missing or extra field would shift a figure into the wrong column, so a rule table must be exact
            if (row.size() != width) {
                throw new IllegalStateException(
                        resource + ": row has " + row.size() + " fields, header " + width + ": " + row);
            }
        }
        return Csv.read(text);
    }
}
