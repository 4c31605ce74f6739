package cn.lantian.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks an answer against the platform's one problem-details shape, the JSON Schema
 * {@code contract/public-api/problem.schema.json} of the event contract.
 */
public final class ProblemShape {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(JsonShape.resource("contract/public-api/problem.schema.json")
                    .toString());

    private ProblemShape() {}

    /** Every way {@code body} breaks the shape, as readable lines; empty when it honours it. */
    public static List<String> violations(String body) {
        JsonNode node;
        try {
            node = JSON.readTree(body == null ? "" : body);
        } catch (RuntimeException e) {
            return List.of("body is not JSON: " + abbreviate(body));
        }
        if (node == null || node.isMissingNode()) {
            return List.of("body is empty");
        }
        List<String> found = new ArrayList<>();
        SCHEMA.validate(node).forEach(e -> found.add(e.getInstanceLocation() + ": " + e.getMessage()));
        return found;
    }

    /**
     * Asserts that {@code body} honours the shape and carries {@code status}; returns the parsed document for
     * further checks.
     */
    public static JsonNode assertProblem(String body, int status) {
        assertThat(violations(body)).as("problem shape of %s", abbreviate(body)).isEmpty();
        JsonNode node = JSON.readTree(body);
        assertThat(node.get("status").asInt())
                .as("status member of %s", abbreviate(body))
                .isEqualTo(status);
        return node;
    }

    private static String abbreviate(String body) {
        return body == null ? "null" : body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
