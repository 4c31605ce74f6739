package cn.lantian.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** docker-compose.yml is a valid Compose file: checked against the Compose Specification's own schema. */
class ComposeSpecificationTests {

    @Test
    void theComposeFileFollowsTheComposeSpecification() throws IOException {
        Schema specification = specification();
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("../docker-compose.yml")));
        JsonNode document = JsonMapper.builder().build().valueToTree(compose);

        List<Error> errors = specification.validate(document);

        assertThat(errors).extracting(Error::toString).isEmpty();
    }

    @Test
    void theSchemaRejectsWhatComposeRejects() throws IOException {
        // A positive control: a misspelt service key must fail, or the check above proves nothing.
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("../docker-compose.yml")));
        @SuppressWarnings("unchecked")
        Map<String, Object> gateway =
                (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get("gateway");
        gateway.put("healthchek", gateway.get("healthcheck"));
        JsonNode document = JsonMapper.builder().build().valueToTree(compose);

        assertThat(specification().validate(document))
                .extracting(Error::toString)
                .anyMatch(e -> e.contains("healthchek"));
    }

    private static Schema specification() throws IOException {
        try (InputStream in = ComposeSpecificationTests.class.getResourceAsStream("/compose-spec/compose-spec.json")) {
            assertThat(in).as("compose-spec.json").isNotNull();
            ObjectNode schema = (ObjectNode) JsonMapper.builder().build().readTree(in);
            // Its $id is relative ("compose_spec.json"), which the validator refuses as a base: make it absolute (its
            // references all point inside the file).
            schema.put("$id", "https://compose-spec.io/schema/compose-spec.json");
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(schema);
        }
    }
}
