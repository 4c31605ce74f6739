package cn.lantian.mobile.machinery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lantian.mobile.zone.Zone;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped non-road rules: the Ringelmann limit and registration days with their sources, the stage order. */
class MachineryRulesTests {

    private static final Zone ZONE =
            new Zone("lez-t", "653101", "t", "t", "China III", 75.96, 39.44, 76.02, 39.50, "unconfirmed", "test");

    private final MachineryRules rules =
            new MachineryRules(text("rules/non-road-machinery.csv"), text("rules/non-road-stages.csv"), List.of(ZONE));

    @Test
    void theRingelmannLimitNamesGb36886AndStaysUnconfirmed() {
        assertThat(rules.ringelmann().value()).isEqualTo(1.0);
        assertThat(rules.ringelmann().source()).contains("GB 36886-2018");
        assertThat(rules.ringelmann().status()).isEqualTo("unconfirmed");
        assertThat(rules.registrationDays().value()).isEqualTo(30.0);
        assertThat(rules.registrationDays().source()).contains("code registration");
    }

    @Test
    void aStageBelowTheZonesIsRefusedTheZonesOwnAndAboveAreNot() {
        assertThat(rules.belowZone("pre-China I", ZONE)).isTrue();
        assertThat(rules.belowZone("China II", ZONE)).isTrue();
        assertThat(rules.belowZone("China III", ZONE)).isFalse();
        assertThat(rules.belowZone("China IV", ZONE)).isFalse();
        assertThat(rules.belowZone(MachineryRules.NONE, ZONE)).as("electric").isFalse();
    }

    @Test
    void theStageOfANewMachineFollowsItsProductionDate() {
        assertThat(rules.stageOn(LocalDate.parse("2005-01-01"))).isEqualTo("pre-China I");
        assertThat(rules.stageOn(LocalDate.parse("2022-11-30"))).isEqualTo("China III");
        assertThat(rules.stageOn(LocalDate.parse("2022-12-01"))).isEqualTo("China IV");
    }

    @Test
    void aZoneNamingAnUnknownStageIsRefusedAtLoad() {
        Zone odd = new Zone("lez-o", "653101", "o", "o", "Euro V", 75.96, 39.44, 76.02, 39.50, "unconfirmed", "t");
        assertThatThrownBy(() -> new MachineryRules(
                        text("rules/non-road-machinery.csv"), text("rules/non-road-stages.csv"), List.of(odd)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Euro V");
    }

    private static String text(String resource) {
        try (var in = MachineryRulesTests.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
