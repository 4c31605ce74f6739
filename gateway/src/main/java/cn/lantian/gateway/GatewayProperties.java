package cn.lantian.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's rule numbers and edge settings, under {@code lantian.gateway}; every value comes from configuration.
 *
 * @param maxBodySize the largest request body relayed; larger ones are answered 413
 * @param largerBodies larger caps for the upload paths, the same as the services' own ({@code lantian.web.larger-bodies})
 * @param jurisdictionParameter the query parameter by which a request names the jurisdiction it concerns
 * @param writers per route path pattern, the agency roles that may write there (routes not named: any agency)
 * @param rateLimit requests allowed per window
 * @param cors which browser origins may call the API
 * @param headers security headers added to every answer
 */
@ConfigurationProperties("lantian.gateway")
public record GatewayProperties(
        DataSize maxBodySize,
        List<LargerBody> largerBodies,
        String jurisdictionParameter,
        Map<String, List<String>> writers,
        RateLimit rateLimit,
        Cors cors,
        Headers headers) {

    public GatewayProperties {
        writers = writers == null ? Map.of() : Map.copyOf(writers);
        largerBodies = largerBodies == null ? List.of() : List.copyOf(largerBodies);
    }

    /** A larger body cap for paths matching {@code path} (a Spring path pattern), e.g. a CSV or FIRMS upload. */
    public record LargerBody(String path, DataSize max) {}

    /**
     * @param publicRequests requests per window per client address on {@code /api/public/**}
     * @param userRequests requests per window per user or agency client on the other APIs
     * @param window the length of a counting window
     * @param leaseShare the share of a client's limit that a gateway instance takes from Redis at once and counts
     *        down locally (at least one request), so that Redis is not asked on every request
     * @param keyPrefix prefix of the counters' Redis keys (tests use one of their own, apart from a running platform)
     * @param unlimitedPaths path patterns outside {@code /api/} that are not counted (the portal's static assets, the
     *        gateway's API documentation); every other page counts against the address's public limit
     */
    public record RateLimit(
            int publicRequests,
            int userRequests,
            Duration window,
            double leaseShare,
            String keyPrefix,
            List<String> unlimitedPaths) {

        public RateLimit {
            keyPrefix = keyPrefix == null || keyPrefix.isBlank() ? "lantian:rate:" : keyPrefix;
            unlimitedPaths = unlimitedPaths == null ? List.of() : List.copyOf(unlimitedPaths);
        }

        /** How many requests to take from Redis at once for a client with that limit: at least one. */
        public int leaseOf(int limit) {
            return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.floor(limit * leaseShare)));
        }
    }

    /**
     * @param allowedOrigins origins allowed to call from a browser
     * @param maxAge how long a browser may cache a preflight answer
     */
    public record Cors(List<String> allowedOrigins, Duration maxAge) {}

    /**
     * @param contentSecurityPolicy the Content-Security-Policy header value
     * @param hstsMaxAge Strict-Transport-Security max-age, sent on HTTPS
     */
    public record Headers(String contentSecurityPolicy, Duration hstsMaxAge) {}
}
