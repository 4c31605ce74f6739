package cn.lantian.mobile.sensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The shipped limits: sourced, marked unconfirmed as the domain brief says, and applied strictly above the limit. */
class SensingRulesTests {

    private final SensingRules rules = new SensingRules();

    @Test
    void everyRemoteSensingLimitNamesHj845AndStaysUnconfirmed() {
        assertThat(rules.limits()).isNotEmpty().allSatisfy(l -> {
            assertThat(l.source()).contains("HJ 845-2017");
            assertThat(l.status()).isEqualTo("unconfirmed");
            assertThat(SensingRules.POLLUTANTS).contains(l.pollutant());
        });
        assertThat(rules.limits())
                .extracting(Limit::pollutant)
                .containsExactlyInAnyOrderElementsOf(SensingRules.POLLUTANTS);
    }

    @Test
    void aValueAtTheLimitPassesAndOneAboveFails() {
        Limit opacity = rules.limit("diesel", "opacity").orElseThrow();
        assertThat(opacity.exceededBy(opacity.value())).isFalse();
        assertThat(opacity.exceededBy(Math.nextUp(opacity.value()))).isTrue();
        assertThat(opacity.exceededBy(opacity.value() - 1)).isFalse();
    }

    @Test
    void fuelsWithoutARowAreNotJudged() {
        assertThat(rules.limit("petrol", "opacity")).isEmpty();
        assertThat(rules.limit("electric", "nox")).isEmpty();
    }

    @Test
    void theValidityConditionsNameHj845AndStayUnconfirmed() {
        assertThat(rules.validity())
                .extracting(ValidityCondition::condition)
                .containsExactlyInAnyOrderElementsOf(SensingRules.CONDITIONS);
        assertThat(rules.validity()).allSatisfy(c -> {
            assertThat(c.source()).contains("HJ 845-2017");
            assertThat(c.status()).isEqualTo("unconfirmed");
        });
    }

    @Test
    void aConditionAtItsBoundsIsValidAndJustOutsideIsNot() {
        ValidityCondition speed = condition("speed");
        assertThat(rules.invalidity(reading("remote-sensing", speed.min(), 0.0, 1.0)))
                .isNull();
        assertThat(rules.invalidity(reading("remote-sensing", speed.max(), 0.0, 1.0)))
                .isNull();
        assertThat(rules.invalidity(reading("remote-sensing", Math.nextUp(speed.max()), 0.0, 1.0)))
                .startsWith("speed ");
        assertThat(rules.invalidity(reading("remote-sensing", Math.nextDown(speed.min()), 0.0, 1.0)))
                .startsWith("speed ");
        ValidityCondition wind = condition("wind");
        assertThat(rules.invalidity(reading("remote-sensing", 40.0, 0.0, wind.max())))
                .isNull();
        assertThat(rules.invalidity(reading("remote-sensing", 40.0, 0.0, Math.nextUp(wind.max()))))
                .startsWith("wind ");
    }

    @Test
    void aRequiredConditionMissingMakesTheReadingInvalidAnOptionalOneDoesNot() {
        assertThat(rules.invalidity(reading("remote-sensing", null, 0.0, 1.0))).isEqualTo("speed not measured");
        assertThat(rules.invalidity(reading("remote-sensing", 40.0, null, 1.0))).isEqualTo("acceleration not measured");
        assertThat(rules.invalidity(reading("remote-sensing", 40.0, 0.0, null))).isNull();
    }

    @Test
    void roadsideChecksAreNotSubjectToTheConditions() {
        assertThat(rules.invalidity(reading("roadside", null, null, 30.0))).isNull();
    }

    private ValidityCondition condition(String name) {
        return rules.validity().stream()
                .filter(c -> c.condition().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static Reading reading(String check, Double speed, Double acceleration, Double wind) {
        return new Reading(
                "新Q·A0001",
                java.time.Instant.parse("2026-06-01T04:00:00Z"),
                76.0,
                39.5,
                check,
                40.0,
                null,
                null,
                speed,
                acceleration,
                wind);
    }

    @Test
    void aRowWithoutSourceIsRefusedAtLoad() {
        assertThatThrownBy(() -> new SensingRules(
                        "fuel,pollutant,limit,unit,status,source\ndiesel,nox,1,ppm,unconfirmed,\n",
                        "failures,window_months,status,source\n2,6,x,y\n"))
                .isInstanceOf(IllegalStateException.class);
    }
}
