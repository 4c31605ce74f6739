package cn.lantian.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The limits every service applies to its input ({@code lantian.web.*}); their defaults, with the reasons for them,
 * are in {@code lantian-web-limits.properties} of this module, and a service may raise a body cap for named paths.
 */
@ConfigurationProperties("lantian.web")
public record WebLimitsProperties(DataSize maxBody, List<LargerBody> largerBodies, Json json) {

    public WebLimitsProperties {
        largerBodies = largerBodies == null ? List.of() : List.copyOf(largerBodies);
    }

    /** A larger body cap for paths matching {@code path} (a Spring path pattern), e.g. CSV uploads. */
    public record LargerBody(String path, DataSize max) {}

    /**
     * The JSON parser's limits; beyond any of them a request is 400. {@code acceptUnknownFields} is false unless a
     * service says, with its reason, that its requests may carry fields it does not know.
     */
    public record Json(
            int maxNestingDepth,
            int maxNumberLength,
            int maxStringLength,
            int maxNameLength,
            int maxIntegerDigits,
            boolean acceptUnknownFields) {}

    /** The largest body any path of the service accepts: what its JSON and text decoders must hold in memory. */
    public DataSize largestBody() {
        long largest = largerBodies.stream().mapToLong(b -> b.max().toBytes()).reduce(maxBody.toBytes(), Math::max);
        return DataSize.ofBytes(largest);
    }
}
