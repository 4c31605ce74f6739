package cn.lantian.feeds;

import java.net.URI;
import java.util.Map;

/**
 * The feeds' settings, from the environment: {@code LANTIAN_FEEDS_AMQP_URI} (default the platform's broker as guest),
 * {@code LANTIAN_FEEDS_AIR_QUALITY_URL} and {@code LANTIAN_FEEDS_DUST_URL} (the services' public APIs), {@code LANTIAN_FEEDS_SPEED} (1 = real
 * time) and {@code LANTIAN_FEEDS_HISTORY_YEARS} (years before the current one that the history covers, default 2).
 */
public record FeedSettings(URI amqp, URI airQuality, URI dust, double speed, int historyYears) {

    static FeedSettings from(Map<String, String> env) {
        double speed;
        try {
            speed = Double.parseDouble(env.getOrDefault("LANTIAN_FEEDS_SPEED", "1"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("LANTIAN_FEEDS_SPEED must be a number >= 1");
        }
        return new FeedSettings(URI.create(env.getOrDefault("LANTIAN_FEEDS_AMQP_URI", "amqp://guest:guest@127.0.0.1:5672/%2F")),
                URI.create(env.getOrDefault("LANTIAN_FEEDS_AIR_QUALITY_URL", "http://127.0.0.1:8086")),
                URI.create(env.getOrDefault("LANTIAN_FEEDS_DUST_URL", "http://127.0.0.1:8083")),
                speed, Integer.parseInt(env.getOrDefault("LANTIAN_FEEDS_HISTORY_YEARS", "2")));
    }
}
