package cn.lantian.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The image tarballs that `mvn package jib:buildTar` wrote (deploy/README.md): each runs its module's application on
 * the launcher's port, says so in its metadata, and carries a health check. CI builds the portal's before the tests
 * (.ci/run); elsewhere the test checks the tarballs that are there and is skipped when there are none.
 */
class ImageTarballTests {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyBuiltImageRunsItsApplicationOnTheLaunchersPortWithAHealthCheck() throws IOException {
        List<String[]> built = new ArrayList<>();
        try (Stream<String> lines = Files.lines(Path.of("../infra/services.txt"))) {
            lines.map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.split("\\s+"))
                    .filter(s -> Files.exists(tarball(s[2])))
                    .forEach(built::add);
        }
        boolean ci = "true".equals(System.getenv("CI"));
        assumeTrue(ci || !built.isEmpty(), "no image tarball built (mvn package jib:buildTar)");
        assertThat(built).as("image tarballs built before the tests").isNotEmpty();

        for (String[] service : built) {
            String name = service[0];
            String port = service[1];
            Map<String, byte[]> entries = entries(tarball(service[2]));
            JsonNode manifest = JSON.readTree(entries.get("manifest.json")).get(0);
            assertThat(manifest.get("RepoTags").get(0).asText()).startsWith("lantian/" + name + ":");
            JsonNode config = JSON.readTree(entries.get(manifest.get("Config").asText()));
            JsonNode container = config.get("config");

            List<String> entrypoint = new ArrayList<>();
            container.get("Entrypoint").forEach(e -> entrypoint.add(e.asText()));
            assertThat(entrypoint.get(0)).isEqualTo("java");
            assertThat(entrypoint).contains("-XX:MaxRAMPercentage=75", "@/app/jib-classpath-file");
            String mainClass = entrypoint.get(entrypoint.size() - 1);
            assertThat(Path.of("..", service[2], "target/classes", mainClass.replace('.', '/') + ".class"))
                    .as(name + " main class")
                    .isRegularFile();

            assertThat(container.get("ExposedPorts").has(port + "/tcp"))
                    .as(name + " exposes " + port)
                    .isTrue();
            List<String> env = new ArrayList<>();
            container.get("Env").forEach(e -> env.add(e.asText()));
            assertThat(env).contains("SERVER_PORT=" + port, "SERVER_ADDRESS=0.0.0.0");
            assertThat(container.get("User").asText()).isEqualTo("10001:10001");
            assertThat(container
                            .get("Labels")
                            .get("org.opencontainers.image.title")
                            .asText())
                    .isEqualTo(name);

            // The health check comes from the base image (deploy/images/base-image.sh); a registry base may lack it.
            JsonNode health = container.get("Healthcheck");
            if (health != null || ci) {
                assertThat(health).as(name + " health check").isNotNull();
                assertThat(health.get("Test").toString()).contains("${SERVER_PORT", "/actuator/health");
            }
            int layers = manifest.get("Layers").size();
            assertThat(layers).as("base, dependencies, resources, classes").isGreaterThanOrEqualTo(4);
            manifest.get("Layers").forEach(l -> assertThat(entries).containsKey(l.asText()));
        }
    }

    private static Path tarball(String module) {
        return Path.of("..", module, "target/jib-image.tar");
    }

    /** The small entries (manifest and configuration) with their bytes; layers only by name. */
    private static Map<String, byte[]> entries(Path tar) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (InputStream in = Files.newInputStream(tar)) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                String name = new String(header, 0, 100).trim().replace("\0", "");
                long size = Long.parseLong(
                        new String(header, 124, 12).replace("\0", "").trim(), 8);
                boolean small = name.endsWith(".json");
                byte[] data = small ? in.readNBytes((int) size) : new byte[0];
                if (!small) {
                    in.skipNBytes(size);
                }
                in.skipNBytes((512 - size % 512) % 512);
                entries.put(name, data);
            }
        }
        return entries;
    }
}
