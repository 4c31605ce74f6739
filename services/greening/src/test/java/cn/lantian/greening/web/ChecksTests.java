package cn.lantian.greening.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lantian.web.FieldError;
import cn.lantian.web.InvalidInput;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChecksTests {

    @Test
    void textWithNulOrALoneSurrogateIsRefusedAndAPairIsKept() {
        assertThat(Checks.clean("胡杨 𠀀 ok")).isTrue();
        assertThat(Checks.clean("a\u0000b")).isFalse();
        assertThat(Checks.clean("a\ud800b")).isFalse();
        assertThat(Checks.clean("a\udc00")).isFalse();
        assertThat(Checks.clean("\ud800")).isFalse();
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        Checks checks = new Checks()
                .text("name", "x".repeat(201), 200)
                .text("code", null, 10)
                .oneOf("kind", "fishing", List.of("grazing", "digging"))
                .between("rate", 100.5, 0, 100);
        assertThatThrownBy(checks::done)
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("name", "code", "kind", "rate"));
        new Checks()
                .text("name", "x".repeat(200), 200)
                .between("rate", 100.0, 0, 100)
                .done();
    }

    @Test
    void blankTextIsRefused() {
        assertThatThrownBy(new Checks().text("name", "  ", 10)::done).isInstanceOf(InvalidInput.class);
    }
}
