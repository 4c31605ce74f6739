package cn.lantian.straw.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.web.FieldError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTests {

    static List<FieldError> check(String value, int max) {
        List<FieldError> errors = new ArrayList<>();
        Text.check("note", value, max, errors);
        return errors;
    }

    @Test
    void acceptsTextUpToItsMaximumIncludingPairedSurrogates() {
        assertThat(check("秸秆 straw 🔥", 12)).isEmpty();
        assertThat(check("x".repeat(500), 500)).isEmpty();
        assertThat(check(null, 5)).isEmpty();
    }

    @Test
    void refusesTooLongTextNulAndLoneSurrogates() {
        assertThat(check("x".repeat(501), 500))
                .extracting(FieldError::reason)
                .containsExactly("longer than 500 characters");
        assertThat(check("a\u0000b", 10)).extracting(FieldError::reason).containsExactly("holds a NUL character");
        assertThat(check("a\uD800b", 10)).extracting(FieldError::reason).containsExactly("holds a lone surrogate");
        assertThat(check("\uDC00", 10)).extracting(FieldError::reason).containsExactly("holds a lone surrogate");
        assertThat(check("a\uD83D", 10)).extracting(FieldError::reason).containsExactly("holds a lone surrogate");
    }
}
