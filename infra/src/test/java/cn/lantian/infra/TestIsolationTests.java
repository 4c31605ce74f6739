package cn.lantian.infra;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.testsupport.Infrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The test suite leaves a platform running beside it alone: every module's tests talk to RabbitMQ in the tests' own
 * virtual host (where the launcher declares the same exchanges), so no test message reaches the platform's exchanges
 * and queues; they use {@code _test} databases and search indices apart from the platform's. Read from the sources, so
 * that a new module or test that forgets it fails here before it ever touches a running platform.
 */
class TestIsolationTests {

    static final Path ROOT = Path.of("..");
    static final Pattern DATABASE_IN_CODE = Pattern.compile("POSTGRES_(?:R2DBC|JDBC) \\+ \"([a-z_]+)\"");
    static final Pattern SPRING_BOOT_TEST = Pattern.compile("^@SpringBootTest", Pattern.MULTILINE);
    static final Pattern DATABASE_IN_URL = Pattern.compile("postgresql://[^/\\s]+/([A-Za-z0-9_]+)");

    @Test
    void everyModuleThatTalksToRabbitMqTestsInTheTestVirtualHost() {
        List<Path> modules = modulesWithSpringBootTests();
        assertThat(modules).as("modules with Spring Boot tests").isNotEmpty();
        for (Path module : modules) {
            if (!talksToRabbitMq(module)) {
                continue;
            }
            List<Object> vhosts = testConfiguration(module).stream()
                    .map(config -> config.get("spring.rabbitmq.virtual-host"))
                    .filter(v -> v != null)
                    .toList();
            assertThat(vhosts)
                    .as(module + ": spring.rabbitmq.virtual-host in its test configuration")
                    .isNotEmpty()
                    .allMatch(Infrastructure.RABBITMQ_TEST_VHOST::equals);
        }
    }

    @Test
    void rawBrokerConnectionsInTestsChooseTheTestVirtualHost() {
        for (Path source : testSources()) {
            String code = read(source);
            if (code.contains("new ConnectionFactory(") || code.contains("new CachingConnectionFactory(")) {
                assertThat(code).as(source + " opens its own broker connection").contains("setVirtualHost(");
            }
        }
    }

    @Test
    void testsUseTestDatabasesOnly() {
        List<String> seen = new ArrayList<>();
        for (Path source : testSources()) {
            Matcher m = DATABASE_IN_CODE.matcher(read(source));
            while (m.find()) {
                seen.add(m.group(1));
                assertThat(m.group(1)).as(source.toString()).endsWith("_test");
            }
        }
        for (Path module : modulesWithSpringBootTests()) {
            for (Map<String, Object> config : testConfiguration(module)) {
                config.forEach((key, value) -> {
                    Matcher m = DATABASE_IN_URL.matcher(String.valueOf(value));
                    while (m.find()) {
                        seen.add(m.group(1));
                        assertThat(m.group(1)).as(module + ": " + key).endsWith("_test");
                    }
                });
            }
        }
        assertThat(seen).as("databases named by the tests").isNotEmpty();
    }

    @Test
    void indexerTestsUseIndicesApartFromThePlatformsOnes() {
        Path indexer = ROOT.resolve("services/indexer");
        assertThat(testConfiguration(indexer))
                .anySatisfy(config -> assertThat((String) config.get("lantian.indexer.index-prefix"))
                        .startsWith("lantian-test-"));
        assertThat(read(indexer.resolve("src/test/java/cn/lantian/indexer/IndexerIntegrationSupport.java")))
                .contains("registry.add(\"lantian.indexer.index-prefix\"");
    }

    @Test
    void gatewayTestsCountRequestsUnderARateLimitPrefixOfTheirOwn() {
        String base = read(ROOT.resolve("gateway/src/test/java/cn/lantian/gateway/GatewayIntegrationTest.java"));
        assertThat(base).contains("registry.add(\"lantian.gateway.rate-limit.key-prefix\"", "UUID.randomUUID()");
    }

    private static boolean talksToRabbitMq(Path module) {
        String pom = read(module.resolve("pom.xml"));
        return pom.contains("<artifactId>eventing</artifactId>")
                || pom.contains("stream-rabbit")
                || pom.contains("spring-boot-starter-amqp");
    }

    private static List<Path> modulesWithSpringBootTests() {
        try (Stream<Path> poms = Files.walk(ROOT, 3)) {
            return poms.filter(p -> p.getFileName().toString().equals("pom.xml"))
                    .map(Path::getParent)
                    .filter(m -> !m.normalize().toString().contains("bench") && !m.endsWith("system-tests"))
                    .filter(m -> sourcesUnder(m.resolve("src/test/java")).stream()
                            .anyMatch(s -> SPRING_BOOT_TEST.matcher(read(s)).find()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every test configuration file of the module, flattened to dotted keys. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> testConfiguration(Path module) {
        Path resources = module.resolve("src/test/resources");
        if (!Files.isDirectory(resources)) {
            return List.of();
        }
        List<Map<String, Object>> configs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(resources)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("application.*\\.ya?ml"))
                    .toList()) {
                for (Object document : new Yaml().loadAll(read(file))) {
                    if (document instanceof Map<?, ?> map) {
                        Map<String, Object> flat = new LinkedHashMap<>();
                        flatten("", (Map<String, Object>) map, flat);
                        configs.add(flat);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return configs;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> map, Map<String, Object> into) {
        map.forEach((key, value) -> {
            String name = prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key;
            if (value instanceof Map<?, ?> nested) {
                flatten(name, (Map<String, Object>) nested, into);
            } else {
                into.put(name, value);
            }
        });
    }

    private static List<Path> testSources() {
        try (Stream<Path> dirs = Files.walk(ROOT, 4)) {
            return dirs.filter(d -> d.endsWith(Path.of("src", "test", "java")))
                    .filter(d -> !d.normalize().toString().contains("bench")
                            && !d.toString().contains("system-tests"))
                    .flatMap(d -> sourcesUnder(d).stream())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> sourcesUnder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
