package cn.lantian.enforcement.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The state machine, checked against the lifecycle written out independently as the issue describes it. */
class LifecycleTests {

    /** Allowed: state -> action -> next state, as the enforcement procedure reads. */
    static final Map<String, Map<String, String>> EXPECTED = Map.of(
            "opened",
                    Map.of(
                            "assign",
                            "assigned",
                            "record-campaign-inspection",
                            "inspected",
                            "escalate",
                            "escalated",
                            "refer",
                            "referred",
                            "resolve",
                            "closed"),
            "assigned",
                    Map.of(
                            "assign",
                            "assigned",
                            "schedule-inspection",
                            "inspection-scheduled",
                            "record-campaign-inspection",
                            "inspected",
                            "escalate",
                            "escalated",
                            "refer",
                            "referred",
                            "resolve",
                            "closed"),
            "inspection-scheduled",
                    Map.of(
                            "schedule-inspection",
                            "inspection-scheduled",
                            "record-inspection",
                            "inspected",
                            "record-campaign-inspection",
                            "inspected",
                            "escalate",
                            "escalated",
                            "resolve",
                            "closed"),
            "inspected",
                    Map.of(
                            "order-rectification",
                            "rectification-ordered",
                            "close",
                            "closed",
                            "escalate",
                            "escalated",
                            "resolve",
                            "closed"),
            "rectification-ordered", Map.of("close", "closed", "escalate", "escalated", "resolve", "closed"),
            "escalated",
                    Map.of(
                            "assign",
                            "assigned",
                            "schedule-inspection",
                            "inspection-scheduled",
                            "record-campaign-inspection",
                            "inspected",
                            "order-rectification",
                            "rectification-ordered",
                            "escalate",
                            "escalated",
                            "close",
                            "closed",
                            "resolve",
                            "closed"),
            "referred", Map.of("accept-referral", "opened", "refuse-referral", "opened", "resolve", "closed"),
            "closed", Map.of());

    static Stream<Arguments> everyStateAndAction() {
        List<Arguments> all = new ArrayList<>();
        for (CaseStatus s : CaseStatus.values()) {
            for (Action a : Action.values()) {
                all.add(Arguments.of(s, a));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyStateAndAction")
    void allowsExactlyTheProceduresTransitionsAndRefusesEveryOther(CaseStatus from, Action action) {
        String expected = EXPECTED.get(from.wire()).get(action.wire());
        if (expected == null) {
            assertThat(Lifecycle.next(from, action))
                    .as("%s must refuse %s", from.wire(), action.wire())
                    .isEmpty();
            assertThat(Lifecycle.allowed(from)).doesNotContain(action);
        } else {
            assertThat(Lifecycle.next(from, action))
                    .as("%s + %s", from.wire(), action.wire())
                    .contains(CaseStatus.of(expected));
            assertThat(Lifecycle.allowed(from)).contains(action);
        }
    }

    @ParameterizedTest
    @MethodSource("everyStateAndAction")
    void onlyAClosedCaseIsTerminal(CaseStatus from, Action ignored) {
        assertThat(Lifecycle.terminal(from)).isEqualTo(from == CaseStatus.CLOSED);
    }
}
