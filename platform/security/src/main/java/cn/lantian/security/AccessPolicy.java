package cn.lantian.security;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;

/**
 * A service's access policy in one place: which paths are open, which need any valid token to read, and which agency
 * roles may write. Rules apply in the order declared; whatever no rule names is refused, so a forgotten endpoint is
 * closed rather than open. Jurisdiction is checked by the handlers, which know where each record lies.
 *
 * <pre>{@code
 * resourceServer.apply(http).authorizeExchange(AccessPolicy.create()
 *         .open("/api/public/**", "/v3/api-docs/**", "/actuator/health/**")
 *         .write("ecology", "/api/stationary/v1/**")
 *         .read("/api/stationary/v1/**"))
 *     .build();
 * }</pre>
 */
public final class AccessPolicy implements Customizer<AuthorizeExchangeSpec> {

    /** The methods that change something; everything else is a read. */
    public static final List<HttpMethod> WRITES =
            List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    private final List<Consumer<AuthorizeExchangeSpec>> rules = new ArrayList<>();
    private boolean closeTheRest = true;

    private AccessPolicy() {}

    /** An empty policy that refuses everything. */
    public static AccessPolicy create() {
        return new AccessPolicy();
    }

    /** Paths anyone may call without a token. */
    public AccessPolicy open(String... paths) {
        rules.add(spec -> spec.pathMatchers(paths).permitAll());
        return this;
    }

    /** Paths anyone may read (GET, HEAD) without a token; writes to them fall to later rules. */
    public AccessPolicy openReads(String... paths) {
        rules.add(spec -> spec.pathMatchers(HttpMethod.GET, paths).permitAll());
        rules.add(spec -> spec.pathMatchers(HttpMethod.HEAD, paths).permitAll());
        return this;
    }

    /** Paths any caller with a valid token may read (GET, HEAD). */
    public AccessPolicy read(String... paths) {
        rules.add(spec -> spec.pathMatchers(HttpMethod.GET, paths).authenticated());
        rules.add(spec -> spec.pathMatchers(HttpMethod.HEAD, paths).authenticated());
        return this;
    }

    /** Paths only callers of one of the given agency roles may write (POST, PUT, PATCH, DELETE). */
    public AccessPolicy write(List<String> agencies, String... paths) {
        String[] roles = agencies.toArray(String[]::new);
        for (HttpMethod method : WRITES) {
            rules.add(spec -> spec.pathMatchers(method, paths).hasAnyRole(roles));
        }
        return this;
    }

    /** Paths only callers of that agency role may write. */
    public AccessPolicy write(String agency, String... paths) {
        return write(List.of(agency), paths);
    }

    /** Paths any caller with a valid token may call with any method (the handlers decide further). */
    public AccessPolicy authenticated(String... paths) {
        rules.add(spec -> spec.pathMatchers(paths).authenticated());
        return this;
    }

    /** Lets through whatever no rule names, instead of refusing it (for a gateway that serves static pages). */
    public AccessPolicy openTheRest() {
        closeTheRest = false;
        return this;
    }

    @Override
    public void customize(AuthorizeExchangeSpec spec) {
        rules.forEach(rule -> rule.accept(spec));
        if (closeTheRest) {
            spec.anyExchange().denyAll();
        } else {
            spec.anyExchange().permitAll();
        }
    }
}
