package cn.lantian.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * Sends one request to a running service and checks that the refusal honours the platform's problem shape
 * ({@link ProblemShape}): the expected status, {@code application/problem+json}, the schema. Plain JDK HTTP, so
 * that a raw path ({@code %00}, {@code %2e%2e}) reaches the service as written.
 */
public final class ProblemProbe {

    /** One answer: status, content type (or empty) and body. */
    public record Answer(int status, String contentType, String body) {

        /** Asserts the problem shape with this status; returns the document. */
        public JsonNode assertProblem(int expected) {
            assertThat(status).as("status of %s", body).isEqualTo(expected);
            assertThat(contentType).as("content type of a %d", expected).startsWith("application/problem+json");
            return ProblemShape.assertProblem(body, expected);
        }
    }

    private static final int ONE_OFF_ABOVE = 64 * 1024;
    private static final int ONE_OFF_LINE = 2048;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    private ProblemProbe(String base) {
        this.base = base;
    }

    /** A probe of the service at {@code base}, e.g. {@code http://127.0.0.1:8081}. */
    public static ProblemProbe at(String base) {
        return new ProblemProbe(base);
    }

    /**
     * Sends a request; {@code token} (a bare access token) and {@code body} may be null. The path is sent as written,
     * so it must be percent-encoded already.
     */
    public Answer send(String method, String path, String token, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(45))
                .header("Accept", "application/json, application/problem+json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        // A body the service refuses before reading it, or a request line its HTTP codec refuses (414), leaves the
        // connection unusable (the codec discards whatever follows): such a request gets a connection of its own.
        boolean oneOff = body != null && body.length() > ONE_OFF_ABOVE || path.length() > ONE_OFF_LINE;
        HttpClient client = oneOff
                ? HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                : HTTP;
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A JSON request. */
    public Answer json(String method, String path, String token, String body) {
        return send(method, path, token, "application/json", body);
    }

    /** A JSON body of about {@code bytes} bytes: one long string member, for the body cap. */
    public static String oversized(int bytes) {
        return "{\"name\":\"" + "x".repeat(bytes) + "\"}";
    }
}
