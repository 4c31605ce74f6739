package cn.lantian.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
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
        return Mono.just(new JwtAuthenticationToken(jwt, authorities(jwt), Caller.of(jwt).username()));
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
