package cn.lantian.portal.upstream;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Tolerant reads of single fields: the portal copies named fields only, so nothing unnamed can leak through. */
final class Json {

    private Json() {}

    /** The first of the named fields that is present and not null. */
    static JsonNode field(JsonNode node, String... names) {
        if (node == null) {
            return null;
        }
        for (String name : names) {
            JsonNode v = node.get(name);
            if (v != null && !v.isNull() && !v.isMissingNode()) {
                return v;
            }
        }
        return null;
    }

    static String text(JsonNode node, String... names) {
        JsonNode v = field(node, names);
        return v == null ? null : v.isValueNode() ? v.asString() : v.toString();
    }

    static Double number(JsonNode node, String... names) {
        JsonNode v = field(node, names);
        return v != null && v.isNumber() ? v.asDouble() : null;
    }

    static Integer integer(JsonNode node, String... names) {
        JsonNode v = field(node, names);
        return v != null && v.isNumber() ? (int) Math.round(v.asDouble()) : null;
    }

    static boolean flag(JsonNode node, boolean fallback, String... names) {
        JsonNode v = field(node, names);
        return v != null && v.isBoolean() ? v.asBoolean() : fallback;
    }

    static Instant instant(JsonNode node, String... names) {
        String t = text(node, names);
        if (t == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(t);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    static LocalDate date(JsonNode node, String... names) {
        String t = text(node, names);
        if (t == null) {
            return null;
        }
        try {
            return LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static List<String> texts(JsonNode node, String... names) {
        JsonNode v = field(node, names);
        List<String> out = new ArrayList<>();
        if (v != null && v.isArray()) {
            for (JsonNode item : v) {
                out.add(
                        item.isValueNode()
                                ? item.asString()
                                : text(item, "textZh", "text", "nameZh", "name", "description"));
            }
        } else if (v != null && v.isValueNode()) {
            out.add(v.asString());
        }
        out.removeIf(s -> s == null || s.isBlank());
        return out;
    }

    static Iterable<JsonNode> items(JsonNode root, String... names) {
        if (root == null) {
            return List.of();
        }
        if (root.isArray()) {
            return root;
        }
        JsonNode v = field(root, names);
        return v != null && v.isArray() ? v : List.of();
    }
}
