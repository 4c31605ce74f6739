package cn.lantian.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where tokens come from and whom they must be for.
 *
 * @param issuerUri the realm's issuer; tokens fetched through another host name are rejected
 * @param audience the audience every Lantian token carries
 * @param validatedTokens how many validated tokens a service remembers until they expire, so that a caller's repeated
 *        requests are not verified again (2,000 by default, a few kilobytes each; a token dropped from memory is
 *        simply verified again)
 */
@ConfigurationProperties("lantian.security")
public record SecurityProperties(String issuerUri, String audience, int validatedTokens) {

    public SecurityProperties {
        issuerUri = issuerUri == null ? "http://127.0.0.1:8180/realms/kashgar" : issuerUri;
        audience = audience == null ? "lantian" : audience;
        validatedTokens = validatedTokens <= 0 ? 2_000 : validatedTokens;
    }
}
