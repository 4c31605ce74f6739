package cn.lantian.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The services of docker-compose.yml, which cannot run here, must stay what the launcher starts: every service of
 * infra/services.txt, in its order, on its port, with the launcher's settings, JVM flags and credentials, and from
 * the image its module builds.
 */
class ComposePlatformTests {

    static final List<String> INFRASTRUCTURE = List.of("postgres", "redis", "rabbitmq", "elasticsearch", "keycloak");

    static Map<String, Map<String, Object>> compose;
    static List<String[]> launched = new ArrayList<>();
    static String launcher;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        try (Reader in = Files.newBufferedReader(Path.of("../docker-compose.yml"))) {
            compose = (Map<String, Map<String, Object>>) ((Map<String, Object>) new Yaml().load(in)).get("services");
        }
        try (Stream<String> lines = Files.lines(Path.of("services.txt"))) {
            lines.map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(l -> launched.add(l.split("\\s+")));
        }
        launcher = Files.readString(Path.of("../lantian"));
    }

    @Test
    void composeRunsTheInfrastructureAndEveryServiceOfTheLauncherInItsOrder() {
        List<String> expected = new ArrayList<>(INFRASTRUCTURE);
        launched.forEach(s -> expected.add(s[0]));
        assertThat(compose.keySet()).containsExactlyElementsOf(expected);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyServiceRunsItsModulesImageOnTheLaunchersPortWithTheLaunchersSettings() throws IOException {
        for (String[] service : launched) {
            String name = service[0];
            String port = service[1];
            Path module = Path.of("..", service[2]);
            Map<String, Object> entry = compose.get(name);
            String pom = Files.readString(module.resolve("pom.xml"));

            assertThat(pom)
                    .as(name + " builds its image on its port")
                    .contains("<artifactId>" + name + "</artifactId>")
                    .contains("<jib.skip>false</jib.skip>")
                    .contains("<lantian.image.port>" + port + "</lantian.image.port>");
            assertThat(entry.get("image")).as(name).isEqualTo("lantian/" + name + ":" + projectVersion());
            // One host name for the token issuer and every infrastructure address, as under the launcher.
            assertThat(entry.get("network_mode")).as(name).isEqualTo("host");

            Map<String, Object> env = (Map<String, Object>) entry.get("environment");
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put("SERVER_PORT", port);
            expected.put("SERVER_ADDRESS", "127.0.0.1");
            expected.put("LANTIAN_DEMO_ENABLED", "true");
            expected.put("JAVA_TOOL_OPTIONS", String.join(" ", launcherJvmFlags(module)));
            credentialKeys(name).forEach(key -> expected.put(key, String.valueOf(env.get(key))));
            assertThat(stringValues(env)).as(name + " environment").isEqualTo(expected);
            assertThat(launcher)
                    .as("the launcher starts services with these settings")
                    .contains("SERVER_PORT=\"$port\" SERVER_ADDRESS=127.0.0.1 LANTIAN_DEMO_ENABLED=true");

            Map<String, Object> health = (Map<String, Object>) entry.get("healthcheck");
            assertThat(String.join(" ", (List<String>) health.get("test")))
                    .as(name + " is healthy when the launcher's check passes")
                    .contains("/dev/tcp/127.0.0.1/" + port, "GET /actuator/health", "\"status\":\"UP\"");
            assertThat(launcher).contains("curl -fs \"http://127.0.0.1:$port/actuator/health\"");

            Map<String, Object> dependsOn = (Map<String, Object>) entry.get("depends_on");
            assertThat(dependsOn.keySet())
                    .as(name + " waits for infrastructure only")
                    .isSubsetOf(INFRASTRUCTURE);
            dependsOn
                    .values()
                    .forEach(d -> assertThat(((Map<String, Object>) d).get("condition"))
                            .isEqualTo("service_healthy"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void servicesWaitForTheInfrastructureTheirConfigurationNames() throws IOException {
        for (String[] service : launched) {
            Path config = Path.of("..", service[2], "src/main/resources/application.yaml");
            String yaml = Files.readString(config);
            Map<String, Object> dependsOn =
                    (Map<String, Object>) compose.get(service[0]).get("depends_on");
            if (yaml.contains("r2dbc:postgresql://")) {
                assertThat(dependsOn).as(service[0]).containsKey("postgres");
            }
            if (yaml.contains("rabbitmq:")) {
                assertThat(dependsOn).as(service[0]).containsKey("rabbitmq");
            }
            if (yaml.contains(":9200")) {
                assertThat(dependsOn).as(service[0]).containsKey("elasticsearch");
            }
            if (yaml.contains("redis:")) {
                assertThat(dependsOn).as(service[0]).containsKey("redis");
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void infrastructureThatServicesWaitForHasAHealthCheck() {
        compose.values().stream()
                .filter(entry -> entry.containsKey("depends_on"))
                .flatMap(entry -> ((Map<String, Object>) entry.get("depends_on")).keySet().stream())
                .distinct()
                .forEach(dependency -> assertThat(compose.get(dependency))
                        .as(dependency + " has a health check")
                        .containsKey("healthcheck"));
    }

    /** The launcher's shared flags (its jvm_flags function), then the module's jvm.options. */
    private static List<String> launcherJvmFlags(Path module) throws IOException {
        Matcher shared = Pattern.compile("jvm_flags\\(\\) \\{[^\\n]*\\n\\s*printf '%s\\\\n' ([^\\n]+)")
                .matcher(launcher);
        assertThat(shared.find()).as("the launcher's jvm_flags").isTrue();
        List<String> flags = new ArrayList<>(List.of(shared.group(1).strip().split("\\s+")));
        Path options = module.resolve("jvm.options");
        if (Files.exists(options)) {
            try (Stream<String> lines = Files.lines(options)) {
                lines.map(String::strip)
                        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                        .forEach(flags::add);
            }
        }
        return flags;
    }

    /** The environment variable names the launcher's service_env gives this service (none for most). */
    private static List<String> credentialKeys(String name) {
        Matcher function = Pattern.compile("service_env\\(\\) \\{(.*?)\\n\\}", Pattern.DOTALL)
                .matcher(launcher);
        assertThat(function.find()).as("the launcher's service_env").isTrue();
        Matcher line = Pattern.compile("\\n\\s*" + Pattern.quote(name) + "\\) echo (.*?) ;;")
                .matcher(function.group(1));
        List<String> keys = new ArrayList<>();
        if (line.find()) {
            Matcher key = Pattern.compile("\"([A-Z_]+)=").matcher(line.group(1));
            while (key.find()) {
                keys.add(key.group(1));
            }
        }
        return keys;
    }

    private static String projectVersion() throws IOException {
        Matcher version = Pattern.compile("<artifactId>lantian-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("../pom.xml")));
        assertThat(version.find()).isTrue();
        return version.group(1);
    }

    private static Map<String, String> stringValues(Map<String, Object> env) {
        Map<String, String> values = new LinkedHashMap<>();
        env.forEach((k, v) -> values.put(k, String.valueOf(v)));
        return values;
    }
}
