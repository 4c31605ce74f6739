package cn.lantian.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one writer of problem documents, used by the error handler, the input filters and the security chain's 401 and
 * 403, so that every refusal of every service has the same shape.
 */
public final class Problems {

    // Its own mapper: the application's may be configured for requests, and this output must not depend on it.
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {}

    /** Writes {@code problem} as {@code application/problem+json} with the request path as its instance. */
    public static Mono<Void> write(ServerWebExchange exchange, Problem problem) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(problem.status());
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = JSON.writeValueAsString(
                        problem.document(exchange.getRequest().getPath().value()))
                .getBytes(StandardCharsets.UTF_8);
        headers.setContentLength(body.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    /** Writes a problem with the given status and one sentence of detail. */
    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
        return write(exchange, Problem.of(status, detail));
    }

    /** Writes a problem with extension members (e.g. {@code retryAfterSeconds}). */
    public static Mono<Void> write(
            ServerWebExchange exchange, HttpStatus status, String detail, Map<String, Object> extensions) {
        return write(exchange, new Problem(status, detail, List.of(), extensions));
    }

    /** Writes a 400 naming every bad field. */
    public static Mono<Void> invalid(ServerWebExchange exchange, List<FieldError> errors) {
        return write(exchange, Problem.invalid(errors));
    }
}
