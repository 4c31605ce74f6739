package cn.lantian.greening.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EmergencyMeasuresTests {

    private final EmergencyMeasures measures = new EmergencyMeasures();

    @Test
    void eachLevelAddsToTheLevelsBelowIt() {
        assertThat(measures.at("yellow"))
                .extracting(EmergencyMeasures.Measure::id)
                .containsExactly("greening-water-bare-plots");
        assertThat(measures.at("orange"))
                .extracting(EmergencyMeasures.Measure::id)
                .containsExactly(
                        "greening-water-bare-plots", "greening-stop-earthworks", "greening-cover-idle-parcels");
        assertThat(measures.at("red")).hasSize(measures.all().size());
        assertThatThrownBy(() -> measures.at("purple")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyMeasureNamesItsSourceAndStaysUnconfirmedUntilTheCountyPlansAreRead() {
        assertThat(measures.all()).allSatisfy(m -> {
            assertThat(m.source()).contains("重污染天气应急预案");
            assertThat(m.status()).isEqualTo("unconfirmed");
        });
    }
}
