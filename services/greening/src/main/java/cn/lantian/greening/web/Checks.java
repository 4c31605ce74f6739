package cn.lantian.greening.web;

import cn.lantian.web.FieldError;
import cn.lantian.web.InvalidInput;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Collects the bad fields of one request, so that a client learns every problem at once; {@link #done()} throws
 * {@link InvalidInput} if there were any. Text is refused when it holds NUL or a lone surrogate, or is too long.
 */
public final class Checks {

    private final List<FieldError> errors = new ArrayList<>();

    /** Records a bad field. */
    public Checks fail(String field, String reason) {
        errors.add(new FieldError(field, reason));
        return this;
    }

    /** A required value must be present. */
    public boolean required(String field, Object value) {
        if (value == null) {
            fail(field, "is required");
            return false;
        }
        return true;
    }

    /** Required text of 1 to max characters, free of control characters that break storage or display. */
    public Checks text(String field, String value, int max) {
        if (required(field, value)) {
            optionalText(field, value, max);
            if (value.isBlank()) {
                fail(field, "must not be blank");
            }
        }
        return this;
    }

    /** Optional text of at most max characters, checked like {@link #text}. */
    public Checks optionalText(String field, String value, int max) {
        if (value == null) {
            return this;
        }
        if (value.length() > max) {
            fail(field, "must be at most " + max + " characters");
        } else if (!clean(value)) {
            fail(field, "must not contain NUL or unpaired surrogate characters");
        }
        return this;
    }

    /** Optional texts, each checked like {@link #text}, at most maxItems of them. */
    public Checks texts(String field, Collection<String> values, int maxItems, int max) {
        if (values == null) {
            return this;
        }
        if (values.size() > maxItems) {
            return fail(field, "must have at most " + maxItems + " items");
        }
        int i = 0;
        for (String v : values) {
            text(field + "[" + i++ + "]", v, max);
        }
        return this;
    }

    /** A value from a fixed list. */
    public Checks oneOf(String field, String value, Collection<String> allowed) {
        if (required(field, value) && !allowed.contains(value)) {
            fail(field, "must be one of " + String.join(", ", allowed));
        }
        return this;
    }

    /** A number within [min, max]. */
    public Checks between(String field, Double value, double min, double max) {
        if (required(field, value) && (value.isNaN() || value < min || value > max)) {
            fail(field, "must be between " + plain(min) + " and " + plain(max));
        }
        return this;
    }

    /** Throws {@link InvalidInput} if any field was bad. */
    public void done() {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    /** Whether a bad field was recorded so far. */
    public boolean failed() {
        return !errors.isEmpty();
    }

    /** Whether the text holds no NUL and no unpaired surrogate. */
    public static boolean clean(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
