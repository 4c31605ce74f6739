package cn.lantian.straw.web;

import cn.lantian.web.FieldError;
import java.util.List;

/** Checks of free text fields: a maximum length, no NUL and no lone surrogate (they break storage and exports). */
public final class Text {

    private Text() {}

    /** Adds an error for the field when the text is too long or holds a character no text may hold. */
    public static void check(String field, String value, int maxLength, List<FieldError> errors) {
        if (value == null) {
            return;
        }
        if (value.length() > maxLength) {
            errors.add(new FieldError(field, "longer than " + maxLength + " characters"));
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                errors.add(new FieldError(field, "holds a NUL character"));
                return;
            }
            if (Character.isHighSurrogate(c)
                            && (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)))) {
                errors.add(new FieldError(field, "holds a lone surrogate"));
                return;
            }
        }
    }
}
