package cn.lantian.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where tokens come from and whom they must be for.
 *
 * @param issuerUri the realm's issuer; tokens fetched through another host name are rejected
 * @param audience the audience every Lantian token carries
 */
@ConfigurationProperties("lantian.security")
public record SecurityProperties(String issuerUri, String audience) {

    public SecurityProperties {
        issuerUri = issuerUri == null ? "http://127.0.0.1:8180/realms/kashgar" : issuerUri;
        audience = audience == null ? "lantian" : audience;
    }
}
