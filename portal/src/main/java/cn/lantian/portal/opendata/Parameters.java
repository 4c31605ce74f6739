package cn.lantian.portal.opendata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The measured parameters (pollutants and the AQI) with their units, averaging and the standard's limits, and the
 * HJ 212 data flags with their reasons; read from {@code data/parameters.json} and {@code data/quality-flags.json}.
 */
record Parameters(String source, List<Parameter> parameters, String flagSource, Map<String, Flag> flags) {

    /** One parameter; {@code unit} is the UCUM-style code, {@code unitLabel} the readable one. */
    record Parameter(
            String id,
            String nameZh,
            String nameEn,
            String unit,
            String unitLabel,
            String hourly,
            String daily,
            List<Limit> limits) {

        /** The limits in force on a day. */
        List<Limit> inForce(LocalDate day) {
            return limits.stream()
                    .filter(l ->
                            (l.from() == null || !day.isBefore(l.from())) && (l.to() == null || !day.isAfter(l.to())))
                    .toList();
        }
    }

    /** A limit of a standard for one averaging period, valid between two days (null: open). */
    record Limit(String standard, String averaging, double value, LocalDate from, LocalDate to) {}

    /** An HJ 212 data flag: whether the hour counts, and why not. */
    record Flag(String code, boolean valid, String reason) {}

    static Parameters load() {
        JsonMapper json = JsonMapper.builder().build();
        JsonNode p = read(json, "/data/parameters.json");
        JsonNode f = read(json, "/data/quality-flags.json");
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode n : p.get("parameters")) {
            List<Limit> limits = new ArrayList<>();
            for (JsonNode l : n.get("limits")) {
                limits.add(new Limit(
                        l.get("standard").asString(),
                        l.get("averaging").asString(),
                        l.get("value").asDouble(),
                        day(l.get("from")),
                        day(l.get("to"))));
            }
            parameters.add(new Parameter(
                    n.get("id").asString(),
                    n.get("nameZh").asString(),
                    n.get("nameEn").asString(),
                    n.get("unit").asString(),
                    n.get("unitLabel").asString(),
                    n.get("hourly").asString(),
                    n.get("daily").asString(),
                    List.copyOf(limits)));
        }
        Map<String, Flag> flags = new LinkedHashMap<>();
        for (JsonNode n : f.get("flags")) {
            flags.put(
                    n.get("code").asString(),
                    new Flag(
                            n.get("code").asString(),
                            n.get("valid").asBoolean(),
                            n.get("reason").asString()));
        }
        return new Parameters(
                p.get("source").asString(),
                List.copyOf(parameters),
                f.get("source").asString(),
                Map.copyOf(flags));
    }

    Parameter byId(String id) {
        return parameters.stream()
                .filter(p -> p.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no parameter " + id));
    }

    /** Each pollutant's unit, by id: what the {@code units} field of the data answers says. */
    Map<String, String> units() {
        Map<String, String> units = new LinkedHashMap<>();
        parameters.forEach(p -> units.put(p.id(), p.unit()));
        return units;
    }

    /** The reason a flagged hour does not count, or null for a normal (or unflagged) hour. */
    String reason(String code) {
        if (code == null) {
            return null;
        }
        Flag flag = flags.get(code);
        return flag == null ? "flag " + code + " (not an HJ 212 flag)" : flag.valid() ? null : flag.reason();
    }

    private static LocalDate day(JsonNode n) {
        return n == null || n.isNull() ? null : LocalDate.parse(n.asString());
    }

    private static JsonNode read(JsonMapper json, String path) {
        try (InputStream in = Parameters.class.getResourceAsStream(path)) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
