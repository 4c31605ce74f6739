package cn.lantian.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class EventContractTests {

    static final EventContract CONTRACT = EventContract.load();
    static final Path RESOURCES = Path.of("src/main/resources/contract");

    static Stream<EventType> types() {
        return CONTRACT.types().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void everyTypeIsNamedAndRoutedByTheConvention(EventType type) {
        assertThat(type.type()).matches("lantian\\.[a-z][a-z-]*\\.[a-z][a-z-]*\\.v[1-9][0-9]*");
        assertThat(type.type()).startsWith("lantian." + type.domain() + ".");
        assertThat(type.exchange()).isEqualTo(EventContract.exchangeOf(type.domain()));
        assertThat(type.routingKey()).isEqualTo(type.type());
        assertThat(CONTRACT.domains()).contains(type.domain());
        assertThat(type.schema()).endsWith(".v" + type.version() + ".schema.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void everyTypeHasASchemaAndAValidExample(EventType type) {
        assertThat(RESOURCES.resolve(type.schema())).isRegularFile();
        assertThat(RESOURCES.resolve(type.example())).isRegularFile();
        JsonNode example = CONTRACT.example(type);
        assertThat(example.get("type").asString()).isEqualTo(type.type());
        assertThat(CONTRACT.violations(example)).isEmpty();
    }

    @Test
    void everySchemaFileIsInTheCatalogue() throws IOException {
        List<String> listed = CONTRACT.types().stream().map(EventType::schema).toList();
        try (Stream<Path> files = Files.walk(RESOURCES.resolve("events"))) {
            List<String> onDisk = files.filter(p -> p.toString().endsWith(".schema.json"))
                    .map(p -> RESOURCES.relativize(p).toString())
                    .toList();
            assertThat(listed).containsExactlyInAnyOrderElementsOf(onDisk);
        }
    }

    @Test
    void everyDomainPublishesSomething() {
        assertThat(CONTRACT.domains())
                .allSatisfy(domain -> assertThat(CONTRACT.types())
                        .anySatisfy(t -> assertThat(t.domain()).isEqualTo(domain)));
        assertThat(CONTRACT.domains())
                .contains("stationary", "mobile", "dust", "straw", "greening", "air-quality", "enforcement", "audit");
    }

    @Test
    void rejectsAnEventWithoutJurisdictionNamingTheAttribute() {
        ObjectNode event = permitIssued();
        event.remove("jurisdiction");
        assertThat(CONTRACT.violations(event)).singleElement().asString().contains("jurisdiction");
    }

    @Test
    void rejectsAnUnknownType() {
        ObjectNode event = permitIssued();
        event.put("type", "lantian.stationary.permit-stolen.v1");
        assertThat(CONTRACT.violations(event)).anySatisfy(v -> assertThat(v).contains("unknown event type"));
    }

    @Test
    void rejectsDataThatBreaksTheSchemaNamingTheField() {
        ObjectNode event = permitIssued();
        ((ObjectNode) event.get("data")).remove("permitNumber");
        ((ObjectNode) event.get("data")).put("validUntil", "next year");
        List<String> violations = CONTRACT.violations(event);
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("permitNumber"));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("validUntil"));
    }

    @Test
    void rejectsAMalformedTimeAndAnAttributeNameCloudEventsForbids() {
        ObjectNode event = permitIssued();
        event.put("time", "yesterday");
        event.put("Bad_Name", "x");
        List<String> violations = CONTRACT.violations(event);
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("time"));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("Bad_Name"));
    }

    @Test
    void rejectsBytesThatAreNotJson() {
        assertThat(CONTRACT.violations("{not json".getBytes()))
                .singleElement()
                .asString()
                .contains("not valid JSON");
    }

    @Test
    void derivesTheDomainFromATypeName() {
        assertThat(EventContract.domainOf("lantian.air-quality.alert-issued.v1"))
                .contains("air-quality");
        assertThat(EventContract.domainOf("something.else")).isEmpty();
        assertThat(EventContract.domainOf(null)).isEmpty();
    }

    private static ObjectNode permitIssued() {
        return (ObjectNode) CONTRACT.example(
                        CONTRACT.type("lantian.stationary.permit-issued.v1").orElseThrow())
                .deepCopy();
    }
}
