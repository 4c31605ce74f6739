package cn.lantian.security;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** RFC 9457 problem details for requests the security chain refuses: 401 without a valid token, 403 without the right. */
public final class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {
    }

    /** 401 with {@code WWW-Authenticate: Bearer}. */
    public static ServerAuthenticationEntryPoint unauthorized() {
        return (exchange, e) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"kashgar\"");
            return write(exchange, HttpStatus.UNAUTHORIZED, "A valid access token of realm kashgar is required.");
        };
    }

    /** 403: the token is valid but its agency, level or jurisdiction does not allow this. */
    public static ServerAccessDeniedHandler forbidden() {
        return (exchange, e) -> write(exchange, HttpStatus.FORBIDDEN,
                "Your agency, level or jurisdiction does not allow this request.");
    }

    /** Writes a problem document with the request path as its instance. */
    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = JSON.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
