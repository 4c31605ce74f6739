package cn.lantian.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders deploy/k8s with {@code kubectl kustomize} and checks every rendered object: the built-in kinds against the
 * Kubernetes object model (fabric8 kubernetes-model: every field must be one the model knows at that place and of its
 * type), the operators' resources against the kinds and versions the launcher uses, and all of it against the
 * launcher's topology (infra/services.txt, infra/versions.env, the services' own configuration).
 */
class KubernetesManifestsTests {

    static final Path ROOT = Path.of("..");
    static final Path K8S = Path.of("k8s");

    /** Secrets the manifests read that are made outside kustomize: by an operator or by the one who deploys. */
    static final Set<String> EXTERNAL_SECRETS = Set.of(
            "lantian-postgres-app", // CloudNativePG, owner of the bootstrap database
            "lantian-rabbitmq-default-user", // RabbitMQ Cluster Operator
            "lantian-credentials", // deploy/README.md: from the launcher's secrets file
            "lantian-elasticsearch-indexer"); // deploy/README.md: the indexer's file-realm user

    static final ObjectMapper STRICT = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
            .configure(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, true);

    static List<Map<String, Object>> rendered = new ArrayList<>();
    static Map<String, HasMetadata> typed = new LinkedHashMap<>();
    static List<String[]> launched = new ArrayList<>();
    static Properties versions = new Properties();
    static String renderedBy;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void render() throws Exception {
        String yaml = kustomize();
        for (Object doc : new Yaml().loadAll(yaml)) {
            if (doc != null) {
                rendered.add((Map<String, Object>) doc);
            }
        }
        for (Map<String, Object> object : rendered) {
            Class<? extends HasMetadata> type = builtIn((String) object.get("apiVersion"), (String) object.get("kind"));
            if (type != null) {
                HasMetadata model = STRICT.convertValue(object, type);
                typed.put(object.get("kind") + "/" + model.getMetadata().getName(), model);
            }
        }
        try (Stream<String> lines = Files.lines(ROOT.resolve("infra/services.txt"))) {
            lines.map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(l -> launched.add(l.split("\\s+")));
        }
        try (Reader in = Files.newBufferedReader(ROOT.resolve("infra/versions.env"))) {
            versions.load(in);
        }
    }

    /**
     * kubectl's kustomize where kubectl is installed (the machines of this project have it); else the resources that
     * kustomization.yaml lists, read as they are, with its namespace set: the generators and labels are then not
     * applied, and the test says so in its output.
     */
    @SuppressWarnings("unchecked")
    private static String kustomize() throws Exception {
        try {
            Process kubectl = new ProcessBuilder(
                            "kubectl", "kustomize", "--load-restrictor", "LoadRestrictionsNone", K8S.toString())
                    .redirectErrorStream(false)
                    .start();
            byte[] out = kubectl.getInputStream().readAllBytes();
            String err = new String(kubectl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(kubectl.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(kubectl.exitValue()).as("kubectl kustomize: " + err).isZero();
            renderedBy = "kubectl kustomize";
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException noKubectl) {
            renderedBy = "the listed resources (no kubectl on this machine: generators and labels not applied)";
            Map<String, Object> kustomization = new Yaml().load(Files.readString(K8S.resolve("kustomization.yaml")));
            StringBuilder all = new StringBuilder();
            for (String resource : (List<String>) kustomization.get("resources")) {
                all.append(Files.readString(K8S.resolve(resource))).append("\n---\n");
            }
            return all.toString();
        }
    }

    @Test
    void everyBuiltInObjectIsAValidKubernetesObject() throws Exception {
        System.out.println("deploy/k8s rendered by " + renderedBy + ": " + rendered.size() + " objects");
        assertThat(typed).hasSizeGreaterThan(launched.size() * 3);
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, HasMetadata> object : typed.entrySet()) {
            unknownFields(object.getValue(), object.getKey(), unknown, new HashSet<>());
            assertThat(object.getValue().getMetadata().getName()).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
        }
        assertThat(unknown)
                .as("fields the Kubernetes object model does not have")
                .isEmpty();
    }

    @Test
    void onlyKnownKindsAreRendered() {
        Set<String> allowed = Set.of(
                "v1/Namespace",
                "v1/ConfigMap",
                "v1/Secret",
                "v1/Service",
                "apps/v1/Deployment",
                "policy/v1/PodDisruptionBudget",
                "postgresql.cnpg.io/v1/Cluster",
                "postgresql.cnpg.io/v1/Database",
                "rabbitmq.com/v1beta1/RabbitmqCluster",
                "elasticsearch.k8s.elastic.co/v1/Elasticsearch",
                "k8s.keycloak.org/v2beta1/Keycloak");
        for (Map<String, Object> object : rendered) {
            assertThat(object.get("apiVersion") + "/" + object.get("kind")).isIn(allowed);
            Map<?, ?> metadata = (Map<?, ?>) object.get("metadata");
            if (!"Namespace".equals(object.get("kind"))) {
                assertThat(metadata.get("namespace"))
                        .as(object.get("kind") + " namespace")
                        .isEqualTo("lantian");
            }
        }
    }

    @Test
    void everyServiceOfTheLauncherRunsTwiceWithProbesResourcesAndADisruptionBudget() throws Exception {
        for (String[] service : launched) {
            String name = service[0];
            int port = Integer.parseInt(service[1]);
            Path module = ROOT.resolve(service[2]);
            Deployment deployment = (Deployment) typed.get("Deployment/" + name);
            assertThat(deployment).as("Deployment " + name).isNotNull();
            Map<String, String> podLabels =
                    deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(podLabels)
                    .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
            assertThat(deployment.getSpec().getReplicas())
                    .as(name + " replicas")
                    .isGreaterThanOrEqualTo(2);

            Container container =
                    deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(container.getImage()).isEqualTo("lantian/" + name + ":" + projectVersion());
            assertThat(container.getPorts()).singleElement().satisfies(p -> {
                assertThat(p.getContainerPort()).isEqualTo(port);
                assertThat(p.getName()).isEqualTo("http");
            });
            probe(container.getLivenessProbe(), "/actuator/health/liveness", name);
            probe(container.getReadinessProbe(), "/actuator/health/readiness", name);
            probe(container.getStartupProbe(), "/actuator/health/liveness", name);
            assertThat(probesEnabled(module))
                    .as(name + " enables the probe health groups")
                    .isTrue();

            // The image sizes the heap at 75 % of the limit (parent POM): at least the launcher's heap must fit.
            Quantity limit = container.getResources().getLimits().get("memory");
            Quantity request = container.getResources().getRequests().get("memory");
            assertThat(container.getResources().getRequests()).containsKey("cpu");
            assertThat(Quantity.getAmountInBytes(request)).isLessThanOrEqualTo(Quantity.getAmountInBytes(limit));
            BigDecimal heap = Quantity.getAmountInBytes(limit).multiply(BigDecimal.valueOf(0.75));
            assertThat(heap).as(name + " heap under its limit").isGreaterThanOrEqualTo(launcherHeapBytes(module));

            Service svc = (Service) typed.get("Service/" + name);
            assertThat(svc).as("Service " + name).isNotNull();
            assertThat(svc.getSpec().getSelector())
                    .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
            assertThat(svc.getSpec().getPorts()).singleElement().satisfies(p -> {
                assertThat(p.getPort()).isEqualTo(port);
                assertThat(p.getTargetPort().getStrVal()).isEqualTo("http");
            });

            PodDisruptionBudget pdb = (PodDisruptionBudget) typed.get("PodDisruptionBudget/" + name);
            assertThat(pdb).as("PodDisruptionBudget " + name).isNotNull();
            assertThat(pdb.getSpec().getSelector().getMatchLabels())
                    .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
            assertThat(pdb.getSpec().getMinAvailable().getIntVal())
                    .isBetween(1, deployment.getSpec().getReplicas() - 1);
        }
    }

    @Test
    void servicesReachTheirOwnDatabaseAndEveryAddressTheirConfigurationNames() throws Exception {
        Set<String> databases = databases();
        Map<String, String> shared = ((ConfigMap) typed.get("ConfigMap/lantian-platform")).getData();
        assertThat(shared).containsKeys("SPRING_RABBITMQ_HOST", "LANTIAN_SECURITY_ISSUER_URI");
        for (String[] service : launched) {
            String name = service[0];
            Map<String, EnvVar> env = env(name);
            String configuration =
                    Files.readString(ROOT.resolve(service[2]).resolve("src/main/resources/application.yaml"));
            if (!service[3].equals("-")) {
                String own = service[3].split(",")[0];
                assertThat(databases).as("database " + own).contains(own);
                assertThat(env.get("SPRING_R2DBC_URL").getValue()).endsWith("/" + own);
                assertThat(env.get("SPRING_FLYWAY_URL").getValue()).endsWith("/" + own);
                assertThat(env).containsKeys("SPRING_R2DBC_PASSWORD", "SPRING_FLYWAY_PASSWORD");
            }
            if (configuration.contains(":9200")) {
                assertThat(env).containsKeys("LANTIAN_INDEXER_ELASTICSEARCH_0_", "LANTIAN_INDEXER_PASSWORD");
            }
            // Every other service a service calls by address gets the cluster's address of it.
            Matcher calls =
                    Pattern.compile("([a-z-]+): http://127\\.0\\.0\\.1:(\\d+)").matcher(configuration);
            while (calls.find()) {
                String port = calls.group(2);
                String callee = launched.stream()
                        .filter(s -> s[1].equals(port))
                        .map(s -> s[0])
                        .findFirst()
                        .orElse(null);
                if (callee == null) {
                    continue; // CORS origins and the like: public addresses, not calls
                }
                assertThat(env.values().stream().map(EnvVar::getValue))
                        .as(name + " calls " + callee + " (" + calls.group(1) + ")")
                        .contains("http://" + callee + ":" + port);
            }
        }
    }

    @Test
    void everySecretAndConfigMapReferencedIsRenderedOrMadeByAnOperatorOrTheReadme() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String all = new Yaml().dump(rendered);
        Matcher refs =
                Pattern.compile("(?:secretName|name): (lantian-[a-z0-9-]+)").matcher(all);
        Set<String> renderedNames = rendered.stream()
                .map(o -> (String) ((Map<?, ?>) o.get("metadata")).get("name"))
                .collect(Collectors.toSet());
        for (Deployment deployment : objects(Deployment.class)) {
            deployment.getSpec().getTemplate().getSpec().getContainers().forEach(c -> {
                c.getEnv().stream()
                        .filter(e -> e.getValueFrom() != null)
                        .map(e -> e.getValueFrom().getSecretKeyRef().getName())
                        .forEach(secret -> assertThat(
                                        renderedNames.contains(secret) || EXTERNAL_SECRETS.contains(secret))
                                .as("secret " + secret)
                                .isTrue());
                c.getEnvFrom()
                        .forEach(from -> assertThat(renderedNames)
                                .contains(from.getConfigMapRef().getName()));
            });
        }
        for (String external : EXTERNAL_SECRETS) {
            assertThat(readme).as("deploy/README.md names " + external).contains(external);
        }
        assertThat(refs.find()).isTrue();
        assertThat(objects(Secret.class))
                .as("no secret values in the manifests but the launcher's role file")
                .allSatisfy(s -> assertThat(s.getMetadata().getName()).isEqualTo("lantian-elasticsearch-roles"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void infrastructureComesFromTheOperatorsWithTheLaunchersVersions() {
        Map<String, Object> es = only("Elasticsearch");
        Map<String, Object> esSpec = (Map<String, Object>) es.get("spec");
        assertThat(esSpec.get("version")).isEqualTo(versions.getProperty("ELASTICSEARCH_VERSION"));
        List<Map<String, Object>> nodeSets = (List<Map<String, Object>>) esSpec.get("nodeSets");
        assertThat(nodeSets.stream().mapToInt(n -> (Integer) n.get("count")).sum())
                .as("Elasticsearch nodes")
                .isEqualTo(3);
        assertThat(new Yaml().dump(esSpec))
                .contains("-Xms" + versions.getProperty("ELASTICSEARCH_HEAP"), "lantian-elasticsearch-roles");

        Map<String, Object> kc = (Map<String, Object>) only("Keycloak").get("spec");
        assertThat((String) kc.get("image")).endsWith(":" + versions.getProperty("KEYCLOAK_VERSION"));
        Map<String, String> platform = ((ConfigMap) typedOf("ConfigMap/lantian-platform")).getData();
        String hostname = (String) ((Map<String, Object>) kc.get("hostname")).get("hostname");
        assertThat(platform.get("LANTIAN_SECURITY_ISSUER_URI"))
                .as("the issuer is Keycloak's public host name")
                .isEqualTo(hostname + "/realms/" + versions.getProperty("KEYCLOAK_REALM"));

        Map<String, Object> rabbit =
                (Map<String, Object>) only("RabbitmqCluster").get("spec");
        assertThat(rabbit.get("replicas")).isEqualTo(3);
        assertThat((String) rabbit.get("image")).startsWith("rabbitmq:3.10");

        Map<String, Object> pg = (Map<String, Object>) only("Cluster").get("spec");
        assertThat((String) pg.get("imageName")).endsWith(":15");
        assertThat((Integer) pg.get("instances")).isGreaterThanOrEqualTo(3);
    }

    @Test
    @SuppressWarnings("unchecked")
    void servicesUseTheAddressesThatTheOperatorsGiveTheirResources() {
        // Each operator names its Service after the resource: CloudNativePG <name>-rw for the primary, the RabbitMQ
        // Cluster Operator <name>, ECK <name>-es-http.
        String postgres = name(only("Cluster")) + "-rw";
        String rabbit = name(only("RabbitmqCluster"));
        String elasticsearch = name(only("Elasticsearch")) + "-es-http";
        Map<String, String> platform = ((ConfigMap) typedOf("ConfigMap/lantian-platform")).getData();
        assertThat(platform.get("SPRING_RABBITMQ_HOST")).isEqualTo(rabbit);
        for (String[] service : launched) {
            Map<String, EnvVar> env = env(service[0]);
            if (env.containsKey("SPRING_R2DBC_URL")) {
                assertThat(env.get("SPRING_R2DBC_URL").getValue()).contains("//" + postgres + ":5432/");
                assertThat(env.get("SPRING_FLYWAY_URL").getValue()).contains("//" + postgres + ":5432/");
            }
            if (env.containsKey("LANTIAN_INDEXER_ELASTICSEARCH_0_")) {
                assertThat(env.get("LANTIAN_INDEXER_ELASTICSEARCH_0_").getValue())
                        .isEqualTo("http://" + elasticsearch + ":" + versions.getProperty("ELASTICSEARCH_PORT"));
            }
        }
        Map<String, Object> keycloakDb =
                (Map<String, Object>) ((Map<String, Object>) only("Keycloak").get("spec")).get("db");
        assertThat(keycloakDb.get("host")).isEqualTo(postgres);
        assertThat(databases()).contains((String) keycloakDb.get("database"));
    }

    private static String name(Map<String, Object> object) {
        return (String) ((Map<?, ?>) object.get("metadata")).get("name");
    }

    @Test
    void theGatewayRoutesToEveryServiceByItsClusterAddress() throws Exception {
        String configuration = Files.readString(ROOT.resolve("gateway/src/main/resources/application.yaml"));
        Map<String, EnvVar> env = env("gateway");
        Matcher placeholder =
                Pattern.compile("\\$\\{lantian\\.services\\.([a-z-]+)}").matcher(configuration);
        int routes = 0;
        while (placeholder.find()) {
            String target = placeholder.group(1);
            String key = "LANTIAN_SERVICES_" + target.toUpperCase().replace('-', '_');
            assertThat(env).as("gateway route to " + target).containsKey(key);
            assertThat(env.get(key).getValue()).startsWith("http://" + target + ":");
            routes++;
        }
        assertThat(routes).isPositive();
        assertThat(env).containsKeys("SPRING_DATA_REDIS_HOST", "SPRING_DATA_REDIS_PASSWORD");
    }

    private static void probe(Probe probe, String path, String name) {
        assertThat(probe).as(name + " probe " + path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
    }

    @SuppressWarnings("unchecked")
    private static boolean probesEnabled(Path module) throws IOException {
        Map<String, Object> yaml =
                new Yaml().load(Files.readString(module.resolve("src/main/resources/application.yaml")));
        Object enabled = dig(yaml, "management", "endpoint", "health", "probes", "enabled");
        return Boolean.TRUE.equals(enabled);
    }

    @SuppressWarnings("unchecked")
    private static Object dig(Map<String, Object> map, String... keys) {
        Object current = map;
        for (String key : keys) {
            if (!(current instanceof Map)) {
                return null;
            }
            current = ((Map<String, Object>) current).get(key);
        }
        return current;
    }

    /** The launcher's maximum heap for a module: its shared -Xmx, or -Xms of the module's jvm.options if larger. */
    private static BigDecimal launcherHeapBytes(Path module) throws IOException {
        List<String> flags = new ArrayList<>();
        Matcher shared = Pattern.compile("jvm_flags\\(\\) \\{[^\\n]*\\n\\s*printf '%s\\\\n' ([^\\n]+)")
                .matcher(Files.readString(ROOT.resolve("lantian")));
        assertThat(shared.find()).isTrue();
        flags.addAll(List.of(shared.group(1).strip().split("\\s+")));
        Path options = module.resolve("jvm.options");
        if (Files.exists(options)) {
            Files.readAllLines(options).stream()
                    .map(String::strip)
                    .filter(l -> l.startsWith("-X"))
                    .forEach(flags::add);
        }
        BigDecimal heap = BigDecimal.ZERO;
        for (String flag : flags) {
            Matcher size = Pattern.compile("-Xm[sx](\\d+)([mg])").matcher(flag);
            if (size.matches()) {
                BigDecimal bytes = new BigDecimal(size.group(1))
                        .multiply(BigDecimal.valueOf(size.group(2).equals("g") ? 1L << 30 : 1L << 20));
                heap = heap.max(bytes);
            }
        }
        assertThat(heap).isPositive();
        return heap;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> databases() {
        Set<String> names = new HashSet<>();
        Map<String, Object> cluster = (Map<String, Object>) only("Cluster").get("spec");
        names.add((String) dig(cluster, "bootstrap", "initdb", "database"));
        rendered.stream().filter(o -> "Database".equals(o.get("kind"))).forEach(o -> {
            Map<String, Object> spec = (Map<String, Object>) o.get("spec");
            assertThat(dig(spec, "cluster", "name")).isEqualTo("lantian-postgres");
            names.add((String) spec.get("name"));
        });
        return names;
    }

    private static Map<String, EnvVar> env(String deployment) {
        Map<String, EnvVar> env = new LinkedHashMap<>();
        ((Deployment) typedOf("Deployment/" + deployment))
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getEnv()
                .forEach(e -> env.put(e.getName(), e));
        return env;
    }

    private static HasMetadata typedOf(String key) {
        HasMetadata object = typed.get(key);
        assertThat(object).as(key).isNotNull();
        return object;
    }

    private static <T> List<T> objects(Class<T> type) {
        return typed.values().stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static Map<String, Object> only(String kind) {
        List<Map<String, Object>> found =
                rendered.stream().filter(o -> kind.equals(o.get("kind"))).toList();
        assertThat(found).as(kind).hasSize(1);
        return found.get(0);
    }

    private static Class<? extends HasMetadata> builtIn(String apiVersion, String kind) {
        return switch (apiVersion + "/" + kind) {
            case "v1/Namespace" -> Namespace.class;
            case "v1/ConfigMap" -> ConfigMap.class;
            case "v1/Secret" -> Secret.class;
            case "v1/Service" -> Service.class;
            case "apps/v1/Deployment" -> Deployment.class;
            case "policy/v1/PodDisruptionBudget" -> PodDisruptionBudget.class;
            default -> null;
        };
    }

    /**
     * The object model keeps fields it does not know in each object's additional properties instead of failing:
     * collect every such field, with its path, through the whole object.
     */
    private static void unknownFields(Object value, String path, List<String> unknown, Set<Object> seen)
            throws Exception {
        if (value == null || !seen.add(value)) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                unknownFields(e.getValue(), path + "." + e.getKey(), unknown, seen);
            }
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get")
                    || getter.getName().equals("getClass")) {
                continue;
            }
            Object child = getter.invoke(value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet().forEach(k -> unknown.add(path + "." + k));
                }
                continue;
            }
            unknownFields(child, path + "." + getter.getName().substring(3), unknown, seen);
        }
    }

    private static String projectVersion() throws IOException {
        Matcher version = Pattern.compile("<artifactId>lantian-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(ROOT.resolve("pom.xml")));
        if (!version.find()) {
            fail("no version in the parent POM");
        }
        return version.group(1);
    }
}
