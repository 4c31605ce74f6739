package cn.lantian.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Walks every public page (in each language) and every endpoint the portal serves, and checks that no officer's
 * name or contact, open case or internal note appears, although the owners' answers carry all of them.
 */
class PublicLeakIntegrationTests extends PortalTest {

    private static final List<String> forbidden = new ArrayList<>();

    @LocalServerPort
    int port;

    @Autowired
    cn.lantian.reference.Jurisdictions jurisdictions;

    @BeforeAll
    static void privateStrings() throws Exception {
        JsonNode realm = JsonMapper.builder()
                .build()
                .readTree(Files.readString(Path.of("../infra/keycloak/kashgar-realm.json")));
        for (JsonNode user : realm.get("users")) {
            if (user.hasNonNull("firstName")) {
                String first = user.get("firstName").asString();
                String last = user.get("lastName").asString();
                forbidden.add(first + " " + last);
                forbidden.add(last + " " + first);
                forbidden.add(user.get("email").asString());
            }
        }
        // Markers the recorded upstream answers put in open cases, notes and contacts.
        forbidden.addAll(List.of(
                "INTERNAL-NOTE",
                "OPEN-CASE",
                "case-0011",
                "case-0012",
                "+86 998 555 0101",
                "internalNote",
                "officer",
                "handledBy",
                "assignee",
                "issuedBy",
                // Mobile's stand-in: an officer's mark, and a plate sent whole that only masked may be shown.
                "PRIVATE-OFFICER",
                "A1234",
                "decidedBy"));
        assertThat(forbidden).contains("Wang Lei", "eco-shache@demo.lantian.invalid");
    }

    private Map<String, String> walk() {
        List<String> paths = new ArrayList<>(List.of(
                "/",
                "/targets",
                "/targets?year=2024",
                "/enterprises",
                "/alerts",
                "/open-data",
                "/stations/2700A",
                "/stations/SC001",
                "/stations/TMS01",
                "/dust",
                "/straw",
                "/greening",
                "/mobile"));
        jurisdictions.all().stream()
                .filter(j -> j.kind() != cn.lantian.reference.Jurisdiction.Kind.PREFECTURE)
                .forEach(j -> paths.add("/counties/" + j.id()));
        List<String> pages = new ArrayList<>();
        for (String lang : List.of("zh", "en", "ug")) {
            paths.forEach(p -> pages.add(p + (p.contains("?") ? "&" : "?") + "lang=" + lang));
        }
        pages.addAll(List.of(
                "/api/public/v1/catalog",
                "/api/public/v1/licence",
                "/api/public/v1/openapi",
                "/api/public/v1/datasets/stations",
                "/api/public/v1/datasets/stations?format=csv",
                "/api/public/v1/datasets/stations?format=geojson",
                "/api/public/v1/datasets/boundaries",
                "/api/public/v1/datasets/observations?from=2024-11-01&to=2024-11-12",
                "/api/public/v1/datasets/observations?resolution=daily&from=2024-01-01&to=2024-12-31&format=csv",
                "/api/public/v1/downloads",
                "/api/public/v1/datasets/stations?format=nope",
                "/api/public/v1/datasets/enterprises",
                "/api/public/v1/datasets/enterprises?format=csv",
                "/api/public/v1/datasets/cases",
                "/api/public/v1/datasets/cases?format=csv",
                "/api/public/v1/datasets/alerts",
                "/api/public/v1/datasets/alerts?format=csv",
                "/api/public/v1/datasets/fire-incidents",
                "/api/public/v1/datasets/fire-incidents?format=csv",
                "/api/public/v1/datasets/fire-incidents?format=geojson",
                "/api/public/v1/datasets/straw-use",
                "/api/public/v1/datasets/straw-use?format=csv"));
        for (String dataset : List.of("construction-sites", "green-areas", "inspection-stations")) {
            for (String format : List.of("", "?format=csv", "?format=geojson")) {
                pages.add("/api/public/v1/datasets/" + dataset + format);
            }
        }
        for (String dataset : List.of("observations-daily", "targets", "alerts")) {
            pages.add("/api/public/v1/downloads/" + dataset + "/2024.csv");
        }
        WebClient http = WebClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .codecs(c -> c.defaultCodecs().maxInMemorySize(64 * 1024 * 1024))
                .build();
        Map<String, String> bodies = new LinkedHashMap<>();
        for (String page : pages) {
            var answer = http.get()
                    .uri(page)
                    .exchangeToMono(
                            r -> r.bodyToMono(String.class).defaultIfEmpty("").map(b -> Map.entry(r.statusCode(), b)))
                    .block();
            assertThat(answer.getKey().value()).as(page).isLessThan(500);
            bodies.put(page, answer.getValue());
        }
        return bodies;
    }

    @Test
    void noPageOrEndpointShowsOfficersOpenCasesOrInternalNotes() {
        Map<String, String> bodies = walk();
        assertThat(bodies).hasSizeGreaterThan(80);
        bodies.forEach((page, body) -> {
            for (String secret : forbidden) {
                assertThat(body).as(page).doesNotContainIgnoringCase(secret);
            }
        });
        // The walk saw the public parts of the same records, so the check above looked at real content.
        assertThat(bodies.get("/enterprises?lang=zh"))
                .contains("喀什某水泥有限公司", "case-0007", "责令改正")
                .contains("91653100MA7XYZ0001001P", "已完成", "DA001", "排污许可管理条例");
        assertThat(bodies.get("/?lang=zh")).contains("市环境监测站");
        assertThat(bodies.get("/api/public/v1/datasets/cases?format=csv")).contains("case-0007", "责令改正");
    }

    @Test
    void unknownPagesAnswerNotFound() {
        WebClient http = WebClient.create("http://127.0.0.1:" + port);
        for (String page : List.of("/stations/NOPE", "/counties/999999")) {
            HttpStatus status = (HttpStatus) http.get()
                    .uri(page)
                    .exchangeToMono(r -> Mono(r.statusCode()))
                    .block();
            assertThat(status).as(page).isEqualTo(HttpStatus.NOT_FOUND);
        }
    }

    private static reactor.core.publisher.Mono<org.springframework.http.HttpStatusCode> Mono(
            org.springframework.http.HttpStatusCode code) {
        return reactor.core.publisher.Mono.just(code);
    }
}
