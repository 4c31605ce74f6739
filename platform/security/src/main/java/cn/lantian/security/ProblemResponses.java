package cn.lantian.security;

import cn.lantian.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;

/**
 * The security chain's refusals in the platform's one problem shape (written by {@link Problems}): 401 without a valid
 * token, 403 without the right, 400 for a request the firewall rejects (e.g. an encoded {@code ..} in the path).
 */
public final class ProblemResponses {

    private ProblemResponses() {}

    /** 401 with {@code WWW-Authenticate: Bearer}. */
    public static ServerAuthenticationEntryPoint unauthorized() {
        return (exchange, e) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"kashgar\"");
            return Problems.write(
                    exchange, HttpStatus.UNAUTHORIZED, "A valid access token of realm kashgar is required.");
        };
    }

    /** 403: the token is valid but its agency, level or jurisdiction does not allow this. */
    public static ServerAccessDeniedHandler forbidden() {
        return (exchange, e) -> Problems.write(
                exchange, HttpStatus.FORBIDDEN, "Your agency, level or jurisdiction does not allow this request.");
    }

    /** 400 for a request the firewall refuses before any filter sees it; the reason stays in the log. */
    public static ServerExchangeRejectedHandler rejected() {
        return (exchange, e) ->
                Problems.write(exchange, HttpStatus.BAD_REQUEST, "The request path or headers are not acceptable.");
    }
}
