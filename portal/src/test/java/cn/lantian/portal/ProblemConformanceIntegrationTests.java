package cn.lantian.portal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.testsupport.ProblemProbe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The portal's refusals: its JSON API in the platform's one problem shape (checked against the JSON Schema), its
 * pages as an error page in the visitor's language with the site's navigation. The portal takes no token and no body,
 * so it has no 401, 403 or 415 of its own.
 */
class ProblemConformanceIntegrationTests extends PortalTest {

    @LocalServerPort
    int port;

    ProblemProbe probe;

    @BeforeEach
    void probe() {
        probe = ProblemProbe.at("http://127.0.0.1:" + port);
    }

    @Test
    void answersTheApiInTheProblemShape() {
        JsonNode bad = probe.send("GET", "/api/public/v1/datasets/stations?limit=abc", null, null, null)
                .assertProblem(400);
        assertThat(bad.get("errors").get(0).get("field").asString()).isEqualTo("limit");
        probe.send("GET", "/api/public/v1/datasets/stations?county=6531%00", null, null, null)
                .assertProblem(400);
        probe.send("GET", "/api/public/v1/no-such-dataset", null, null, null).assertProblem(404);
        probe.send("DELETE", "/api/public/v1/datasets/stations", null, null, null)
                .assertProblem(405);
        probe.json("POST", "/api/public/v1/datasets/stations", null, ProblemProbe.oversized(3 * 1024 * 1024))
                .assertProblem(413);
    }

    @Test
    void showsAnErrorPageInTheVisitorsLanguageWithTheNavigation() throws Exception {
        String zh = page("/no-such-page");
        assertThat(zh)
                .contains("页面不存在")
                .contains("href=\"/targets\"")
                .contains("lang=\"zh\"")
                .doesNotContain("Whitelabel");
        assertThat(page("/no-such-page?lang=en")).contains("Page not found").contains("href=\"/open-data\"");
        assertThat(page("/no-such-page?lang=ug")).contains("بەت تېپىلمىدى").contains("dir=\"rtl\"");
    }

    private String page(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .header("Accept", "text/html,application/xhtml+xml")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        return response.body();
    }
}
