package cn.lantian.portal.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The portal reads every field it shows from the owners' published examples ({@code contract/public-api/} in the
 * event contract), which the owners' own tests hold their records to: stationary's
 * {@code PublicDisclosureContractTests} and enforcement's {@code PublicOutcomeContractTests}.
 */
class DisclosuresTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode example(String name) throws Exception {
        try (InputStream in =
                DisclosuresTests.class.getClassLoader().getResourceAsStream("contract/public-api/" + name)) {
            return JSON.readTree(in);
        }
    }

    @Test
    void readsEveryFieldOfStationarysDisclosure() throws Exception {
        Enterprise e = Disclosures.enterprise(example("stationary-enterprise.example.json"));

        assertThat(e).hasNoNullFieldsOrProperties();
        assertThat(e.id()).isEqualTo("ent-kashgar-cement-01");
        assertThat(e.name()).isEqualTo("喀什某水泥有限公司");
        assertThat(e.county()).isEqualTo("653101");
        assertThat(e.corpsUnit()).isEqualTo("xpcc-3-41");
        assertThat(e.ultraLow()).isEqualTo("completed");
        assertThat(e.permits())
                .singleElement()
                .isEqualTo(new Enterprise.Permit(
                        "91653100MA7XYZ0001001P", LocalDate.of(2022, 7, 1), LocalDate.of(2027, 6, 30), "valid"));
        assertThat(e.exceedances())
                .singleElement()
                .isEqualTo(new Enterprise.Exceedance(
                        "DA001", "NOx", Instant.parse("2024-10-03T02:00:00Z"), 128.4, 100.0, 1.284, false));
    }

    @Test
    void readsEveryFieldOfEnforcementsClosedCase() throws Exception {
        JsonNode item = example("enforcement-cases.example.json").get("items").get(0);

        assertThat(Disclosures.closed(item)).isTrue();
        ClosedCase c = Disclosures.closedCase(item);
        assertThat(c).hasNoNullFieldsOrProperties();
        assertThat(c.enterpriseId()).isEqualTo("ent-kashgar-cement-01");
        assertThat(c.closedAt()).isEqualTo(Instant.parse("2024-10-28T08:00:00Z"));
        assertThat(c.outcome()).isEqualTo("责令改正并处罚款");
    }

    @Test
    void dropsAnItemThatIsNotPlainlyClosed() throws Exception {
        ObjectNode item = (ObjectNode)
                example("enforcement-cases.example.json").get("items").get(0);

        assertThat(Disclosures.closed(item.deepCopy().putNull("closedAt"))).isFalse();
        assertThat(Disclosures.closed(item.deepCopy().put("status", "inspecting")))
                .isFalse();
        assertThat(Disclosures.closed(item.deepCopy().put("status", "closed"))).isTrue();
    }
}
