package cn.lantian.feeds;

import java.net.URI;
import java.util.Map;

/**
 * The feeds' settings, from the environment: {@code LANTIAN_FEEDS_AMQP_URI} (default the platform's broker as guest),
 * {@code LANTIAN_FEEDS_AIR_QUALITY_URL}, {@code LANTIAN_FEEDS_DUST_URL}, {@code LANTIAN_FEEDS_STATIONARY_URL},
 * {@code LANTIAN_FEEDS_MOBILE_URL}, {@code LANTIAN_FEEDS_STRAW_URL} (the services' APIs), {@code LANTIAN_FEEDS_TOKEN_URL}, {@code LANTIAN_FEEDS_CLIENT}, {@code LANTIAN_FEEDS_CLIENT_SECRET}
 * (the agency's client credentials for stationary's registry; default the demo realm's agency-ecology), {@code LANTIAN_FEEDS_SPEED} (1 = real
 * time) and {@code LANTIAN_FEEDS_HISTORY_YEARS} (years before the current one that the history covers, default 2).
 */
public record FeedSettings(
        URI amqp,
        URI airQuality,
        URI dust,
        URI stationary,
        URI mobile,
        URI straw,
        URI tokenEndpoint,
        String client,
        String clientSecret,
        double speed,
        int historyYears) {

    static FeedSettings from(Map<String, String> env) {
        double speed;
        try {
            speed = Double.parseDouble(env.getOrDefault("LANTIAN_FEEDS_SPEED", "1"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("LANTIAN_FEEDS_SPEED must be a number >= 1");
        }
        return new FeedSettings(
                URI.create(env.getOrDefault("LANTIAN_FEEDS_AMQP_URI", "amqp://guest:guest@127.0.0.1:5672/%2F")),
                URI.create(env.getOrDefault("LANTIAN_FEEDS_AIR_QUALITY_URL", "http://127.0.0.1:8086")),
                URI.create(env.getOrDefault("LANTIAN_FEEDS_DUST_URL", "http://127.0.0.1:8083")),
                URI.create(env.getOrDefault("LANTIAN_FEEDS_STATIONARY_URL", "http://127.0.0.1:8081")),
                URI.create(env.getOrDefault("LANTIAN_FEEDS_MOBILE_URL", "http://127.0.0.1:8082")),
                URI.create(env.getOrDefault("LANTIAN_FEEDS_STRAW_URL", "http://127.0.0.1:8084")),
                URI.create(env.getOrDefault(
                        "LANTIAN_FEEDS_TOKEN_URL",
                        "http://127.0.0.1:8180/realms/kashgar/protocol/openid-connect/token")),
                env.getOrDefault("LANTIAN_FEEDS_CLIENT", "agency-ecology"),
                // The demo realm's public client secret (README): a real deployment sets its own.
                env.getOrDefault("LANTIAN_FEEDS_CLIENT_SECRET", "agency-ecology-secret"),
                speed,
                Integer.parseInt(env.getOrDefault("LANTIAN_FEEDS_HISTORY_YEARS", "2")));
    }
}
