package cn.lantian.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real access tokens from the running Keycloak, for integration tests: users by password grant, agencies by client. */
public final class KeycloakTokens {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, CachedToken> CACHE = new ConcurrentHashMap<>();

    private record CachedToken(String value, long expiresAtMillis) {}

    private KeycloakTokens() {}

    /** An access token for a demo user through the public client {@code lantian-cli}. */
    public static String of(DemoIdentity user) {
        return password(user.username(), DemoIdentity.PASSWORD);
    }

    /** An access token by password grant. */
    public static String password(String username, String password) {
        return cached(
                "user:" + username + ":" + password.hashCode(),
                Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "lantian-cli",
                        "username",
                        username,
                        "password",
                        password));
    }

    /** An access token for an agency system by client credentials ({@code <clientId>-secret} in the demo realm). */
    public static String client(String clientId) {
        return cached(
                "client:" + clientId,
                Map.of(
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        clientId,
                        "client_secret",
                        clientId + "-secret"));
    }

    /** The claims of a token, decoded without checking its signature (tests check what Keycloak issued). */
    public static JsonNode claims(String token) {
        String payload = token.split("\\.")[1];
        return JSON.readTree(Base64.getUrlDecoder().decode(payload));
    }

    private static String cached(String key, Map<String, String> form) {
        CachedToken hit = CACHE.get(key);
        if (hit != null && hit.expiresAtMillis() > System.currentTimeMillis() + 30_000) {
            return hit.value();
        }
        JsonNode response = post(form);
        String token = response.get("access_token").asString();
        CACHE.put(
                key,
                new CachedToken(
                        token,
                        System.currentTimeMillis() + response.get("expires_in").asLong() * 1000));
        return token;
    }

    private static JsonNode post(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(Infrastructure.ISSUER + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused " + form.get("grant_type") + ": "
                        + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Keycloak is not reachable at " + Infrastructure.KEYCLOAK + ": start it with ./lantian infra up",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
