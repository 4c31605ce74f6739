package cn.lantian.mobile.inspection;

import cn.lantian.mobile.vehicle.Vocabulary;
import cn.lantian.reference.Csv;
import cn.lantian.web.FieldError;
import cn.lantian.web.InvalidInput;
import cn.lantian.web.TextLength;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads an upload of tests, a JSON array of objects or CSV, into tests and rejected rows, each row checked alone.
 * CSV columns: {@code id,stationId,lane,plate,vin,grossMassKg,fuel,method,testedAt,result,measurements,obdResult,
 * obdCalId,obdCvn,process}, with measurements as {@code quantity=value/limit} joined by {@code ;} and the process
 * curve as numbers joined by spaces.
 */
final class TestRows {

    /** The methods of GB 3847-2018 (diesel) and GB 18285-2018 (spark ignition). */
    static final Map<String, Set<String>> METHOD_FUELS = Map.of(
            "free-acceleration", Set.of("diesel"),
            "lug-down", Set.of("diesel"),
            "two-speed-idle", Set.of("petrol", "gas", "lean-burn-gas", "converted-petrol-gas", "hybrid"),
            "asm", Set.of("petrol", "gas", "lean-burn-gas", "converted-petrol-gas", "hybrid"),
            "vmas", Set.of("petrol", "gas", "lean-burn-gas", "converted-petrol-gas", "hybrid"));

    static final Set<String> OBD_RESULTS = Set.of("pass", "fail", "not-applicable");
    private static final Pattern VIN = Pattern.compile("[A-HJ-NPR-Z0-9]{17}");
    private static final int MAX_PROCESS = 3600;
    /** No station uploaded emission tests before this; older times are typing errors. */
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private static final int MAX_MASS_KG = 100_000;

    /** The tests read, each with its row number, and the rows rejected. */
    record Parsed(List<TestUpload> tests, List<Integer> rows, List<RowError> rejected) {

        static Parsed empty() {
            return new Parsed(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    private final ObjectMapper json;

    TestRows(ObjectMapper json) {
        this.json = json;
    }

    /** A JSON array of test objects; a body that is no array is refused whole. */
    Parsed json(String body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw InvalidInput.of("body", "must be a JSON array of tests");
        }
        if (root == null || !root.isArray()) {
            throw InvalidInput.of("body", "must be a JSON array of tests");
        }
        Parsed parsed = Parsed.empty();
        for (int i = 0; i < root.size(); i++) {
            JsonNode node = root.get(i);
            int row = i + 1;
            if (!node.isObject()) {
                parsed.rejected().add(new RowError(row, List.of(new FieldError("row", "must be a JSON object"))));
                continue;
            }
            Map<String, String> fields = new HashMap<>();
            List<FieldError> errors = new ArrayList<>();
            for (String name : List.of(
                    "id", "stationId", "plate", "vin", "fuel", "method", "testedAt", "result", "obdCalId", "obdCvn")) {
                JsonNode v = node.get(name);
                if (v != null && !v.isNull()) {
                    if (v.isString()) {
                        fields.put(name, v.asString());
                    } else {
                        errors.add(new FieldError(name, "must be a string"));
                    }
                }
            }
            for (String name : List.of("lane", "grossMassKg")) {
                JsonNode v = node.get(name);
                if (v != null && !v.isNull()) {
                    if (v.isIntegralNumber()) {
                        fields.put(name, v.asString());
                    } else {
                        errors.add(new FieldError(name, "must be a whole number"));
                    }
                }
            }
            JsonNode obd = node.get("obd");
            if (obd != null && !obd.isNull()) {
                if (!obd.isObject()) {
                    errors.add(new FieldError("obd", "must be an object of result, calId, cvn"));
                } else {
                    copy(obd, "result", "obdResult", fields, errors);
                    copy(obd, "calId", "obdCalId", fields, errors);
                    copy(obd, "cvn", "obdCvn", fields, errors);
                }
            }
            List<Measurement> measurements = new ArrayList<>();
            JsonNode ms = node.get("measurements");
            if (ms != null && !ms.isNull()) {
                if (!ms.isArray()) {
                    errors.add(new FieldError("measurements", "must be an array of {quantity, value, limit}"));
                } else {
                    for (JsonNode m : ms) {
                        JsonNode q = m.get("quantity");
                        JsonNode v = m.get("value");
                        JsonNode l = m.get("limit");
                        if (q == null || !q.isString() || v == null || !v.isNumber() || l == null || !l.isNumber()) {
                            errors.add(new FieldError(
                                    "measurements", "each must have a quantity (string), value and limit (numbers)"));
                            break;
                        }
                        measurements.add(new Measurement(q.asString().trim(), v.asDouble(), l.asDouble()));
                    }
                }
            }
            double[] process = null;
            JsonNode p = node.get("process");
            if (p != null && !p.isNull()) {
                if (!p.isArray()) {
                    errors.add(new FieldError("process", "must be an array of numbers"));
                } else {
                    process = new double[p.size()];
                    for (int k = 0; k < p.size(); k++) {
                        if (!p.get(k).isNumber()) {
                            errors.add(new FieldError("process", "must be an array of numbers"));
                            break;
                        }
                        process[k] = p.get(k).asDouble();
                    }
                }
            }
            add(parsed, row, fields, measurements, process, errors);
        }
        return parsed;
    }

    /** CSV with a header; rows are numbered by their line. */
    Parsed csv(String body) {
        Parsed parsed = Parsed.empty();
        List<Map<String, String>> rows = Csv.read(body);
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> r = rows.get(i);
            int row = i + 2;
            List<FieldError> errors = new ArrayList<>();
            Map<String, String> fields = new HashMap<>();
            r.forEach((k, v) -> {
                if (v != null && !v.isBlank()) {
                    fields.put(k, v);
                }
            });
            List<Measurement> measurements = new ArrayList<>();
            String ms = fields.get("measurements");
            if (ms != null) {
                for (String part : ms.split(";")) {
                    String[] kv = part.split("=", 2);
                    String[] vl = kv.length == 2 ? kv[1].split("/", 2) : new String[0];
                    try {
                        if (vl.length != 2 || kv[0].isBlank()) {
                            throw new NumberFormatException();
                        }
                        measurements.add(new Measurement(
                                kv[0].trim(), Double.parseDouble(vl[0].trim()), Double.parseDouble(vl[1].trim())));
                    } catch (NumberFormatException e) {
                        errors.add(new FieldError("measurements", "must be quantity=value/limit joined by ;"));
                        break;
                    }
                }
            }
            double[] process = null;
            String p = fields.get("process");
            if (p != null) {
                try {
                    process = java.util.Arrays.stream(p.trim().split("\\s+"))
                            .mapToDouble(Double::parseDouble)
                            .toArray();
                } catch (NumberFormatException e) {
                    errors.add(new FieldError("process", "must be numbers joined by spaces"));
                }
            }
            for (String name : List.of("lane", "grossMassKg")) {
                String v = fields.get(name);
                if (v != null && !v.matches("-?[0-9]{1,9}")) {
                    errors.add(new FieldError(name, "must be a whole number"));
                    fields.remove(name);
                }
            }
            add(parsed, row, fields, measurements, process, errors);
        }
        return parsed;
    }

    private static void add(
            Parsed parsed,
            int row,
            Map<String, String> f,
            List<Measurement> measurements,
            double[] process,
            List<FieldError> errors) {
        String id = required(f, "id", TextLength.ID, errors);
        String station = required(f, "stationId", TextLength.ID, errors);
        String plate = required(f, "plate", TextLength.CODE, errors);
        String vin = required(f, "vin", TextLength.CODE, errors);
        if (vin != null && !VIN.matcher(vin).matches()) {
            errors.add(new FieldError("vin", "must be 17 characters of A-Z (no I, O, Q) and 0-9 (ISO 3779)"));
        }
        Integer lane = whole(f, "lane", errors);
        if (lane != null && lane < 1) {
            errors.add(new FieldError("lane", "must be 1 or more"));
        }
        Integer mass = whole(f, "grossMassKg", errors);
        if (mass != null && (mass < 1 || mass > MAX_MASS_KG)) {
            errors.add(new FieldError("grossMassKg", "must be between 1 and " + MAX_MASS_KG));
        }
        String fuel = required(f, "fuel", TextLength.CODE, errors);
        if (fuel != null && !Vocabulary.FUELS.contains(fuel)) {
            errors.add(new FieldError("fuel", "must be one of " + String.join(", ", Vocabulary.FUELS)));
        }
        String method = required(f, "method", TextLength.CODE, errors);
        if (method != null && !METHOD_FUELS.containsKey(method)) {
            errors.add(
                    new FieldError("method", "must be one of free-acceleration, lug-down, two-speed-idle, asm, vmas"));
        } else if (method != null
                && fuel != null
                && Vocabulary.FUELS.contains(fuel)
                && !METHOD_FUELS.get(method).contains(fuel)) {
            errors.add(new FieldError("method", method + " does not test a " + fuel + " vehicle"));
        }
        Instant at = null;
        String testedAt = required(f, "testedAt", TextLength.CODE, errors);
        if (testedAt != null) {
            try {
                at = OffsetDateTime.parse(testedAt).toInstant();
                if (at.isBefore(EARLIEST)) {
                    errors.add(new FieldError("testedAt", "lies before " + EARLIEST));
                    at = null;
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("testedAt", "must be an ISO date-time with offset"));
            }
        }
        String result = required(f, "result", TextLength.CODE, errors);
        if (result != null && !Set.of("pass", "fail").contains(result)) {
            errors.add(new FieldError("result", "must be pass or fail"));
        }
        String obdResult = f.getOrDefault("obdResult", "not-applicable");
        if (!OBD_RESULTS.contains(obdResult)) {
            errors.add(new FieldError("obd.result", "must be pass, fail or not-applicable"));
        }
        String calId = optional(f, "obdCalId", errors);
        String cvn = optional(f, "obdCvn", errors);
        if (measurements.isEmpty() && errors.stream().noneMatch(e -> e.field().equals("measurements"))) {
            errors.add(new FieldError("measurements", "a test carries at least one measured value with its limit"));
        }
        for (Measurement m : measurements) {
            if (!Double.isFinite(m.value()) || m.value() < 0 || !Double.isFinite(m.limit()) || m.limit() <= 0) {
                errors.add(new FieldError(
                        "measurements",
                        m.quantity() + ": the value must not be negative and the limit must be positive"));
            }
        }
        if (process != null) {
            if (process.length > MAX_PROCESS) {
                errors.add(new FieldError("process", "holds at most " + MAX_PROCESS + " points"));
            }
            for (double v : process) {
                if (!Double.isFinite(v)) {
                    errors.add(new FieldError("process", "must hold finite numbers"));
                    break;
                }
            }
        }
        if ("pass".equals(result)) {
            measurements.stream()
                    .filter(Measurement::over)
                    .findFirst()
                    .ifPresent(m -> errors.add(new FieldError(
                            "result",
                            "pass contradicts " + m.quantity() + " " + m.value() + " over its limit " + m.limit())));
            if ("fail".equals(obdResult)) {
                errors.add(new FieldError("result", "pass contradicts a failed OBD check"));
            }
        }
        if (!errors.isEmpty()) {
            parsed.rejected().add(new RowError(row, List.copyOf(errors)));
            return;
        }
        parsed.tests()
                .add(new TestUpload(
                        id,
                        station,
                        lane,
                        plate,
                        vin,
                        mass,
                        fuel,
                        method,
                        at,
                        result,
                        List.copyOf(measurements),
                        obdResult,
                        calId,
                        cvn,
                        process));
        parsed.rows().add(row);
    }

    private static void copy(
            JsonNode obd, String from, String to, Map<String, String> fields, List<FieldError> errors) {
        JsonNode v = obd.get(from);
        if (v != null && !v.isNull()) {
            if (v.isString()) {
                fields.put(to, v.asString());
            } else {
                errors.add(new FieldError("obd." + from, "must be a string"));
            }
        }
    }

    private static String required(Map<String, String> f, String name, int max, List<FieldError> errors) {
        String v = f.get(name);
        if (v == null || v.isBlank()) {
            if (errors.stream().noneMatch(e -> e.field().equals(name))) {
                errors.add(new FieldError(name, "is required"));
            }
            return null;
        }
        if (v.trim().length() > max) {
            errors.add(new FieldError(name, "is longer than " + max + " characters"));
            return null;
        }
        return v.trim();
    }

    private static String optional(Map<String, String> f, String name, List<FieldError> errors) {
        String v = f.get(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        if (v.trim().length() > TextLength.CODE) {
            errors.add(new FieldError(name, "is longer than " + TextLength.CODE + " characters"));
            return null;
        }
        return v.trim();
    }

    private static Integer whole(Map<String, String> f, String name, List<FieldError> errors) {
        String v = f.get(name);
        if (v == null) {
            if (errors.stream().noneMatch(e -> e.field().equals(name))) {
                errors.add(new FieldError(name, "is required"));
            }
            return null;
        }
        try {
            return Integer.valueOf(v.trim());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(name, "must be a whole number"));
            return null;
        }
    }
}
