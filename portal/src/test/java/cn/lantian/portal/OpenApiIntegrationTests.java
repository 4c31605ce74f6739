package cn.lantian.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document's answer schemas against the real answers: every field each JSON answer writes, at every
 * level, is a property of its documented schema, and every documented property is written by some answer. So the
 * document cannot drift from what the renderers write.
 */
class OpenApiIntegrationTests extends PortalTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SCHEMAS = "#/components/schemas/";

    /** A request and the documented answer it must match: status and media type. */
    private record Case(String path, String query, int status, String mediaType) {}

    /** Each documented JSON answer, with queries that make the stand-ins fill every documented field. */
    private static final List<Case> CASES = List.of(
            new Case("/api/public/v1/datasets/stations", "", 200, "application/json"),
            new Case("/api/public/v1/datasets/stations", "?format=geojson", 200, "application/geo+json"),
            new Case("/api/public/v1/datasets/stations", "?limit=0", 400, "application/problem+json"),
            new Case(
                    "/api/public/v1/datasets/observations",
                    "?station=2700A&from=2024-11-01&to=2024-11-01",
                    200,
                    "application/json"),
            new Case(
                    "/api/public/v1/datasets/observations",
                    "?station=2700A&resolution=daily&from=2024-01-01&to=2024-12-31",
                    200,
                    "application/json"),
            new Case("/api/public/v1/datasets/observations", "?resolution=weekly", 400, "application/problem+json"),
            new Case("/api/public/v1/datasets/enterprises", "", 200, "application/json"),
            new Case("/api/public/v1/datasets/enterprises", "?format=xml", 400, "application/problem+json"),
            new Case("/api/public/v1/datasets/cases", "", 200, "application/json"),
            new Case("/api/public/v1/datasets/cases", "?cursor=%25", 400, "application/problem+json"),
            new Case("/api/public/v1/datasets/alerts", "", 200, "application/json"),
            new Case("/api/public/v1/datasets/alerts", "?county=999", 400, "application/problem+json"),
            new Case("/api/public/v1/datasets/fire-incidents", "", 200, "application/json"),
            new Case("/api/public/v1/datasets/fire-incidents", "?format=geojson", 200, "application/geo+json"),
            new Case(
                    "/api/public/v1/datasets/fire-incidents",
                    "?from=2026-01-01&to=2025-01-01",
                    400,
                    "application/problem+json"),
            new Case("/api/public/v1/datasets/straw-use", "", 200, "application/json"),
            new Case("/api/public/v1/datasets/straw-use", "?season=2025-winter", 400, "application/problem+json"),
            new Case("/api/public/v1/datasets/construction-sites", "", 200, "application/json"),
            new Case("/api/public/v1/datasets/construction-sites", "?format=geojson", 200, "application/geo+json"),
            new Case("/api/public/v1/datasets/construction-sites", "?limit=x", 400, "application/problem+json"),
            new Case("/api/public/v1/datasets/green-areas", "", 200, "application/json"),
            new Case("/api/public/v1/datasets/green-areas", "?format=geojson", 200, "application/geo+json"),
            new Case("/api/public/v1/datasets/green-areas", "?kind=forest", 400, "application/problem+json"),
            new Case("/api/public/v1/datasets/inspection-stations", "", 200, "application/json"),
            new Case("/api/public/v1/datasets/inspection-stations", "?format=geojson", 200, "application/geo+json"),
            new Case("/api/public/v1/datasets/inspection-stations", "?county=999", 400, "application/problem+json"),
            new Case("/api/public/v1/downloads", "", 200, "application/json"),
            new Case("/api/public/v1/downloads/{dataset}/{file}", "", 400, "application/problem+json"),
            new Case("/api/public/v1/licence", "", 200, "application/json"),
            new Case("/api/public/v1/parameters", "", 200, "application/json"),
            new Case("/api/public/v1/parameters", "?pollutant=o3", 400, "application/problem+json"),
            new Case("/api/public/v1/datasets/stations/{id}/latest", "", 200, "application/json"),
            new Case("/api/public/v1/datasets/stations/{id}/latest", "", 404, "application/problem+json"),
            new Case("/api/public/v1/datasets/boundaries", "", 200, "application/geo+json"),
            new Case("/api/public/v1/catalog", "", 200, "application/ld+json"));

    @LocalServerPort
    int port;

    WebTestClient http;
    JsonNode api;
    /** Field names seen in the answers, by documented schema. */
    final Map<String, Set<String>> seen = new TreeMap<>();

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(java.time.Duration.ofSeconds(60))
                .codecs(c -> c.defaultCodecs().maxInMemorySize(64 * 1024 * 1024))
                .build();
        api = JSON.readTree(http.get()
                .uri("/api/public/v1/openapi")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody());
    }

    @Test
    void theDocumentListsTheOwnersPublicReadsAndNothingElseOfTheirs() {
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> JSON.readTree(http.get()
                                .uri("/api/public/v1/openapi")
                                .exchange()
                                .expectBody()
                                .returnResult()
                                .getResponseBody())
                        .path("paths")
                        .has("/api/public/v1/greening/projects"));
        client();
        JsonNode paths = api.get("paths");
        Map<String, String> owners = Map.of(
                "/api/public/v1/stations", "airQuality",
                "/api/public/v1/alerts", "airQuality",
                "/api/public/v1/enterprises", "stationary",
                "/api/public/v1/cases", "enforcement",
                "/api/public/v1/dust/sites", "dust",
                "/api/public/v1/straw/incidents", "straw",
                "/api/public/v1/greening/projects", "greening",
                "/api/public/v1/mobile/inspection-stations", "mobile");
        owners.forEach((path, owner) -> {
            JsonNode get = paths.path(path).path("get");
            assertThat(get.path("x-lantian-owner").asString()).as(path).isEqualTo(owner);
            assertThat(get.path("tags").get(0).asString()).as(path).isNotBlank();
            assertThat(get.path("description").asString()).as(path).isNotBlank();
            assertThat(get.path("responses").propertyNames()).as(path).contains("200", "429", "502");
        });
        // Each owner brings only its own public reads: not its writes, not another owner's paths from its document.
        assertThat(paths.propertyNames()).noneMatch(p -> p.startsWith("/api/air-quality"));
        Set<String> ids = new TreeSet<>();
        List<String> all = new ArrayList<>();
        paths.forEach(item -> item.properties().forEach(op -> {
            ids.add(op.getValue().path("operationId").asString());
            all.add(op.getValue().path("operationId").asString());
        }));
        assertThat(all).hasSize(ids.size());
        // Schemas come under their owner's name, only those the reads reach.
        Set<String> schemas = new TreeSet<>(api.get("components").get("schemas").propertyNames());
        assertThat(schemas)
                .contains("AirQualityStationView", "AirQualityLatest", "StationaryPage", "EnforcementPage")
                .doesNotContain("AirQualityStationRegistration", "StationView", "GreeningPage");
        assertThat(paths.path("/api/public/v1/stations")
                        .path("get")
                        .path("responses")
                        .path("200")
                        .path("content")
                        .path("application/json")
                        .path("schema")
                        .path("items")
                        .path("$ref")
                        .asString())
                .isEqualTo("#/components/schemas/AirQualityStationView");
    }

    @Test
    void everyJsonAnswerWritesExactlyTheFieldsItsSchemaDocuments() {
        Set<String> documented = new TreeSet<>();
        Set<String> reachable = new TreeSet<>();
        api.get("paths").properties().stream()
                // The owners' operations are checked against their answers in the owners' own tests.
                .filter(path -> !path.getValue().path("get").has("x-lantian-owner"))
                .forEach(path -> path.getValue()
                        .path("get")
                        .path("responses")
                        .properties()
                        .forEach(response -> response.getValue()
                                .path("content")
                                .properties()
                                .forEach(content -> {
                                    JsonNode schema = content.getValue().path("schema");
                                    // 429 (the gateway's rate limit) and 502 (an owner away) share the problem schema
                                    // the 400s check.
                                    boolean provoked = !response.getKey().equals("429")
                                            && !response.getKey().equals("502");
                                    if (content.getKey().contains("json") && provoked) {
                                        // A JSON answer documented only as bytes tells clients nothing: each names its
                                        // component.
                                        assertThat(reference(schema))
                                                .as(path.getKey() + " " + content.getKey())
                                                .isNotNull();
                                        documented.add(
                                                path.getKey() + " " + response.getKey() + " " + content.getKey());
                                        reach(schema, reachable);
                                    }
                                })));
        // The answers this test checks are the ones the document describes: a new documented answer needs a case.
        assertThat(new TreeSet<>(CASES.stream()
                        .map(c -> c.path() + " " + c.status() + " " + c.mediaType())
                        .toList()))
                .isEqualTo(documented);

        for (Case c : CASES) {
            String uri = c.path()
                            .replace("{dataset}/{file}", "secrets/2024.csv")
                            .replace("{id}", c.status() == 200 ? "2700A" : "NOPE")
                    + c.query();
            var result = http.get()
                    .uri(uri)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(c.status())
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.parseMediaType(c.mediaType()))
                    .expectBody()
                    .returnResult();
            JsonNode schema = api.get("paths")
                    .get(c.path())
                    .get("get")
                    .get("responses")
                    .get(String.valueOf(c.status()))
                    .get("content")
                    .get(c.mediaType())
                    .get("schema");
            conforms(JSON.readTree(result.getResponseBody()), schema, uri);
        }

        // Each schema the document reaches was met in some answer, and its properties are exactly the fields written.
        assertThat(seen.keySet()).isEqualTo(reachable);
        seen.forEach((name, fields) -> assertThat(fields)
                .as(name)
                .containsExactlyInAnyOrderElementsOf(
                        component(name).get("properties").propertyNames()));
    }

    /** Checks one value against its schema, object by object, and records the fields each schema was seen with. */
    private void conforms(JsonNode value, JsonNode schema, String where) {
        if (value == null || value.isNull()) {
            return;
        }
        String name = reference(schema);
        JsonNode resolved = name == null ? schema : component(name);
        if (value.isArray()) {
            if (!resolved.has("items")) {
                assertThat(freeForm(resolved))
                        .as(where + " is documented as an array")
                        .isTrue();
                return;
            }
            for (JsonNode item : value) {
                conforms(item, resolved.get("items"), where + "[]");
            }
        } else if (value.isObject()) {
            if (name == null) {
                assertThat(freeForm(resolved))
                        .as(where + " is documented as an object")
                        .isTrue();
                return;
            }
            JsonNode properties = resolved.path("properties");
            List<String> fields = new ArrayList<>(value.propertyNames());
            assertThat(fields)
                    .as(where + " writes only documented fields (" + name + ")")
                    .isSubsetOf(properties.propertyNames());
            seen.computeIfAbsent(name, n -> new TreeSet<>()).addAll(fields);
            for (String field : fields) {
                conforms(value.get(field), properties.get(field), where + "." + field);
            }
        } else if (!freeForm(resolved)) {
            String type = value.isTextual()
                    ? "string"
                    : value.isBoolean() ? "boolean" : value.isIntegralNumber() ? "integer" : "number";
            List<String> documented = new ArrayList<>();
            resolved.path("type").forEach(t -> documented.add(t.asString()));
            if (resolved.path("type").isTextual()) {
                documented.add(resolved.get("type").asString());
            }
            if (documented.contains("number")) {
                documented.add("integer");
            }
            assertThat(documented)
                    .as(where + " is written as " + type + "; its documented type")
                    .contains(type);
        }
    }

    /** A schema that allows any JSON below it: no component, no properties, no items, no type but object. */
    private static boolean freeForm(JsonNode schema) {
        return reference(schema) == null
                && !schema.has("properties")
                && !schema.has("items")
                && (!schema.has("type") || schema.get("type").asString("").equals("object"));
    }

    /** Every component a schema leads to, through properties and array items. */
    private void reach(JsonNode schema, Set<String> found) {
        String name = reference(schema);
        if (name != null && !found.add(name)) {
            return;
        }
        JsonNode resolved = name == null ? schema : component(name);
        resolved.path("properties").forEach(p -> reach(p, found));
        if (resolved.has("items")) {
            reach(resolved.get("items"), found);
        }
    }

    private JsonNode component(String name) {
        return api.get("components").get("schemas").get(name);
    }

    /** The component a schema refers to, directly or as the one part of an allOf/oneOf/anyOf; null for none. */
    private static String reference(JsonNode schema) {
        if (schema.has("$ref")) {
            return schema.get("$ref").asString().substring(SCHEMAS.length());
        }
        for (String combined : List.of("allOf", "oneOf", "anyOf")) {
            for (JsonNode part : schema.path(combined)) {
                if (part.has("$ref")) {
                    return reference(part);
                }
            }
        }
        return null;
    }
}
