package cn.lantian.straw.web;

import cn.lantian.web.InvalidInput;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/** Query parameters read as text and checked here, so that a bad value answers with the parameter's name. */
public final class Params {

    private static final Pattern UNIT = Pattern.compile("^([0-9]{6}|xpcc-[0-9a-z-]{1,20}|kedz)$");
    private static final Pattern CURSOR = Pattern.compile("^[A-Za-z0-9-]{1,60}$");

    private Params() {}

    /** A page size from 1 to {@code max}, {@code fallback} when absent. */
    public static int limit(String value, int fallback, int max) {
        if (value == null) {
            return fallback;
        }
        if (!value.matches("^\\d{1,4}$") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > max) {
            throw InvalidInput.of("limit", "not a whole number from 1 to " + max);
        }
        return Integer.parseInt(value);
    }

    /** An instant with offset (ISO 8601), or null when absent. */
    public static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidInput.of(name, "not a date-time with offset, e.g. 2026-10-01T00:00:00+08:00");
        }
    }

    /** A jurisdiction id (county code, Corps unit, kedz), or null when absent. */
    public static String unit(String name, String value) {
        if (value != null && !UNIT.matcher(value).matches()) {
            throw InvalidInput.of(name, "not a county code or Corps unit id");
        }
        return value;
    }

    /** One of the allowed values, or null when absent. */
    public static String oneOf(String name, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw InvalidInput.of(name, "not one of " + String.join(", ", allowed));
        }
        return value;
    }

    /** A page cursor as returned in {@code next}, or null. */
    public static String cursor(String value) {
        if (value != null && !CURSOR.matcher(value).matches()) {
            throw InvalidInput.of("after", "not a cursor returned as next");
        }
        return value;
    }
}
