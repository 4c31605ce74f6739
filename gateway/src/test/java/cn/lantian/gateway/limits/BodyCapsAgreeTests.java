package cn.lantian.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.yaml.snakeyaml.Yaml;

/**
 * The gateway relays every upload its service accepts: its {@code larger-bodies} are exactly the services' own
 * ({@code lantian.web.larger-bodies} of each service's configuration in this repository), cap for cap.
 */
class BodyCapsAgreeTests {

    private static final Path SERVICES = Path.of("..", "services");

    @Test
    void theGatewaysUploadCapsAreTheServices() throws IOException {
        Map<String, DataSize> services = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(SERVICES)) {
            for (Path config : dirs.map(d -> d.resolve("src/main/resources/application.yaml"))
                    .filter(Files::exists)
                    .toList()) {
                services.putAll(caps(section(load(config), "lantian", "web")));
            }
        }
        Map<String, DataSize> gateway =
                caps(section(load(Path.of("src/main/resources/application.yaml")), "lantian", "gateway"));

        assertThat(services).as("the services' larger bodies").isNotEmpty();
        assertThat(gateway).isEqualTo(services);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(Path config) throws IOException {
        Map<String, Object> merged = new TreeMap<>();
        // A file may hold several documents (profiles); the first is the default one.
        for (Object document : new Yaml().loadAll(Files.readString(config))) {
            if (document instanceof Map<?, ?> map) {
                map.forEach((k, v) -> merged.putIfAbsent((String) k, v));
            }
        }
        return merged;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> root, String... keys) {
        Map<String, Object> at = root;
        for (String key : keys) {
            Object next = at.get(key);
            if (!(next instanceof Map)) {
                return Map.of();
            }
            at = (Map<String, Object>) next;
        }
        return at;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, DataSize> caps(Map<String, Object> section) {
        Map<String, DataSize> caps = new TreeMap<>();
        Object larger = section.get("larger-bodies");
        if (larger instanceof List<?> list) {
            for (Object entry : list) {
                Map<String, Object> body = (Map<String, Object>) entry;
                caps.put((String) body.get("path"), DataSize.parse(String.valueOf(body.get("max"))));
            }
        }
        return caps;
    }
}
