package cn.lantian.enforcement.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.enforcement.web.Page;
import cn.lantian.testsupport.JsonShape;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * A page of closed cases serialises, with the mapper this service answers with, to the shape the portal reads: the
 * published example {@code contract/public-api/enforcement-cases.example.json}.
 */
@SpringBootTest(classes = JacksonAutoConfiguration.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class PublicOutcomeContractTests {

    @Autowired
    JsonMapper json;

    @Test
    void pageOfClosedCasesHasThePublishedShape() {
        var outcome = new PublicOutcome(
                "case-1",
                "ent-1",
                "653101",
                "xpcc-3-41",
                "lantian.stationary.emission-limit-exceeded.v1",
                "permit-limit",
                "排污许可管理条例",
                "NOx above the limit",
                Instant.parse("2024-10-03T02:10:00Z"),
                Instant.parse("2024-10-28T08:00:00Z"),
                "责令改正并处罚款");

        var differences = JsonShape.differences(
                JsonShape.resource("contract/public-api/enforcement-cases.example.json"),
                json.valueToTree(new Page<>(List.of(outcome), "7")));

        assertThat(differences).isEmpty();
    }
}
