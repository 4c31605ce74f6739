package cn.lantian.stationary.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.testsupport.JsonShape;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public disclosure serialises, with the mapper this service answers with, to the shape the portal reads: the
 * published example {@code contract/public-api/stationary-enterprise.example.json}. Renaming or retyping a field
 * fails here before it silently empties the portal's enterprise page.
 */
@SpringBootTest(classes = JacksonAutoConfiguration.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class PublicDisclosureContractTests {

    @Autowired
    JsonMapper json;

    @Test
    void disclosureHasThePublishedShape() {
        var disclosed = new Disclosures.Disclosed(
                "ent-1",
                "喀什某水泥有限公司",
                "cement",
                "653101",
                "xpcc-3-41",
                "completed",
                List.of(new Disclosures.PublicPermit(
                        "P-1", LocalDate.of(2022, 7, 1), LocalDate.of(2027, 6, 30), "valid")),
                List.of(new Disclosures.PublicExceedance(
                        "DA001", "NOx", Instant.parse("2024-10-03T02:00:00Z"), 128.4, 100, 1.284, false)));

        var differences = JsonShape.differences(
                JsonShape.resource("contract/public-api/stationary-enterprise.example.json"),
                json.valueToTree(disclosed));

        assertThat(differences).isEmpty();
    }
}
