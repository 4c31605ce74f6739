package cn.lantian.greening.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.lantian.greening.web.Checks;
import cn.lantian.web.InvalidInput;
import org.junit.jupiter.api.Test;

class RulesTests {

    private final Rules rules = new Rules();

    @Test
    void everyRuleTheCodeUsesIsInTheTableWithItsSourceAndStatus() {
        assertThat(rules.all()).extracting(Rule::id).containsAll(Rules.USED);
        assertThat(rules.all()).allSatisfy(r -> {
            assertThat(r.source()).isNotBlank();
            assertThat(r.status()).isIn("confirmed", "unconfirmed");
        });
        // The survival figures were recalled, not read in GB/T 15776: they stay marked so until read.
        assertThat(rules.all())
                .filteredOn(r -> r.id().startsWith("survival."))
                .extracting(Rule::status)
                .containsOnly("unconfirmed");
    }

    @Test
    void oneHectareIsFifteenMu() {
        assertThat(rules.mu(1)).isEqualTo(15);
        assertThat(rules.hectares(150)).isEqualTo(10);
        assertThat(Areas.of(10, rules)).isEqualTo(new Areas(10, 150));
        assertThat(Areas.of(1.0 / 3, rules)).isEqualTo(new Areas(0.3333, 5));
        assertThat(new AreaInput(150.0, "mu").hectares(rules)).isEqualTo(10);
        assertThat(new AreaInput(10.0, "ha").hectares(rules)).isEqualTo(10);
        // A mu is 10,000/15 m².
        assertThat(10_000 / rules.value(Rules.MU_PER_HECTARE)).isCloseTo(666.67, within(0.01));
    }

    @Test
    void anAreaIsCheckedInTheUnitItWasGivenIn() {
        assertThat(errors(new AreaInput(1500.0, "mu"), 100)).isNull();
        assertThat(errors(new AreaInput(1500.01, "mu"), 100)).isEqualTo("planned.value: must be between 0 and 1500");
        assertThat(errors(new AreaInput(100.0, "ha"), 100)).isNull();
        assertThat(errors(new AreaInput(-0.01, "ha"), 100)).isEqualTo("planned.value: must be between 0 and 100");
        assertThat(errors(new AreaInput(1.0, "acre"), 100)).isEqualTo("planned.unit: must be one of mu, ha");
        assertThat(errors(new AreaInput(null, "mu"), 100)).isEqualTo("planned.value: is required");
    }

    private String errors(AreaInput input, double maxHectares) {
        Checks checks = new Checks();
        input.check(checks, "planned", rules, maxHectares);
        try {
            checks.done();
            return null;
        } catch (InvalidInput e) {
            return e.errors().get(0).field() + ": " + e.errors().get(0).reason();
        }
    }

    @Test
    void survivalVerdictsAtTheirEdges() {
        double qualified = rules.value(Rules.SURVIVAL_QUALIFIED);
        double replantAll = rules.value(Rules.SURVIVAL_REPLANT_ALL);
        assertThat(rules.survivalVerdict(100)).isEqualTo("qualified");
        assertThat(rules.survivalVerdict(qualified)).isEqualTo("qualified");
        assertThat(rules.survivalVerdict(qualified - 0.01)).isEqualTo("replant-gaps");
        assertThat(rules.survivalVerdict(replantAll)).isEqualTo("replant-gaps");
        assertThat(rules.survivalVerdict(replantAll - 0.01)).isEqualTo("replant-all");
        assertThat(rules.survivalVerdict(0)).isEqualTo("replant-all");
    }

    @Test
    void theClosureMinimumAndTheSixWorkItemsOfTheNationalMeasures() {
        assertThat(rules.value(Rules.CLOSURE_MIN_AREA)).isEqualTo(100);
        WorkItems items = new WorkItems();
        assertThat(items.ids())
                .containsExactly(
                        "closure-facilities", "ranger-team", "sand-fixing", "monitoring", "publicity", "records");
        assertThat(items.all()).allSatisfy(i -> assertThat(i.source()).contains("林沙发〔2015〕66号"));
    }
}
