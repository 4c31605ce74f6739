package cn.lantian.enforcement.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.reference.Jurisdictions;
import cn.lantian.web.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairingRulesTests {

    final PairingRules rules = new PairingRules(Jurisdictions.load());

    @Test
    void aCountyTeamMayGoIntoACorpsUnitACorpsTeamIntoACountyAndACountyIntoAnother() {
        assertThat(rules.check(List.of(
                        new Pairing("653130", "xpcc-3"),
                        new Pairing("xpcc-3", "653125"),
                        new Pairing("653125", "653101"),
                        new Pairing("653127", "xpcc-3-45"))))
                .isEmpty();
    }

    @Test
    void aTeamNeverInspectsItsOwnUnit() {
        assertThat(fields(rules.check(List.of(new Pairing("653125", "653125")))))
                .containsExactly("pairings[0].target");
    }

    @Test
    void aCorpsTeamNeverInspectsARegimentUnderItAndNoRegimentItsDivision() {
        assertThat(fields(rules.check(List.of(new Pairing("xpcc-3", "xpcc-3-49"), new Pairing("xpcc-3-49", "xpcc-3")))))
                .containsExactly("pairings[0].target", "pairings[1].target");
    }

    @Test
    void tumxuksOtherCodeIsTheSameUnit() {
        assertThat(fields(rules.check(List.of(new Pairing("659003", "xpcc-3")))))
                .containsExactly("pairings[0].target");
    }

    @Test
    void corpsIntoCorpsIsNotCrossEnforcement() {
        assertThat(fields(rules.check(List.of(new Pairing("xpcc-3-41", "xpcc-3-49")))))
                .containsExactly("pairings[0].target");
    }

    @Test
    void unknownUnitsThePrefectureAndDuplicatesAreRefused() {
        List<FieldError> errors = rules.check(List.of(
                new Pairing("999999", "653101"),
                new Pairing("653100", "653101"),
                new Pairing("653125", "653101"),
                new Pairing("653125", "653101")));
        assertThat(fields(errors)).containsExactly("pairings[0].team", "pairings[1].team", "pairings[3]");
    }

    @Test
    void aCampaignNeedsAtLeastOnePairing() {
        assertThat(fields(rules.check(List.of()))).containsExactly("pairings");
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }
}
