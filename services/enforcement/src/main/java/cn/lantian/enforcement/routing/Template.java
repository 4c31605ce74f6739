package cn.lantian.enforcement.routing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Fills {@code {field}} placeholders from an event's data; a missing field reads as {@code ?}. */
final class Template {

    private static final Pattern FIELD = Pattern.compile("\\{([A-Za-z0-9]+)}");

    private Template() {}

    static String fill(String template, JsonNode data) {
        Matcher m = FIELD.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            JsonNode value = data == null ? null : data.get(m.group(1));
            String text =
                    value == null || value.isNull() ? "?" : value.isValueNode() ? value.asString() : value.toString();
            m.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        m.appendTail(out);
        return out.toString();
    }
}
