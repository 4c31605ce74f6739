package cn.lantian.enforcement.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lantian.enforcement.routing.RoutingTable;
import cn.lantian.reference.Jurisdictions;
import cn.lantian.web.InvalidInput;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransitionTests {

    static final Instant NOW = Instant.parse("2024-11-12T02:00:00Z");
    static final RoutingTable TABLE = RoutingTable.load("routing/case-routes.json");
    final Transition transition = new Transition(TABLE, Jurisdictions.load());

    static EnforcementCase aCase(CaseStatus status, Instant deadline, int escalationLevel) {
        return new EnforcementCase(
                "case-1",
                1,
                "ev-1",
                "lantian.stationary.emission-limit-exceeded.v1",
                "outlet/e/DA001/NOx",
                "outlet/e/DA001",
                "e",
                null,
                null,
                "summary",
                "653130",
                "xpcc-3",
                List.of(),
                "653130",
                "ecology",
                "major",
                status,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                deadline,
                escalationLevel,
                null,
                1,
                null,
                null,
                NOW.minus(Duration.ofDays(20)),
                null,
                null,
                NOW.minus(Duration.ofDays(20)));
    }

    @Test
    void everyKindOfCommandHasItsOwnStep() {
        assertThat(transition.handlesEvery(Command.class.getPermittedSubclasses()))
                .isTrue();
    }

    @Test
    void escalationClimbsTheLadderFromTheDataWithItsGraceDays() {
        EnforcementCase first = transition
                .apply(
                        aCase(CaseStatus.RECTIFICATION_ORDERED, NOW.minusSeconds(1), 0),
                        new Command.Escalate(null, null),
                        CaseStatus.ESCALATED,
                        NOW)
                .updated();
        assertThat(first.escalationKind())
                .isEqualTo(TABLE.escalationLadder().get(0).kind())
                .isEqualTo("on-site-supervision");
        assertThat(first.deadline())
                .isEqualTo(
                        NOW.plus(Duration.ofDays(TABLE.escalationLadder().get(0).graceDays())));

        EnforcementCase second = transition
                .apply(first, new Command.Escalate(null, null), CaseStatus.ESCALATED, NOW)
                .updated();
        assertThat(second.escalationKind()).isEqualTo("interview");
        EnforcementCase last = transition
                .apply(second, new Command.Escalate(null, null), CaseStatus.ESCALATED, NOW)
                .updated();
        assertThat(last.escalationKind()).isEqualTo("accountability-referral");
        assertThat(last.deadline()).as("the last rung sets no further deadline").isNull();

        assertThatThrownBy(() -> transition.apply(last, new Command.Escalate(null, null), CaseStatus.ESCALATED, NOW))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("kind");
    }

    @Test
    void anUnknownEscalationKindIsRefusedNamingTheField() {
        assertThatThrownBy(() -> transition.apply(
                        aCase(CaseStatus.OPENED, null, 0),
                        new Command.Escalate("lunch", null),
                        CaseStatus.ESCALATED,
                        NOW))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.errors()).extracting("field").containsExactly("kind"));
    }

    @Test
    void closingByTheDeadlineIsOnTimeAndAfterItIsLate() {
        EnforcementCase onTime = transition
                .apply(
                        aCase(CaseStatus.RECTIFICATION_ORDERED, NOW.plusSeconds(60), 0),
                        new Command.Close("re-checked", "fixed"),
                        CaseStatus.CLOSED,
                        NOW)
                .updated();
        EnforcementCase late = transition
                .apply(
                        aCase(CaseStatus.RECTIFICATION_ORDERED, NOW.minusSeconds(60), 0),
                        new Command.Close("re-checked", "fixed"),
                        CaseStatus.CLOSED,
                        NOW)
                .updated();
        assertThat(onTime.closedOnTime()).isTrue();
        assertThat(late.closedOnTime()).isFalse();
        assertThat(onTime.publicOutcome()).isEqualTo("fixed");
        assertThat(onTime.internalNote()).isEqualTo("re-checked");
        assertThat(onTime.closedAt()).isEqualTo(NOW);
    }

    @Test
    void closingNeedsAVerificationAndAPublicOutcome() {
        assertThatThrownBy(() -> transition.apply(
                        aCase(CaseStatus.INSPECTED, null, 0), new Command.Close(" ", null), CaseStatus.CLOSED, NOW))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.errors())
                                .extracting("field")
                                .containsExactly("verification", "publicOutcome"));
    }

    @Test
    void aRectificationDeadlineMustLieAhead() {
        assertThatThrownBy(() -> transition.apply(
                        aCase(CaseStatus.INSPECTED, null, 0),
                        new Command.OrderRectification(NOW.minusSeconds(5), "fix it"),
                        CaseStatus.RECTIFICATION_ORDERED,
                        NOW))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.errors()).extracting("field").containsExactly("deadline"));
        EnforcementCase ordered = transition
                .apply(
                        aCase(CaseStatus.INSPECTED, null, 0),
                        new Command.OrderRectification(NOW.plus(Duration.ofDays(10)), "fix it"),
                        CaseStatus.RECTIFICATION_ORDERED,
                        NOW)
                .updated();
        assertThat(ordered.deadline()).isEqualTo(NOW.plus(Duration.ofDays(10)));
    }

    @Test
    void aReferralToTheCorpsIsAcceptedByItAndThenLedByIt() {
        EnforcementCase referred = transition
                .apply(
                        aCase(CaseStatus.ASSIGNED, null, 0),
                        new Command.Refer(null, "xpcc-3", "inside Tumxuk"),
                        CaseStatus.REFERRED,
                        NOW)
                .updated();
        assertThat(referred.statusBeforeReferral()).isEqualTo(CaseStatus.ASSIGNED);
        assertThat(referred.referralJurisdiction()).isEqualTo("xpcc-3");

        EnforcementCase accepted = transition
                .apply(referred, new Command.AcceptReferral(null), CaseStatus.OPENED, NOW)
                .updated();
        assertThat(accepted.lead()).isEqualTo("xpcc-3");
        assertThat(accepted.agency()).isEqualTo("ecology");
        assertThat(accepted.referralJurisdiction()).isNull();
    }

    @Test
    void aRefusedReferralReturnsTheCaseToWhereItWas() {
        EnforcementCase referred = transition
                .apply(
                        aCase(CaseStatus.ASSIGNED, null, 0),
                        new Command.Refer("housing", null, "a construction site"),
                        CaseStatus.REFERRED,
                        NOW)
                .updated();
        EnforcementCase refused = transition
                .apply(referred, new Command.RefuseReferral("not ours"), CaseStatus.OPENED, NOW)
                .updated();
        assertThat(refused.status()).isEqualTo(CaseStatus.ASSIGNED);
        assertThat(refused.agency()).isEqualTo("ecology");
        assertThat(refused.referralAgency()).isNull();
    }

    @Test
    void aReferralMustNameAKnownAgencyOrUnitOtherThanTheCurrentOne() {
        assertThatThrownBy(() -> transition.apply(
                        aCase(CaseStatus.OPENED, null, 0),
                        new Command.Refer("bakery", "999999", null),
                        CaseStatus.REFERRED,
                        NOW))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.errors())
                                .extracting("field")
                                .containsExactly("toAgency", "toJurisdiction", "reason"));
        assertThatThrownBy(() -> transition.apply(
                        aCase(CaseStatus.OPENED, null, 0),
                        new Command.Refer("ecology", "653130", "same"),
                        CaseStatus.REFERRED,
                        NOW))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.errors()).extracting("field").containsExactly("toJurisdiction"));
    }

    @Test
    void inspectionsAddEvidenceWithoutLosingEarlierReferences() {
        EnforcementCase first = transition
                .apply(
                        aCase(CaseStatus.INSPECTION_SCHEDULED, null, 0),
                        new Command.RecordInspection("confirmed", List.of("photo/1.jpg")),
                        CaseStatus.INSPECTED,
                        NOW)
                .updated();
        EnforcementCase second = transition
                .apply(
                        first,
                        new Command.CampaignInspection(
                                "campaign-1", "653125", true, "also seen", List.of("photo/1.jpg", "cems/2.csv")),
                        CaseStatus.INSPECTED,
                        NOW)
                .updated();
        assertThat(second.evidence()).containsExactly("photo/1.jpg", "cems/2.csv");
        assertThat(second.findings()).contains("campaign-1").contains("653125").contains("also seen");
    }
}
