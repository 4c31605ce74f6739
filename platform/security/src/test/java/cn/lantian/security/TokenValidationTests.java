package cn.lantian.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

class TokenValidationTests {

    static final String ISSUER = "http://127.0.0.1:8180/realms/kashgar";
    final OAuth2TokenValidator<Jwt> validator =
            LantianSecurityAutoConfiguration.validator(new SecurityProperties(null, null, 0));

    static Jwt.Builder token() {
        return Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .issuer(ISSUER)
                .audience(List.of("lantian"))
                .issuedAt(Instant.now().minusSeconds(10))
                .expiresAt(Instant.now().plusSeconds(290));
    }

    @Test
    void acceptsACurrentTokenOfTheRealmForLantian() {
        assertThat(validator.validate(token().build()).hasErrors()).isFalse();
    }

    @Test
    void refusesAnExpiredToken() {
        Jwt expired = token().issuedAt(Instant.now().minusSeconds(900))
                .expiresAt(Instant.now().minusSeconds(600))
                .build();
        assertThat(validator.validate(expired).hasErrors()).isTrue();
    }

    @Test
    void refusesATokenOfAnotherRealm() {
        Jwt master = token().issuer("http://127.0.0.1:8180/realms/master").build();
        assertThat(validator.validate(master).hasErrors()).isTrue();
    }

    @Test
    void refusesATokenFetchedThroughAnotherHostName() {
        Jwt localhost = token().issuer("http://localhost:8180/realms/kashgar").build();
        assertThat(validator.validate(localhost).hasErrors()).isTrue();
    }

    @Test
    void refusesATokenForAnotherAudience() {
        assertThat(validator
                        .validate(token().audience(List.of("account")).build())
                        .hasErrors())
                .isTrue();
    }
}
