package cn.lantian.portal.live;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the live stream ({@code lantian.portal.live.*}).
 *
 * @param maxStreamsPerAddress how many {@code /api/public/v1/live} streams one client address may hold open at once
 * @param trustedProxies addresses of proxies (the gateway) whose {@code X-Forwarded-For} names the client
 */
@ConfigurationProperties("lantian.portal.live")
record LiveProperties(int maxStreamsPerAddress, List<String> trustedProxies) {

    LiveProperties {
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    }
}
