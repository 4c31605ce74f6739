package cn.lantian.portal.opendata;

import java.util.List;

/** RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, quote or line break. */
final class Csv {

    private final StringBuilder out = new StringBuilder();

    Csv row(List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
        return this;
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
