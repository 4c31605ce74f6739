package cn.lantian.system;

import cn.lantian.testsupport.DemoIdentity;
import cn.lantian.testsupport.Infrastructure;
import cn.lantian.testsupport.KeycloakTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the platform through its single entry point, as a user or agency system would. */
final class Gateway {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Gateway() {}

    static HttpResponse<String> get(String path, DemoIdentity who) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Infrastructure.GATEWAY + path))
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (who != null) {
            request.header("Authorization", "Bearer " + KeycloakTokens.of(who));
        }
        return send(request.build());
    }

    static HttpResponse<String> post(String path, DemoIdentity who, String contentType, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Infrastructure.GATEWAY + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + KeycloakTokens.of(who))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return send(request);
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
