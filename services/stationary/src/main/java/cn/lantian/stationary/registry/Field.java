package cn.lantian.stationary.registry;

import cn.lantian.web.FieldError;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One kind-specific attribute of a facility and how to check it.
 *
 * @param values allowed values for text and list fields (empty: any)
 */
record Field(String name, Type type, boolean required, List<String> values) {

    enum Type {
        TEXT,
        NUMBER,
        BOOLEAN,
        INTEGER,
        DATE,
        LIST
    }

    static Field required(String name, Type type, String... values) {
        return new Field(name, type, true, List.of(values));
    }

    static Field optional(String name, Type type, String... values) {
        return new Field(name, type, false, List.of(values));
    }

    /** The error of this field in the document, if any. */
    Optional<FieldError> check(JsonNode attributes) {
        String path = "attributes." + name;
        JsonNode v = attributes.get(name);
        if (v == null || v.isNull() || (v.isString() && v.asString().isBlank())) {
            return required ? Optional.of(new FieldError(path, "is required")) : Optional.empty();
        }
        return switch (type) {
            case TEXT ->
                v.isString() && (values.isEmpty() || values.contains(v.asString()))
                        ? Optional.empty()
                        : Optional.of(
                                new FieldError(path, values.isEmpty() ? "must be text" : "must be one of " + values));
            case NUMBER ->
                v.isNumber() && v.asDouble() >= 0
                        ? Optional.empty()
                        : Optional.of(new FieldError(path, "must be a number >= 0"));
            case INTEGER ->
                v.isIntegralNumber() && v.asInt() >= 1900 && v.asInt() <= 2100
                        ? Optional.empty()
                        : Optional.of(new FieldError(path, "must be a year"));
            case BOOLEAN ->
                v.isBoolean() ? Optional.empty() : Optional.of(new FieldError(path, "must be true or false"));
            case DATE -> isDate(v) ? Optional.empty() : Optional.of(new FieldError(path, "must be a date yyyy-mm-dd"));
            case LIST ->
                isList(v) ? Optional.empty() : Optional.of(new FieldError(path, "must be a list of " + values));
        };
    }

    private boolean isList(JsonNode v) {
        if (!v.isArray()) {
            return false;
        }
        for (JsonNode item : v) {
            if (!item.isString() || (!values.isEmpty() && !values.contains(item.asString()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDate(JsonNode v) {
        try {
            LocalDate.parse(v.asString());
            return v.isString();
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
