package cn.lantian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(classes = WebAnswersTests.App.class, properties = "lantian.web.max-body=4KB")
class WebAnswersTests {

    @SpringBootApplication
    @Import(Things.class)
    static class App {}

    record Visit(@Size(max = 20) String reason, Instant at, Integer count, Double level) {}

    @RestController
    static class Things {

        @PostMapping("/visits")
        Visit visit(@Valid @RequestBody Visit visit) {
            return visit;
        }

        @PostMapping("/anything")
        Map<String, Object> anything(@RequestBody Map<String, Object> body) {
            return body;
        }

        @GetMapping("/things/{id}")
        Mono<String> thing(@PathVariable int id, @RequestParam(required = false) String q) {
            return switch (id) {
                case 1 -> Mono.error(new NotFound("No thing 1."));
                case 2 -> Mono.error(new Forbidden("Thing 2 belongs to another county."));
                case 3 -> Mono.error(new Conflict("Thing 3 is closed.", Map.of("state", "closed")));
                case 4 -> Mono.error(InvalidInput.of("q", "must be a county code"));
                case 5 -> Mono.error(new IllegalStateException("secret internal state of cn.lantian.Thing"));
                case 6 -> Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "No thing 6."));
                default -> Mono.just("thing " + id);
            };
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ApplicationContext context;

    WebTestClient client;

    @BeforeEach
    void client() {
        client = WebTestClient.bindToApplicationContext(context).build();
    }

    private JsonNode problem(WebTestClient.RequestHeadersSpec<?> request, int status) {
        byte[] body = request.exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .returnResult()
                .getResponseBodyContent();
        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(text)
                .doesNotContainIgnoringCase("exception")
                .doesNotContain("java.")
                .doesNotContain("cn.lantian");
        JsonNode node = JSON.readTree(text);
        assertThat(node.get("type").asString()).isEqualTo("about:blank");
        assertThat(node.get("status").asInt()).isEqualTo(status);
        assertThat(node.get("title").asString())
                .isEqualTo(HttpStatus.valueOf(status).getReasonPhrase());
        assertThat(node.get("detail").asString()).isNotBlank();
        assertThat(node.get("instance").asString()).startsWith("/");
        return node;
    }

    private WebTestClient.RequestHeadersSpec<?> post(String path, String json) {
        return client.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(json);
    }

    @Test
    void answersAValidRequest() {
        client.get().uri("/things/9").exchange().expectStatus().isOk();
        post("/visits", "{\"reason\":\"dust\",\"at\":\"2026-12-06T10:00:00Z\",\"count\":2,\"level\":1.5}")
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void answersUnknownPathsAsProblems() {
        JsonNode node = problem(client.get().uri("/nothing/here"), 404);
        assertThat(node.get("instance").asString()).isEqualTo("/nothing/here");
        assertThat(node.has("errors")).isFalse();
    }

    @Test
    void answersThePlatformExceptionsWithTheirSentence() {
        assertThat(problem(client.get().uri("/things/1"), 404).get("detail").asString())
                .isEqualTo("No thing 1.");
        assertThat(problem(client.get().uri("/things/2"), 403).get("detail").asString())
                .isEqualTo("Thing 2 belongs to another county.");
        assertThat(problem(client.get().uri("/things/3"), 409).get("state").asString())
                .isEqualTo("closed");
        JsonNode invalid = problem(client.get().uri("/things/4"), 400);
        assertThat(invalid.get("errors").get(0).get("field").asString()).isEqualTo("q");
        assertThat(invalid.get("errors").get(0).get("reason").asString()).isEqualTo("must be a county code");
        assertThat(problem(client.get().uri("/things/6"), 404).get("detail").asString())
                .isEqualTo("No thing 6.");
    }

    @Test
    void saysNothingInternalOnA500() {
        JsonNode node = problem(client.get().uri("/things/5"), 500);
        assertThat(node.toString()).doesNotContain("secret");
    }

    @Test
    void namesAPathVariableOfTheWrongType() {
        JsonNode node = problem(client.get().uri("/things/abc"), 400);
        assertThat(node.get("errors").get(0).get("field").asString()).isEqualTo("id");
        assertThat(node.toString()).doesNotContain("For input string");
    }

    @Test
    void answersMethodMediaTypeAndAcceptRefusalsAsProblems() {
        client.delete().uri("/things/9").exchange().expectHeader().valueEquals("Allow", "GET");
        problem(client.delete().uri("/things/9"), 405);
        problem(client.post().uri("/visits").contentType(MediaType.TEXT_PLAIN).bodyValue("hello"), 415);
        problem(post("/visits", "{}").accept(MediaType.IMAGE_PNG), 406);
    }

    @Test
    void capsTheBody() {
        String big = "{\"reason\":\"" + "x".repeat(5000) + "\"}";
        problem(post("/visits", big), 413);
        problem(post("/anything", big), 413);
    }

    @Test
    void refusesDeepNestingAsBadInput() {
        JsonNode node = problem(post("/anything", "{\"a\":".repeat(100) + "1" + "}".repeat(100)), 400);
        assertThat(node.get("errors").get(0).get("field").asString()).isEqualTo("body");
        problem(post("/anything", "[".repeat(501)), 400);
        problem(post("/visits", "[".repeat(501)), 400);
    }

    @Test
    void refusesMalformedJson() {
        JsonNode node = problem(post("/visits", "{\"reason\":"), 400);
        assertThat(node.get("errors").get(0).get("field").asString()).isEqualTo("body");
    }

    @Test
    void coercesNoScalars() {
        assertThat(field(problem(post("/visits", "{\"reason\":1e400}"), 400))).isEqualTo("reason");
        assertThat(field(problem(post("/visits", "{\"reason\":12}"), 400))).isEqualTo("reason");
        assertThat(field(problem(post("/visits", "{\"at\":1e400}"), 400))).isEqualTo("at");
        assertThat(field(problem(post("/visits", "{\"at\":1700000000}"), 400))).isEqualTo("at");
        assertThat(field(problem(post("/visits", "{\"count\":1.5}"), 400))).isEqualTo("count");
        assertThat(field(problem(post("/visits", "{\"count\":\"2\"}"), 400))).isEqualTo("count");
        assertThat(field(problem(post("/visits", "{\"level\":1e400}"), 400))).isEqualTo("level");
    }

    @Test
    void refusesTextNoStoreCanKeep() {
        JsonNode nul = problem(post("/visits", "{\"reason\":\"a\\u0000b\"}"), 400);
        assertThat(field(nul)).isEqualTo("reason");
        assertThat(nul.get("errors").get(0).get("reason").asString()).isEqualTo(ErrorMapping.UNSAFE_TEXT);
        assertThat(field(problem(post("/visits", "{\"reason\":\"\\ud800\"}"), 400)))
                .isEqualTo("reason");
        assertThat(field(problem(client.get().uri("/things/9?q={q}", "a\u0000"), 400)))
                .isEqualTo("q");
        assertThat(field(problem(client.get().uri(URI.create("/things/9?q=x%00")), 400)))
                .isEqualTo("q");
        post("/visits", "{\"reason\":\"沙尘 \\ud83d\\ude00\",\"count\":1}")
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void refusesUnknownFieldsRepeatedNamesAndTrailingTokens() {
        JsonNode unknown = problem(post("/visits", "{\"reason\":\"dust\",\"resaon\":\"typo\"}"), 400);
        assertThat(field(unknown)).isEqualTo("resaon");
        assertThat(unknown.get("errors").get(0).get("reason").asString()).isEqualTo("is not a known field");
        problem(post("/visits", "{\"reason\":\"dust\",\"reason\":\"other\"}"), 400);
        problem(post("/anything", "{\"a\":1,\"a\":2}"), 400);
        problem(post("/visits", "{\"reason\":\"dust\"} {}"), 400);
        problem(post("/visits", "{\"reason\":\"dust\"}]"), 400);
    }

    @Test
    void inboundJsonThatNoDecoderReadsIsReadJustAsStrictly() {
        JsonMapper inbound = context.getBean(InboundJson.class).mapper();
        assertThat(inbound.readValue("{\"reason\":\"dust\",\"count\":2}", Visit.class)
                        .count())
                .isEqualTo(2);
        assertThatThrownBy(() -> inbound.readValue("{\"reason\":\"dust\",\"resaon\":\"typo\"}", Visit.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
        assertThatThrownBy(() -> inbound.readValue("{\"reason\":\"dust\",\"reason\":\"x\"}", Visit.class))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> inbound.readValue("{\"reason\":\"dust\"} {}", Visit.class))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> inbound.readValue("{\"count\":\"2\"}", Visit.class))
                .as("no coercion")
                .isInstanceOf(JacksonException.class);
        assertThat(context.getBean(JsonMapper.class).readValue("{\"reason\":\"dust\",\"extra\":1}", Visit.class))
                .as("the application's own mapper (stored JSON, events) stays lenient")
                .isNotNull();
    }

    @Test
    void namesTheFieldBeyondItsSize() {
        JsonNode node = problem(post("/visits", "{\"reason\":\"" + "x".repeat(21) + "\",\"count\":1}"), 400);
        assertThat(field(node)).isEqualTo("reason");
    }

    private static String field(JsonNode problem) {
        return problem.get("errors").get(0).get("field").asString();
    }
}
