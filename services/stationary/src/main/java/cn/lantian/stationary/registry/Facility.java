package cn.lantian.stationary.registry;

import cn.lantian.reference.Placement;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * A facility of an enterprise: plant, outlet, production line, process step, boiler, petrol station, oil depot or coal
 * dealer; {@code attributes} holds the kind's own fields, checked by {@link FacilityKind}.
 */
public record Facility(
        String id,
        String kind,
        String enterpriseId,
        String parentId,
        String name,
        String status,
        Placement placement,
        double lon,
        double lat,
        JsonNode attributes,
        int version,
        Instant updatedAt,
        String updatedBy) {

    /** A number attribute, or NaN when absent. */
    public double number(String attribute) {
        JsonNode v = attributes.get(attribute);
        return v == null || !v.isNumber() ? Double.NaN : v.asDouble();
    }

    /** A text attribute, or null when absent. */
    public String text(String attribute) {
        JsonNode v = attributes.get(attribute);
        return v == null || v.isNull() ? null : v.asString();
    }

    /** A boolean attribute, false when absent. */
    public boolean flag(String attribute) {
        JsonNode v = attributes.get(attribute);
        return v != null && v.isBoolean() && v.asBoolean();
    }

    /** Whether a list attribute contains the value. */
    public boolean listed(String attribute, String value) {
        JsonNode v = attributes.get(attribute);
        if (v == null || !v.isArray()) {
            return false;
        }
        for (JsonNode item : v) {
            if (value.equals(item.asString())) {
                return true;
            }
        }
        return false;
    }
}
