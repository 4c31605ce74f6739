package cn.lantian.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares the shape of two JSON documents: the same field names at every level and the same JSON kinds (string,
 * number, boolean, array, object). Values are not compared. A {@code null} in the actual document matches any kind,
 * since an optional field may be absent in one answer; arrays are compared by their first elements.
 */
public final class JsonShape {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonShape() {}

    /** Reads a classpath resource, e.g. {@code contract/public-api/stationary-enterprise.example.json}. */
    public static JsonNode resource(String path) {
        try (InputStream in = JsonShape.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + path);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every place where {@code actual} differs in shape from {@code expected}, as readable lines; empty when equal. */
    public static List<String> differences(JsonNode expected, JsonNode actual) {
        List<String> out = new ArrayList<>();
        compare("$", expected, actual, out);
        return out;
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, List<String> out) {
        if (actual == null || actual.isNull() || expected.isNull()) {
            return;
        }
        if (kind(expected) != kind(actual)) {
            out.add(path + ": expected " + kind(expected) + " but was " + kind(actual));
            return;
        }
        if (expected.isObject()) {
            Set<String> names = new TreeSet<>(expected.propertyNames());
            names.addAll(actual.propertyNames());
            for (String name : names) {
                if (!expected.has(name)) {
                    out.add(path + "." + name + ": not in the expected shape");
                } else if (!actual.has(name)) {
                    out.add(path + "." + name + ": missing");
                } else {
                    compare(path + "." + name, expected.get(name), actual.get(name), out);
                }
            }
        } else if (expected.isArray() && !expected.isEmpty() && !actual.isEmpty()) {
            compare(path + "[0]", expected.get(0), actual.get(0), out);
        }
    }

    private static String kind(JsonNode node) {
        return node.isObject()
                ? "object"
                : node.isArray()
                        ? "array"
                        : node.isNumber()
                                ? "number"
                                : node.isBoolean()
                                        ? "boolean"
                                        : node.isString()
                                                ? "string"
                                                : node.getNodeType().toString();
    }
}
