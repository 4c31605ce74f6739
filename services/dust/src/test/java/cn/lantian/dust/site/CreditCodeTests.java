package cn.lantian.dust.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreditCodeTests {

    @Test
    void acceptsACodeWithItsCheckCharacterAndRefusesAnyOther() {
        String first17 = "91653125MA78ABCD1";
        char check = CreditCode.checkCharacter(first17);
        assertThat(CreditCode.valid(first17 + check)).isTrue();
        char wrong = check == '0' ? '1' : '0';
        assertThat(CreditCode.valid(first17 + wrong)).isFalse();
        assertThat(CreditCode.valid("91653125MA78ABCD1")).isFalse();
        assertThat(CreditCode.valid("91653125MA78ABCDIO"))
                .as("I and O are not in the alphabet")
                .isFalse();
    }
}
