package cn.lantian.portal.opendata;

import cn.lantian.reference.Jurisdictions;
import cn.lantian.web.FieldError;
import cn.lantian.web.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Reads and checks query parameters, collecting every violation before failing once with all of them. */
final class Params {

    static final List<String> POLLUTANTS = List.of("aqi", "pm25", "pm10", "so2", "no2", "co", "o3");

    private final List<FieldError> violations = new ArrayList<>();

    void fail(String parameter, String reason) {
        violations.add(new FieldError(parameter, reason));
    }

    /** Throws when anything was wrong. */
    void check() {
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
    }

    /** Fails each query parameter the endpoint does not know, naming the ones it does. */
    void onlyKnown(Set<String> given, List<String> known) {
        Set<String> unknown = new TreeSet<>(given);
        unknown.removeAll(known);
        for (String name : unknown) {
            fail(
                    name,
                    "not a parameter of this endpoint; known: "
                            + (known.isEmpty() ? "none" : String.join(", ", known)));
        }
    }

    /**
     * A bound of a time range: a date (Beijing time, whole day) or an ISO 8601 date-time (with an offset, or UTC
     * without one); {@code at} is null for a plain date.
     */
    record Bound(LocalDate day, Instant at) {}

    Bound bound(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() <= 10) {
                return new Bound(LocalDate.parse(value), null);
            }
            Instant at = value.endsWith("Z") || value.matches(".*[+-]\\d{2}:?\\d{2}$")
                    ? OffsetDateTime.parse(value).toInstant()
                    : LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            return new Bound(at.atZone(DatasetsController.CHINA).toLocalDate(), at);
        } catch (DateTimeParseException e) {
            fail(name, "a date like 2024-01-31 or a date-time like 2024-01-31T08:00:00Z, not '" + value + "'");
            return null;
        }
    }

    String oneOf(String name, String value, String fallback, List<String> allowed) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        if (!allowed.contains(value)) {
            fail(name, "one of " + String.join(", ", allowed) + ", not '" + value + "'");
            return fallback;
        }
        return value;
    }

    int limit(String value, int fallback, int max) {
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < 1 || n > max) {
                fail("limit", "between 1 and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            fail("limit", "a whole number between 1 and " + max + ", not '" + value + "'");
            return fallback;
        }
    }

    LocalDate date(String name, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            fail(name, "a date like 2024-01-31, not '" + value + "'");
            return fallback;
        }
    }

    String county(String value, Jurisdictions jurisdictions) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (jurisdictions.byId(value).isEmpty()) {
            fail("county", "a division code or Corps unit id such as 653125 or xpcc-3, not '" + value + "'");
            return null;
        }
        return value;
    }

    /** {@code minLon,minLat,maxLon,maxLat} in WGS 84. */
    double[] bbox(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String[] parts = value.split(",");
        try {
            double[] b = Arrays.stream(parts).mapToDouble(Double::parseDouble).toArray();
            if (b.length != 4 || b[0] >= b[2] || b[1] >= b[3] || b[0] < -180 || b[2] > 180 || b[1] < -90 || b[3] > 90) {
                fail("bbox", "minLon,minLat,maxLon,maxLat with min < max, in degrees");
                return null;
            }
            return b;
        } catch (NumberFormatException e) {
            fail("bbox", "four numbers minLon,minLat,maxLon,maxLat, not '" + value + "'");
            return null;
        }
    }

    Set<String> pollutants(String value) {
        if (value == null || value.isBlank()) {
            return new LinkedHashSet<>(POLLUTANTS);
        }
        Set<String> out = new LinkedHashSet<>();
        for (String p : value.split(",")) {
            if (!POLLUTANTS.contains(p.trim())) {
                fail("pollutant", "comma-separated from " + String.join(", ", POLLUTANTS) + ", not '" + p + "'");
            } else {
                out.add(p.trim());
            }
        }
        return out;
    }

    /** A cursor names the last row of the previous page: station id and time, opaque to clients. */
    String[] cursor(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
            String[] parts = text.split("\\|", -1);
            if (parts.length == 2 && !parts[0].isEmpty()) {
                return parts;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        fail("cursor", "the 'next' value of a previous page, unchanged");
        return null;
    }

    static String cursorOf(String station, String after) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((station + "|" + after).getBytes(StandardCharsets.UTF_8));
    }
}
