package cn.lantian.straw.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader: comma-separated, double-quoted fields may hold commas, quotes and line breaks; blank lines
 * and lines starting with '#' are skipped. Each row keeps the number of the line it starts on, for reports.
 */
public final class Csv {

    /** One row and the line of the document it starts on (1-based). */
    public record Row(int line, List<String> fields) {}

    private Csv() {}

    /** The rows of the document, header included. */
    public static List<Row> parse(String text) {
        List<Row> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        boolean quoted = false;
        boolean lineStart = true;
        int line = 1;
        int rowLine = 1;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (lineStart && !quoted && c == '#') {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
                i++;
                line++;
                rowLine = line;
                continue;
            }
            lineStart = false;
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                if (!(row.size() == 1 && row.get(0).isBlank())) {
                    rows.add(new Row(rowLine, row));
                }
                row = new ArrayList<>();
                line++;
                rowLine = line;
                lineStart = true;
            } else {
                field.append(c);
            }
            i++;
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            if (!(row.size() == 1 && row.get(0).isBlank())) {
                rows.add(new Row(rowLine, row));
            }
        }
        return rows;
    }
}
