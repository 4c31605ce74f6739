package cn.lantian.dust.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lantian.web.FieldError;
import cn.lantian.web.InvalidInput;
import org.junit.jupiter.api.Test;

class ChecksTests {

    @Test
    void textWithNulOrALoneSurrogateOrTooLongIsRefused() {
        assertThat(Checks.textProblem("工地 A", 10)).isNull();
        assertThat(Checks.textProblem("😀", 10)).as("a surrogate pair is fine").isNull();
        assertThat(Checks.textProblem("a\u0000b", 10)).contains("NUL");
        assertThat(Checks.textProblem("a\uD800b", 10)).contains("lone surrogate");
        assertThat(Checks.textProblem("a\uDC00", 10)).contains("lone surrogate");
        assertThat(Checks.textProblem("x".repeat(11), 10)).contains("at most 10");
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        Checks c = new Checks();
        c.text("project", null, 10);
        c.number("lon", 500.0, -180, 180);
        assertThatThrownBy(c::done)
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("project", "lon"));
    }
}
