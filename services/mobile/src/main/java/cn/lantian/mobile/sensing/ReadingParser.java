package cn.lantian.mobile.sensing;

import cn.lantian.reference.Csv;
import cn.lantian.web.TextLength;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads a batch of readings, JSON lines or CSV with the same field names: plate, at (ISO date-time with offset),
 * lon, lat, check (remote-sensing or roadside), opacity, ringelmann, nox, speed, acceleration, wind.
 */
final class ReadingParser {

    static final Set<String> CHECKS = Set.of("remote-sensing", "roadside");
    private static final List<String> NUMBERS =
            List.of("lon", "lat", "opacity", "ringelmann", "nox", "speed", "acceleration", "wind");
    private static final Set<String> FIELDS = java.util.stream.Stream.concat(
                    java.util.stream.Stream.of("plate", "at", "check"), NUMBERS.stream())
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** The readings and the line each came from, and the rejected lines. */
    record Parsed(List<Reading> readings, List<Integer> lines, List<Rejection> rejections) {}

    private final ObjectMapper json;

    ReadingParser(ObjectMapper json) {
        this.json = json;
    }

    Parsed jsonLines(String body) {
        Parsed parsed = new Parsed(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        String[] lines = body.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String text = lines[i].trim();
            if (text.isEmpty()) {
                continue;
            }
            int line = i + 1;
            JsonNode node;
            try {
                node = json.readTree(text);
            } catch (JacksonException e) {
                parsed.rejections().add(new Rejection(line, "line", "not a JSON object"));
                continue;
            }
            if (node == null || !node.isObject()) {
                parsed.rejections().add(new Rejection(line, "line", "not a JSON object"));
                continue;
            }
            List<Rejection> errors = new ArrayList<>();
            // The format is closed, as a request body is: a field it does not name is a mistake, not ignored.
            for (String name : node.propertyNames()) {
                if (!FIELDS.contains(name)) {
                    errors.add(new Rejection(line, name, "is not a known field"));
                }
            }
            Map<String, Double> numbers = new java.util.HashMap<>();
            for (String field : NUMBERS) {
                JsonNode v = node.get(field);
                if (v == null || v.isNull()) {
                    continue;
                }
                if (!v.isNumber()) {
                    errors.add(new Rejection(line, field, "must be a number"));
                } else {
                    numbers.put(field, v.asDouble());
                }
            }
            add(
                    parsed,
                    line,
                    text(node, "plate", line, errors),
                    text(node, "at", line, errors),
                    text(node, "check", line, errors),
                    numbers,
                    errors);
        }
        return parsed;
    }

    Parsed csv(String body) {
        Parsed parsed = new Parsed(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<Map<String, String>> rows = Csv.read(body);
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> r = rows.get(i);
            int line = i + 2;
            List<Rejection> errors = new ArrayList<>();
            Map<String, Double> numbers = new java.util.HashMap<>();
            for (String field : NUMBERS) {
                String v = r.get(field);
                if (v == null || v.isBlank()) {
                    continue;
                }
                try {
                    numbers.put(field, Double.valueOf(v));
                } catch (NumberFormatException e) {
                    errors.add(new Rejection(line, field, "must be a number"));
                }
            }
            add(parsed, line, blank(r.get("plate")), blank(r.get("at")), blank(r.get("check")), numbers, errors);
        }
        return parsed;
    }

    private static void add(
            Parsed parsed,
            int line,
            String plate,
            String at,
            String check,
            Map<String, Double> numbers,
            List<Rejection> errors) {
        if (plate == null) {
            errors.add(new Rejection(line, "plate", "is required"));
        } else if (plate.length() > TextLength.CODE) {
            errors.add(new Rejection(line, "plate", "is longer than " + TextLength.CODE + " characters"));
        }
        Instant when = null;
        if (at == null) {
            errors.add(new Rejection(line, "at", "is required"));
        } else {
            try {
                when = OffsetDateTime.parse(at).toInstant();
            } catch (DateTimeParseException e) {
                errors.add(new Rejection(line, "at", "must be an ISO date-time with offset"));
            }
        }
        String kind = check == null ? "remote-sensing" : check;
        if (!CHECKS.contains(kind)) {
            errors.add(new Rejection(line, "check", "must be remote-sensing or roadside"));
        }
        for (String field : List.of("lon", "lat")) {
            if (!numbers.containsKey(field)
                    && errors.stream().noneMatch(e -> e.field().equals(field))) {
                errors.add(new Rejection(line, field, "is required"));
            }
        }
        for (String pollutant : SensingRules.POLLUTANTS) {
            Double v = numbers.get(pollutant);
            if (v != null && (v < 0 || !Double.isFinite(v))) {
                errors.add(new Rejection(line, pollutant, "must not be negative"));
            }
        }
        if (numbers.get("opacity") != null && numbers.get("opacity") > 100) {
            errors.add(new Rejection(line, "opacity", "is a percentage, at most 100"));
        }
        if (SensingRules.POLLUTANTS.stream().noneMatch(numbers::containsKey)
                && errors.stream().noneMatch(e -> SensingRules.POLLUTANTS.contains(e.field()))) {
            errors.add(new Rejection(line, "opacity", "a reading carries at least one of opacity, ringelmann, nox"));
        }
        if (!errors.isEmpty()) {
            parsed.rejections().addAll(errors);
            return;
        }
        parsed.readings()
                .add(new Reading(
                        plate,
                        when,
                        numbers.get("lon"),
                        numbers.get("lat"),
                        kind,
                        numbers.get("opacity"),
                        numbers.get("ringelmann"),
                        numbers.get("nox"),
                        numbers.get("speed"),
                        numbers.get("acceleration"),
                        numbers.get("wind")));
        parsed.lines().add(line);
    }

    private static String text(JsonNode node, String field, int line, List<Rejection> errors) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            errors.add(new Rejection(line, field, "must be a string"));
            return null;
        }
        return blank(v.asString());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
