package cn.lantian.stationary.monitoring;

import cn.lantian.reference.Csv;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.ObjectMapper;

/** Reads an upload of hourly values (JSON lines or CSV) into readings and per-line rejections. */
final class ReadingParser {

    /** Pollutants CEMS report at stationary outlets. */
    static final Set<String> POLLUTANTS = Set.of("PM", "SO2", "NOx", "VOCs", "NMHC", "CO");

    /** What a parse gave: readings with their line numbers, and rejected lines. */
    record Parsed(List<Reading> readings, List<Integer> lines, List<Rejection> rejections) {}

    private final ObjectMapper json;
    private final MonitoringTables tables;

    ReadingParser(ObjectMapper json, MonitoringTables tables) {
        this.json = json;
        this.tables = tables;
    }

    Parsed jsonLines(String body) {
        Parsed parsed = new Parsed(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        int line = 0;
        int start = 0;
        while (start < body.length()) {
            int end = body.indexOf('\n', start);
            if (end < 0) {
                end = body.length();
            }
            line++;
            String text = body.substring(start, end).trim();
            start = end + 1;
            if (text.isEmpty()) {
                continue;
            }
            try {
                Map<String, String> fields = flatObject(text);
                add(
                        parsed,
                        line,
                        fields.get("outletId"),
                        fields.get("pollutant"),
                        fields.get("hour"),
                        fields.get("value"),
                        fields.get("o2"),
                        fields.get("flow"),
                        fields.get("flag"));
            } catch (JacksonException e) {
                parsed.rejections().add(new Rejection(line, "line", "not a JSON object"));
            }
        }
        return parsed;
    }

    Parsed csv(String body) {
        Parsed parsed = new Parsed(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<Map<String, String>> rows = Csv.read(body);
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> r = rows.get(i);
            add(
                    parsed,
                    i + 2,
                    r.get("outletId"),
                    r.get("pollutant"),
                    r.get("hour"),
                    r.get("value"),
                    r.get("o2"),
                    r.get("flow"),
                    r.get("flag"));
        }
        return parsed;
    }

    private void add(
            Parsed parsed,
            int line,
            String outlet,
            String pollutant,
            String hour,
            String value,
            String o2,
            String flow,
            String flag) {
        int before = parsed.rejections().size();
        if (blank(outlet)) {
            parsed.rejections().add(new Rejection(line, "outletId", "is required"));
        }
        if (pollutant == null || !POLLUTANTS.contains(pollutant)) {
            parsed.rejections().add(new Rejection(line, "pollutant", "must be one of " + POLLUTANTS));
        }
        Instant at = null;
        try {
            at = blank(hour) ? null : OffsetDateTime.parse(hour).toInstant();
        } catch (DateTimeParseException e) {
            at = null;
        }
        if (at == null) {
            parsed.rejections().add(new Rejection(line, "hour", "must be an ISO date-time with offset"));
        } else if (!at.equals(at.truncatedTo(ChronoUnit.HOURS))) {
            parsed.rejections().add(new Rejection(line, "hour", "must be the start of an hour"));
        }
        Double v = number(value);
        if (v == null || v < 0) {
            parsed.rejections().add(new Rejection(line, "value", "must be a concentration >= 0 mg/m3"));
        }
        Double oxygen = number(o2);
        if (!blank(o2) && (oxygen == null || oxygen < 0 || oxygen > 21)) {
            parsed.rejections().add(new Rejection(line, "o2", "must be a percentage between 0 and 21"));
        }
        Double f = number(flow);
        if (!blank(flow) && (f == null || f < 0)) {
            parsed.rejections().add(new Rejection(line, "flow", "must be a flow >= 0 m3/h"));
        }
        String fl = blank(flag) ? "N" : flag;
        if (!tables.knownFlag(fl)) {
            parsed.rejections().add(new Rejection(line, "flag", "must be an HJ 212 flag (N, M, C, D, F, P, T, S, B)"));
        }
        if (parsed.rejections().size() == before) {
            parsed.readings().add(new Reading(outlet, pollutant, at, v, oxygen, f, fl));
            parsed.lines().add(line);
        }
    }

    /** The scalar members of one flat JSON object as text, read with the streaming parser (no tree per line). */
    private Map<String, String> flatObject(String text) {
        Map<String, String> fields = new HashMap<>(12);
        try (JsonParser p = json.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new StreamReadException(p, "expected an object");
            }
            for (String name = p.nextName(); name != null; name = p.nextName()) {
                JsonToken t = p.nextToken();
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    p.skipChildren();
                    fields.put(name, "");
                } else if (t != JsonToken.VALUE_NULL) {
                    fields.put(name, p.getString());
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new StreamReadException(p, "expected one object per line");
            }
        }
        return fields;
    }

    private static Double number(String s) {
        if (blank(s)) {
            return null;
        }
        try {
            double d = Double.parseDouble(s);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
