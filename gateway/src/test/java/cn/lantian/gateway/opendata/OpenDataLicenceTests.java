package cn.lantian.gateway.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The gateway's copy of the licence says what the portal's says. */
class OpenDataLicenceTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void copiesThePortalsLicenceApartFromItsNote() throws IOException {
        ObjectNode portal = (ObjectNode) JSON.readTree(
                Files.readString(Path.of("..", "portal", "src", "main", "resources", "data", "licence.json")));
        ObjectNode gateway;
        try (InputStream in = getClass().getResourceAsStream("/opendata/licence.json")) {
            gateway = (ObjectNode) JSON.readTree(in);
        }
        JsonNode portalNote = portal.remove("_why");
        JsonNode gatewayNote = gateway.remove("_why");
        assertThat(gatewayNote.asString()).contains("portal").isNotEqualTo(portalNote.asString());
        assertThat(gateway).isEqualTo(portal);
    }
}
