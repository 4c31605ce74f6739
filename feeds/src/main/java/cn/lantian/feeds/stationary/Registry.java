package cn.lantian.feeds.stationary;

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

/**
 * What an agency system reads from stationary's API with its own client credentials (Keycloak, realm kashgar): the
 * outlets with CEMS ({@code GET /facilities?kind=outlet}) and each outlet's newest stored hour ({@code GET
 * /cems/outlets/{id}}, the last seven days).
 */
final class Registry {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration LOOK_BACK = Duration.ofDays(7);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI stationary;
    private final URI tokenEndpoint;
    private final String client;
    private final String secret;

    Registry(URI stationary, URI tokenEndpoint, String client, String secret) {
        this.stationary = stationary;
        this.tokenEndpoint = tokenEndpoint;
        this.client = client;
        this.secret = secret;
    }

    /**
     * Every outlet with CEMS; with {@code newest}, each with its newest stored hour within the last seven days before
     * {@code now} (one request per outlet, so only for the catch-up).
     */
    List<Outlet> outlets(Instant now, boolean newest) throws IOException {
        String token = token();
        List<Outlet> out = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = JSON.readTree(get(
                    "/api/stationary/v1/facilities?kind=outlet&limit=200"
                            + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8)),
                    token));
            for (Outlet o : parse(page)) {
                out.add(
                        newest
                                ? new Outlet(
                                        o.id(),
                                        o.sourceKind(),
                                        o.ultraLow(),
                                        o.pollutants(),
                                        latest(o.id(), now, token))
                                : o);
            }
            JsonNode next = page.path("next");
            after = next.isMissingNode() || next.isNull() ? null : next.asString();
        } while (after != null);
        return out;
    }

    /** The ids of every production line (kind {@code line}) that is not closed: the lines with electricity meters. */
    List<String> lines() throws IOException {
        String token = token();
        List<String> out = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = JSON.readTree(get(
                    "/api/stationary/v1/facilities?kind=line&limit=200"
                            + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8)),
                    token));
            for (JsonNode f : page.path("items")) {
                if (!"closed".equals(f.path("status").asString(""))) {
                    out.add(f.get("id").asString());
                }
            }
            JsonNode next = page.path("next");
            after = next.isMissingNode() || next.isNull() ? null : next.asString();
        } while (after != null);
        return out;
    }

    /** The outlets of one page that have CEMS (the {@code cems} attribute lists the pollutants monitored). */
    static List<Outlet> parse(JsonNode page) {
        List<Outlet> out = new ArrayList<>();
        for (JsonNode f : page.path("items")) {
            JsonNode a = f.path("attributes");
            List<String> pollutants = new ArrayList<>();
            a.path("cems").forEach(p -> pollutants.add(p.asString()));
            if (!pollutants.isEmpty() && !"closed".equals(f.path("status").asString(""))) {
                out.add(new Outlet(
                        f.get("id").asString(),
                        a.path("sourceKind").asString(""),
                        a.path("ultraLow").asBoolean(false),
                        pollutants,
                        null));
            }
        }
        return out;
    }

    private Instant latest(String outlet, Instant now, String token) throws IOException {
        Instant newest = null;
        JsonNode hours = JSON.readTree(get(
                "/api/stationary/v1/cems/outlets/" + URLEncoder.encode(outlet, StandardCharsets.UTF_8) + "?from="
                        + now.minus(LOOK_BACK) + "&to=" + now.plusSeconds(3600),
                token));
        for (JsonNode h : hours) {
            Instant hour = Instant.parse(h.get("hour").asString());
            newest = newest == null || hour.isAfter(newest) ? hour : newest;
        }
        return newest;
    }

    private String token() throws IOException {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(client, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return JSON.readTree(send(request)).get("access_token").asString();
    }

    private String get(String path, String token) throws IOException {
        return send(HttpRequest.newBuilder(stationary.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .GET()
                .build());
    }

    private String send(HttpRequest request) throws IOException {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException(
                        request.method() + " " + request.uri().getPath() + " answered " + response.statusCode());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
