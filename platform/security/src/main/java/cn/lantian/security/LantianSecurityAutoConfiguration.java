package cn.lantian.security;

import cn.lantian.reference.Jurisdictions;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;

/** Registers the token decoder, the resource-server configurer and the jurisdiction reference for every service. */
@AutoConfiguration
@EnableConfigurationProperties(SecurityProperties.class)
public class LantianSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ReactiveJwtDecoder lantianJwtDecoder(SecurityProperties properties) {
        // The JWK set is fetched on first use, so a service may start before Keycloak answers.
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(
                        properties.issuerUri() + "/protocol/openid-connect/certs")
                .build();
        decoder.setJwtValidator(validator(properties));
        return new ValidatedTokens(decoder, properties.validatedTokens(), Clock.systemUTC());
    }

    /** Issuer, expiry (with Spring's default clock skew) and audience: what a signed token must also satisfy. */
    static OAuth2TokenValidator<Jwt> validator(SecurityProperties properties) {
        OAuth2TokenValidator<Jwt> audience =
                jwt -> jwt.getAudience() != null && jwt.getAudience().contains(properties.audience())
                        ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(
                                new OAuth2Error("invalid_token", "token is not for " + properties.audience(), null));
        return new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuerUri()), audience);
    }

    @Bean
    @ConditionalOnMissingBean
    LantianResourceServer lantianResourceServer(ReactiveJwtDecoder decoder) {
        return new LantianResourceServer(decoder);
    }

    /** The firewall's refusals (an encoded path traversal, a bad header) as problem details, not an empty 400. */
    @Bean
    @ConditionalOnMissingBean
    ServerExchangeRejectedHandler problemExchangeRejectedHandler() {
        return ProblemResponses.rejected();
    }

    @Bean
    @ConditionalOnMissingBean
    Jurisdictions jurisdictions() {
        return Jurisdictions.load();
    }
}
