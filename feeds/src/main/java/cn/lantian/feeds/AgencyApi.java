package cn.lantian.feeds;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's API as an agency system reads it: with its own client credentials (Keycloak client-credentials grant),
 * one token per read, and the platform's cursor pages ({@code items}, {@code next} → {@code after}).
 */
public final class AgencyApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final URI tokenEndpoint;
    private final String client;
    private final String secret;

    public AgencyApi(URI base, URI tokenEndpoint, String client, String secret) {
        this.base = base;
        this.tokenEndpoint = tokenEndpoint;
        this.client = client;
        this.secret = secret;
    }

    /** A fresh access token of the agency's client. */
    public String token() throws IOException {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(client, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return JSON.readTree(send(request)).get("access_token").asString();
    }

    /** The JSON answer of {@code GET path} (path and query, encoded). */
    public JsonNode get(String path, String token) throws IOException {
        return JSON.readTree(send(HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .GET()
                .build()));
    }

    /** Every item of a paged list: {@code path} with its query, to which {@code limit} and {@code after} are added. */
    public List<JsonNode> all(String path, int limit) throws IOException {
        String token = token();
        List<JsonNode> out = new ArrayList<>();
        String after = null;
        String join = path.contains("?") ? "&" : "?";
        do {
            JsonNode page = get(
                    path + join + "limit=" + limit
                            + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8)),
                    token);
            page.path("items").forEach(out::add);
            JsonNode next = page.path("next");
            after = next.isMissingNode() || next.isNull() ? null : next.asString();
        } while (after != null);
        return out;
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
