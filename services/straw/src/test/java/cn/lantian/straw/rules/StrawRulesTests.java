package cn.lantian.straw.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Keeps the rule tables and the code that reads them in step. */
class StrawRulesTests {

    static final StrawRules RULES = StrawRules.load();

    @Test
    void everyRuleTheCodeReadsIsInTheTableWithItsSource() {
        assertThat(RULES.rules()).extracting(Rule::id).containsExactlyElementsOf(StrawRules.IDS);
        assertThat(RULES.rules()).allSatisfy(r -> {
            assertThat(r.source()).as(r.id()).isNotBlank();
            assertThat(r.status()).as(r.id()).isIn("confirmed", "secondary source", "platform choice", "unconfirmed");
        });
    }

    @Test
    void theNationalTargetIsEightySixPercentAsConfirmed() {
        assertThat(RULES.utilisationTarget()).isEqualTo(0.86);
        assertThat(RULES.rule("utilisation-target").source()).contains("国发〔2023〕24号");
        assertThat(RULES.rule("utilisation-target").status()).isEqualTo("confirmed");
        assertThat(RULES.intensityPerHa()).isEqualTo(1000);
        assertThat(RULES.vegetationFireType()).isZero();
    }

    @Test
    void mergeBoundsArePlatformChoicesSaidToBeSo() {
        assertThat(RULES.rule("merge-distance-km").status()).isEqualTo("platform choice");
        assertThat(RULES.rule("merge-window-hours").status()).isEqualTo("platform choice");
    }

    @Test
    void aDeploymentMayConfigureTheMergeBoundsWithinReason() {
        StrawRules configured = RULES.withMergeBounds(0.5, 3.0);
        assertThat(configured.mergeDistanceKm()).isEqualTo(0.5);
        assertThat(configured.mergeWindow()).isEqualTo(java.time.Duration.ofHours(3));
        assertThat(configured.rule("merge-distance-km").status()).isEqualTo("configured");
        assertThat(configured.rule("merge-distance-km").source())
                .contains("lantian.straw.merge-distance-km", "shipped 1.0 km");
        assertThat(configured.utilisationTarget()).isEqualTo(0.86);

        StrawRules windowOnly = RULES.withMergeBounds(null, 12.0);
        assertThat(windowOnly.mergeDistanceKm()).isEqualTo(1.0);
        assertThat(windowOnly.rule("merge-distance-km").status()).isEqualTo("platform choice");
        assertThat(windowOnly.mergeWindow()).isEqualTo(java.time.Duration.ofHours(12));

        assertThatThrownBy(() -> RULES.withMergeBounds(0.0, null)).hasMessageContaining("merge-distance-km");
        assertThatThrownBy(() -> RULES.withMergeBounds(null, 100.0)).hasMessageContaining("merge-window-hours");
        assertThat(RULES.mergeDistanceKm())
                .as("the shipped tables stay as they are")
                .isEqualTo(1.0);
    }

    @Test
    void seasonsRunFromTheirFirstDayToTheEndOfTheirLastMonthInChinaStandardTime() {
        Season autumn = RULES.season("2025-autumn").orElseThrow();
        assertThat(autumn.from()).isEqualTo(LocalDate.of(2025, 9, 1));
        assertThat(autumn.until()).isEqualTo(LocalDate.of(2025, 12, 1));
        assertThat(autumn.start()).isEqualTo(Instant.parse("2025-08-31T16:00:00Z"));
        assertThat(RULES.seasonOf(Instant.parse("2025-08-31T16:00:00Z"))).contains(autumn);
        assertThat(RULES.seasonOf(Instant.parse("2025-08-31T15:59:59Z"))).isEmpty();
        assertThat(RULES.seasonOf(Instant.parse("2025-11-30T15:59:59Z"))).contains(autumn);
        assertThat(RULES.seasonOf(Instant.parse("2025-11-30T16:00:00Z"))).isEmpty();
        assertThat(RULES.season("2025-winter")).isEmpty();
        assertThat(RULES.season("25-autumn")).isEmpty();
    }

    @Test
    void everyAlertLevelHasMeasuresWithSources() {
        for (String level : new String[] {"yellow", "orange", "red"}) {
            assertThat(RULES.measures(level))
                    .as(level)
                    .isNotEmpty()
                    .allSatisfy(m -> assertThat(m.source()).isNotBlank());
        }
        assertThat(RULES.measures()).extracting(StrawRules.Measure::level).containsOnly("yellow", "orange", "red");
    }
}
