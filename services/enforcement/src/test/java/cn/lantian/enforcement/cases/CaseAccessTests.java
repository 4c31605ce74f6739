package cn.lantian.enforcement.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.reference.Jurisdictions;
import cn.lantian.security.Caller;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CaseAccessTests {

    final CaseAccess access = new CaseAccess(Jurisdictions.load());

    static final Caller BACHU = new Caller("eco-bachu", Set.of("ecology"), "county", "653130", false);
    static final Caller CORPS = new Caller("corps-officer", Set.of("ecology"), "corps", "xpcc-3", false);
    static final Caller SHACHE = new Caller("eco-shache", Set.of("ecology"), "county", "653125", false);
    static final Caller HOUSING_BACHU = new Caller("housing-bachu", Set.of("housing"), "county", "653130", false);
    static final Caller PREFECTURE = new Caller("coordinator", Set.of("ecology"), "prefecture", "653100", false);

    static EnforcementCase aCase(String jurisdiction, String corps, List<String> notified, String agency) {
        return new EnforcementCase(
                "case-1",
                1,
                "ev",
                "t",
                "k",
                null,
                null,
                null,
                null,
                "s",
                jurisdiction,
                corps,
                notified,
                jurisdiction,
                agency,
                "major",
                CaseStatus.OPENED,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                null,
                0,
                null,
                1,
                null,
                null,
                Instant.EPOCH,
                null,
                null,
                Instant.EPOCH);
    }

    @Test
    void aJointCaseIsSeenAndWorkedByTheCountyAndTheCorpsButNotByAnotherCounty() {
        EnforcementCase joint = aCase("653130", "xpcc-3", List.of(), "ecology");
        assertThat(access.reads(BACHU, joint)).isTrue();
        assertThat(access.acts(BACHU, joint)).isTrue();
        assertThat(access.reads(CORPS, joint)).isTrue();
        assertThat(access.acts(CORPS, joint)).isTrue();
        assertThat(access.reads(SHACHE, joint)).isFalse();
        assertThat(access.acts(SHACHE, joint)).isFalse();
    }

    @Test
    void aCorpsOfficerWorksCasesOfTheRegimentsUnderTheDivision() {
        EnforcementCase regiment = aCase("653130", "xpcc-3-49", List.of(), "ecology");
        assertThat(access.acts(CORPS, regiment)).isTrue();
    }

    @Test
    void anotherAgencyOfTheSameCountyNeitherSeesNorActs() {
        EnforcementCase joint = aCase("653130", "xpcc-3", List.of(), "ecology");
        assertThat(access.reads(HOUSING_BACHU, joint)).isFalse();
        assertThat(access.acts(HOUSING_BACHU, joint)).isFalse();
    }

    @Test
    void aNotifiedNeighbourSeesButDoesNotAct() {
        EnforcementCase nearShache = aCase("653126", null, List.of("653125"), "ecology");
        assertThat(access.reads(SHACHE, nearShache)).isTrue();
        assertThat(access.acts(SHACHE, nearShache)).isFalse();
    }

    @Test
    void thePrefectureSeesAndActsEverywhere() {
        EnforcementCase anywhere = aCase("653131", null, List.of(), "housing");
        assertThat(access.reads(PREFECTURE, anywhere)).isTrue();
        assertThat(access.acts(PREFECTURE, anywhere)).isTrue();
        assertThat(access.units(PREFECTURE)).isNull();
        assertThat(access.units(CORPS)).contains("xpcc-3", "xpcc-3-49").doesNotContain("653130");
    }

    @Test
    void onlyTheReferralsTargetAnswersIt() {
        EnforcementCase base = aCase("653130", null, List.of(), "ecology");
        EnforcementCase referred = new EnforcementCase(
                base.id(),
                1,
                "ev",
                "t",
                "k",
                null,
                null,
                null,
                null,
                "s",
                "653130",
                null,
                List.of(),
                "653130",
                "ecology",
                "major",
                CaseStatus.REFERRED,
                CaseStatus.OPENED,
                null,
                "xpcc-3",
                "in Tumxuk",
                null,
                null,
                null,
                List.of(),
                null,
                0,
                null,
                1,
                null,
                null,
                Instant.EPOCH,
                null,
                null,
                Instant.EPOCH);
        assertThat(access.answersReferral(CORPS, referred)).isTrue();
        assertThat(access.answersReferral(BACHU, referred)).isFalse();
        assertThat(access.reads(CORPS, referred)).isTrue();
    }
}
