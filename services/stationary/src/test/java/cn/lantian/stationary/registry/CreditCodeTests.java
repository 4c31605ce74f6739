package cn.lantian.stationary.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreditCodeTests {

    @Test
    void acceptsCodeWithRightCheckCharacter() {
        // The example code printed on GB 32100 explanatory material.
        assertThat(CreditCode.isValid("91350100M000100Y43")).isTrue();
    }

    @Test
    void computesCheckCharacterOfGeneratedCode() {
        String first17 = "91653101MA775XKQ1";
        String code = first17 + CreditCode.checkCharacter(first17);
        assertThat(CreditCode.isValid(code)).isTrue();
    }

    @Test
    void rejectsWrongCheckCharacter() {
        assertThat(CreditCode.isValid("91350100M000100Y44")).isFalse();
    }

    @Test
    void rejectsForbiddenLettersAndWrongLength() {
        assertThat(CreditCode.isValid("91350100M000100I43")).isFalse();
        assertThat(CreditCode.isValid("91350100M000100Y4")).isFalse();
        assertThat(CreditCode.isValid(null)).isFalse();
    }
}
