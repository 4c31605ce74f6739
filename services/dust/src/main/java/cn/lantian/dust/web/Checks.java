package cn.lantian.dust.web;

import cn.lantian.web.FieldError;
import cn.lantian.web.InvalidInput;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the bad fields of one request, so that the answer names all of them at once; {@link #done()} throws
 * {@link InvalidInput} when there are any.
 */
public final class Checks {

    private final List<FieldError> errors = new ArrayList<>();

    /** Records a bad field. */
    public Checks fail(String field, String reason) {
        errors.add(new FieldError(field, reason));
        return this;
    }

    /** Requires a text of at most {@code max} characters, without NUL or lone surrogates; returns it trimmed. */
    public String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            fail(field, "is required");
            return null;
        }
        return optionalText(field, value, max);
    }

    /** Like {@link #text} but null is allowed. */
    public String optionalText(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        String problem = textProblem(value, max);
        if (problem != null) {
            fail(field, problem);
            return null;
        }
        return value.strip();
    }

    /** Requires a value. */
    public <T> T required(String field, T value) {
        if (value == null) {
            fail(field, "is required");
        }
        return value;
    }

    /** Requires a number within [min, max]. */
    public Double number(String field, Double value, double min, double max) {
        if (value == null) {
            fail(field, "is required");
        } else if (value.isNaN() || value < min || value > max) {
            fail(field, "must be between " + min + " and " + max);
        }
        return value;
    }

    /** Throws when any field was bad. */
    public void done() {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    /** Whether a field failed so far. */
    public boolean failed() {
        return !errors.isEmpty();
    }

    /** Why a text is unacceptable, or null when it is fine. */
    public static String textProblem(String value, int max) {
        if (value.length() > max) {
            return "must be at most " + max + " characters";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                return "must not contain NUL";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return "must not contain a lone surrogate";
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return "must not contain a lone surrogate";
            }
        }
        return null;
    }
}
