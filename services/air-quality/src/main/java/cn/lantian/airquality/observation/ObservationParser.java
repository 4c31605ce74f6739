package cn.lantian.airquality.observation;

import cn.lantian.reference.Csv;
import cn.lantian.web.FieldError;
import cn.lantian.web.InvalidInput;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a batch of observations from JSON lines or CSV. Both name the same fields: {@code station}, {@code time}
 * (ISO-8601 with offset, end of the hour), {@code so2 no2 pm10 pm25 co o3 o3_8h} (µg/m³, CO mg/m³; empty, null or
 * NaN for missing), {@code valid} (true/false, default true) and {@code flag}. Every bad line is reported, by number.
 */
final class ObservationParser {

    static final List<String> POLLUTANTS = List.of("so2", "no2", "pm10", "pm25", "co", "o3", "o3_8h");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_REPORTED = 50;

    private ObservationParser() {}

    static List<Observation> jsonLines(String body) {
        List<Observation> out = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        String[] lines = body.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty()) {
                continue;
            }
            try {
                JsonNode node = JSON.readTree(line);
                Map<String, String> fields = new HashMap<>();
                node.properties()
                        .forEach(e -> fields.put(
                                e.getKey(),
                                e.getValue().isNull() ? null : e.getValue().asString()));
                if (POLLUTANTS.stream().noneMatch(fields::containsKey)) {
                    errors.add(new FieldError("line " + (i + 1), "names no pollutant of " + POLLUTANTS));
                    continue;
                }
                read(fields, i + 1, out, errors);
            } catch (JacksonException e) {
                errors.add(new FieldError("line " + (i + 1), "not a JSON object"));
            }
        }
        return finish(out, errors);
    }

    static List<Observation> csv(String body) {
        List<Observation> out = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        // The platform's CSV reader: quoted fields, a byte-order mark, CRLF; blank and '#' lines are skipped.
        List<List<String>> rows = Csv.parse(body);
        if (rows.isEmpty() || rows.get(0).stream().allMatch(String::isBlank)) {
            throw InvalidInput.of("body", "empty CSV: a header line is needed");
        }
        List<String> header = rows.get(0).stream().map(String::trim).toList();
        for (String required : List.of("station", "time")) {
            if (!header.contains(required)) {
                throw InvalidInput.of("header", "column '" + required + "' is missing");
            }
        }
        // Without one, every line would store an hour without any value, marked valid.
        if (POLLUTANTS.stream().noneMatch(header::contains)) {
            throw InvalidInput.of("header", "needs at least one pollutant column of " + POLLUTANTS);
        }
        for (int i = 1; i < rows.size(); i++) {
            List<String> cells = rows.get(i);
            if (cells.size() != header.size()) {
                errors.add(new FieldError(
                        "line " + (i + 1), "has " + cells.size() + " cells, the header " + header.size()));
                continue;
            }
            Map<String, String> fields = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                fields.put(header.get(c), cells.get(c).trim());
            }
            read(fields, i + 1, out, errors);
        }
        return finish(out, errors);
    }

    private static void read(Map<String, String> f, int line, List<Observation> out, List<FieldError> errors) {
        int before = errors.size();
        String station = f.get("station");
        if (station == null || station.isBlank()) {
            errors.add(new FieldError("line " + line + ": station", "missing"));
        }
        Instant hour = null;
        String time = f.get("time");
        try {
            hour = OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException | NullPointerException e) {
            errors.add(new FieldError("line " + line + ": time", "not an ISO-8601 time with offset: '" + time + "'"));
        }
        Double[] values = new Double[POLLUTANTS.size()];
        for (int p = 0; p < POLLUTANTS.size(); p++) {
            values[p] = number(f.get(POLLUTANTS.get(p)), "line " + line + ": " + POLLUTANTS.get(p), errors);
        }
        String validText = f.get("valid");
        boolean valid = true;
        if (validText != null && !validText.isBlank()) {
            if (!validText.equalsIgnoreCase("true") && !validText.equalsIgnoreCase("false")) {
                errors.add(new FieldError("line " + line + ": valid", "true or false, not '" + validText + "'"));
            }
            valid = Boolean.parseBoolean(validText);
        }
        if (errors.size() == before) {
            String flag = f.get("flag");
            out.add(new Observation(
                    station,
                    hour,
                    values[0],
                    values[1],
                    values[2],
                    values[3],
                    values[4],
                    values[5],
                    values[6],
                    valid,
                    flag == null || flag.isBlank() ? null : flag));
        }
    }

    private static Double number(String text, String field, List<FieldError> errors) {
        if (text == null || text.isBlank() || text.equals("NaN") || text.equals("null")) {
            return null;
        }
        try {
            double value = Double.parseDouble(text);
            if (value < 0 || Double.isInfinite(value)) {
                errors.add(new FieldError(field, "must be a finite, non-negative number"));
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "not a number: '" + text + "'"));
            return null;
        }
    }

    private static List<Observation> finish(List<Observation> out, List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors.subList(0, Math.min(errors.size(), MAX_REPORTED)));
        }
        if (out.isEmpty()) {
            throw InvalidInput.of("body", "no observations");
        }
        return out;
    }
}
