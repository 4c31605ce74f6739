package cn.lantian.infra;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.contract.EventContract;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The broker definitions the launcher imports declare exactly the contract's exchanges, plus the raw-data feeds of
 * its domains (readings and observations that agencies' systems send in, which are not domain events).
 */
class DefinitionsTests {

    @Test
    void declaresOneDurableTopicExchangePerDomainAndTheDeadLetterExchange() {
        JsonNode definitions = JsonMapper.builder()
                .build()
                .readTree(Path.of("rabbitmq/definitions.json").toFile());
        List<String> topics = new ArrayList<>();
        definitions.get("exchanges").forEach(e -> {
            assertThat(e.get("durable").asBoolean()).isTrue();
            if (e.get("type").asString().equals("topic")) {
                topics.add(e.get("name").asString());
            } else {
                assertThat(e.get("name").asString()).isEqualTo(EventContract.DEAD_LETTER_EXCHANGE);
            }
        });
        List<String> domainExchanges = EventContract.load().domains().stream()
                .map(EventContract::exchangeOf)
                .toList();
        assertThat(topics).containsAll(domainExchanges);
        assertThat(topics)
                .filteredOn(t -> !domainExchanges.contains(t))
                .containsExactlyInAnyOrder(
                        "lantian.air-quality.observations",
                        "lantian.stationary.readings",
                        "lantian.dust.readings",
                        "lantian.straw.fire-points",
                        "lantian.mobile.readings");
    }
}
