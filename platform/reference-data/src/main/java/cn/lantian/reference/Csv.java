package cn.lantian.reference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform's one CSV reader, for {@code text/csv} bodies and messages and for data files: RFC 4180 (comma-separated,
 * double-quoted fields may hold commas, quotes and line breaks), a leading byte-order mark ignored, lines starting
 * with {@code #} skipped.
 */
public final class Csv {

    private Csv() {}

    /** The rows of a document, each as column name to value, with the first row as header; lines starting '#' skipped. */
    public static List<Map<String, String>> read(String text) {
        List<List<String>> rows = parse(text);
        List<Map<String, String>> result = new ArrayList<>();
        if (rows.isEmpty()) {
            return result;
        }
        List<String> header = rows.get(0).stream().map(String::trim).toList();
        for (List<String> row : rows.subList(1, rows.size())) {
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                map.put(header.get(i), i < row.size() ? row.get(i).trim() : "");
            }
            result.add(map);
        }
        return result;
    }

    /** The raw rows; blank lines and lines starting with '#' outside quotes are skipped. */
    public static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean lineStart = true;
        int i = 0;
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (lineStart && !quoted && c == '#') {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
                i++;
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
                if (!(row.size() == 1 && row.get(0).isEmpty())) {
                    rows.add(row);
                }
                row = new ArrayList<>();
                lineStart = true;
            } else {
                field.append(c);
            }
            i++;
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
