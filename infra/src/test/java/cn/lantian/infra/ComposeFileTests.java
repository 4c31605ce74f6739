package cn.lantian.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** docker-compose.yml, which cannot run here, must stay equal to the native configuration the launcher uses. */
class ComposeFileTests {

    static Map<String, Map<String, Object>> services;
    static Properties versions = new Properties();

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        try (Reader in = Files.newBufferedReader(Path.of("../docker-compose.yml"))) {
            services = (Map<String, Map<String, Object>>) ((Map<String, Object>) new Yaml().load(in)).get("services");
        }
        try (Reader in = Files.newBufferedReader(Path.of("versions.env"))) {
            versions.load(in);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void elasticsearchHasTheSameVersionPortAndSettings() throws IOException {
        Map<String, Object> es = services.get("elasticsearch");
        assertThat((String) es.get("image")).endsWith(":" + v("ELASTICSEARCH_VERSION"));
        assertThat(ports(es)).containsExactly("127.0.0.1:" + v("ELASTICSEARCH_PORT") + ":9200");
        Map<?, ?> env = (Map<?, ?>) es.get("environment");
        assertThat(env.get("discovery.type")).isEqualTo("single-node");
        assertThat(env.get("xpack.security.enabled")).isEqualTo("true");
        assertThat(env.get("xpack.security.http.ssl.enabled")).isEqualTo("false");
        assertThat((String) env.get("ES_JAVA_OPTS")).contains("-Xmx" + v("ELASTICSEARCH_HEAP"));
        assertThat(env.get("ELASTICSEARCH_ADMIN_PASSWORD")).isEqualTo(fromDotEnv("ELASTICSEARCH_ADMIN_PASSWORD"));
        assertThat(env.get("ELASTICSEARCH_INDEXER_PASSWORD")).isEqualTo(fromDotEnv("ELASTICSEARCH_INDEXER_PASSWORD"));
        // The same users and role as the launcher's.
        assertThat(String.join(" ", (List<String>) es.get("entrypoint")))
                .contains("useradd \"$$ELASTICSEARCH_INDEXER_USER\"", "-r lantian_indexer", "-r superuser");
        assertThat((List<String>) es.get("volumes"))
                .contains("./infra/elasticsearch/roles.yml:/usr/share/elasticsearch/config/roles.yml:ro");
        String launcher = Files.readString(Path.of("../lantian"));
        assertThat(launcher)
                .contains(
                        "-Expack.security.enabled=true",
                        "infra/elasticsearch/roles.yml",
                        "-r lantian_indexer",
                        "-r superuser");
    }

    /** A compose value that must come from the user's .env, under the key the launcher uses in .lantian/secrets.env. */
    private static String fromDotEnv(String key) throws IOException {
        assertThat(Files.readString(Path.of("../lantian")))
                .as("the launcher generates " + key)
                .contains(key + "=");
        return "${" + key + ":?set " + key + " in .env}";
    }

    @Test
    @SuppressWarnings("unchecked")
    void keycloakHasTheSameVersionPortHostnameAndRealm() throws IOException {
        Map<String, Object> kc = services.get("keycloak");
        assertThat((String) kc.get("image")).endsWith(":" + v("KEYCLOAK_VERSION"));
        assertThat(ports(kc)).containsExactly("127.0.0.1:" + v("KEYCLOAK_PORT") + ":" + v("KEYCLOAK_PORT"));
        assertThat((List<Object>) kc.get("command"))
                .contains(
                        "start-dev",
                        "--import-realm",
                        "--http-port=" + v("KEYCLOAK_PORT"),
                        "--hostname=http://127.0.0.1:" + v("KEYCLOAK_PORT"));
        assertThat((List<Object>) kc.get("volumes"))
                .anySatisfy(vol -> assertThat((String) vol)
                        .startsWith("./infra/keycloak/kashgar-realm.json:/opt/keycloak/data/import/"));
        Map<?, ?> env = (Map<?, ?>) kc.get("environment");
        assertThat(env.get("KC_BOOTSTRAP_ADMIN_USERNAME")).isEqualTo(v("KEYCLOAK_ADMIN"));
        assertThat(env.get("KC_BOOTSTRAP_ADMIN_PASSWORD")).isEqualTo(fromDotEnv("KEYCLOAK_ADMIN_PASSWORD"));
        String launcher = Files.readString(Path.of("../lantian"));
        assertThat(launcher).contains("--import-realm", "--hostname=http://127.0.0.1:");
    }

    @Test
    @SuppressWarnings("unchecked")
    void brokerDatabaseAndCacheUseTheSamePortsAndCredentials() throws IOException {
        assertThat(ports(services.get("rabbitmq"))).containsExactly("127.0.0.1:" + v("RABBITMQ_PORT") + ":5672");
        Map<?, ?> rabbit = (Map<?, ?>) services.get("rabbitmq").get("environment");
        assertThat(rabbit.get("RABBITMQ_DEFAULT_USER")).isEqualTo(v("RABBITMQ_USER"));
        assertThat(rabbit.get("RABBITMQ_DEFAULT_PASS")).isEqualTo(v("RABBITMQ_PASSWORD"));
        assertThat((String) services.get("rabbitmq").get("image")).startsWith("rabbitmq:3.10");

        assertThat(ports(services.get("postgres"))).containsExactly("127.0.0.1:" + v("POSTGRES_PORT") + ":5432");
        Map<?, ?> pg = (Map<?, ?>) services.get("postgres").get("environment");
        assertThat(pg.get("POSTGRES_USER")).isEqualTo(v("POSTGRES_USER"));
        assertThat(pg.get("POSTGRES_PASSWORD")).isEqualTo(v("POSTGRES_PASSWORD"));
        assertThat((String) services.get("postgres").get("image")).isEqualTo("postgres:15");
        assertThat(Path.of("postgres/compose-init.sh")).isRegularFile();

        assertThat(ports(services.get("redis"))).containsExactly("127.0.0.1:" + v("REDIS_PORT") + ":6379");
        assertThat((List<String>) services.get("redis").get("command"))
                .containsSequence("--requirepass", fromDotEnv("REDIS_PASSWORD"));
    }

    @Test
    void everyInfrastructureServiceOfTheLauncherIsInTheComposeFile() {
        // The platform's own services follow them (ComposePlatformTests).
        assertThat(services.keySet()).containsAll(ComposePlatformTests.INFRASTRUCTURE);
    }

    private static String v(String key) {
        String value = versions.getProperty(key);
        assertThat(value).as(key + " in infra/versions.env").isNotBlank();
        return value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> ports(Map<String, Object> service) {
        return (List<String>) service.get("ports");
    }
}
