package cn.lantian.feeds.dust;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The monitored sites and their newest hour, from dust's public API ({@code GET /api/public/v1/dust/sites}, paged). */
final class PublicSites {

    /** A site with a monitor, and the end of its newest hour of readings (null when none). */
    record Monitored(String siteId, Instant latest) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;

    PublicSites(URI base) {
        this.base = base;
    }

    List<Monitored> monitored() throws IOException {
        List<Monitored> out = new ArrayList<>();
        String after = null;
        do {
            String query = "/api/public/v1/dust/sites?limit=500"
                    + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
            JsonNode page = JSON.readTree(get(base.resolve(query)));
            out.addAll(parse(page));
            JsonNode next = page.path("next");
            after = next.isMissingNode() || next.isNull() ? null : next.asString();
        } while (after != null);
        return out;
    }

    static List<Monitored> parse(JsonNode page) {
        List<Monitored> out = new ArrayList<>();
        for (JsonNode s : page.path("items")) {
            String status = s.path("monitorStatus").asString("");
            if (status.equals("monitored") || status.equals("silent")) {
                JsonNode latest = s.path("latestHour");
                out.add(new Monitored(
                        s.get("id").asString(),
                        latest.isMissingNode() || latest.isNull() ? null : Instant.parse(latest.asString())));
            }
        }
        return out;
    }

    private String get(URI uri) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("GET " + uri + " answered " + response.statusCode());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking for the sites", e);
        }
    }
}
