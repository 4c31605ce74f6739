package cn.lantian.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Maps a token to authorities: {@code ROLE_<realm role>} for each realm role (agency and level) and
 * {@code JURISDICTION_<id>} for the jurisdiction claim; the principal name is the caller's username.
 */
public final class CallerAuthentication implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    /** Authority prefix of the caller's jurisdiction. */
    public static final String JURISDICTION = "JURISDICTION_";

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        Caller caller = Caller.of(jwt);
        // Spring Security puts the exchange into the Reactor context; remembering the caller on it lets filters that
        // run outside the security chain (access log, audit) name the caller even when the chain refuses the request.
        return Mono.deferContextual(context -> {
            context.<ServerWebExchange>getOrEmpty(ServerWebExchange.class)
                    .ifPresent(exchange -> exchange.getAttributes().put(Callers.ATTRIBUTE, caller));
            return Mono.just(new JwtAuthenticationToken(jwt, authorities(jwt), caller.username()));
        });
    }

    static List<GrantedAuthority> authorities(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        RealmRoles.of(jwt).forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        String jurisdiction = jwt.getClaimAsString("jurisdiction");
        if (jurisdiction != null) {
            authorities.add(new SimpleGrantedAuthority(JURISDICTION + jurisdiction));
        }
        return authorities;
    }
}
