package cn.lantian.gateway.edge;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A W3C trace context {@code traceparent} value (version 00).
 *
 * @param traceId 32 lower-case hex digits, not all zero
 * @param parentId 16 lower-case hex digits, not all zero: the span that the next hop sees as its parent
 * @param flags 2 hex digits (01 = sampled)
 */
public record TraceParent(String traceId, String parentId, String flags) {

    private static final Pattern FORMAT =
            Pattern.compile("^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$");
    private static final String ZERO_TRACE = "0".repeat(32);
    private static final String ZERO_PARENT = "0".repeat(16);

    /**
     * The context the gateway passes on: the incoming trace with the gateway's own span as parent, or a new trace
     * when the header is absent or not a valid version-00 value.
     */
    public static TraceParent continueFrom(String header) {
        if (header != null) {
            Matcher m = FORMAT.matcher(header.trim());
            if (m.matches()
                    && !"ff".equals(m.group(1))
                    && !ZERO_TRACE.equals(m.group(2))
                    && !ZERO_PARENT.equals(m.group(3))) {
                return new TraceParent(m.group(2), randomHex(8), m.group(4));
            }
        }
        return new TraceParent(randomHex(16), randomHex(8), "01");
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        do {
            ThreadLocalRandom.current().nextBytes(random);
        } while (allZero(random));
        return HexFormat.of().formatHex(random);
    }

    private static boolean allZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "00-" + traceId + "-" + parentId + "-" + flags;
    }
}
