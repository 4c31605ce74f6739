package cn.lantian.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.gateway.GatewayProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTests {

    @Test
    void roundsRetryAfterUpToWholeSecondsOfAtLeastOne() {
        assertThat(new RateLimiter.Verdict(false, 5, 0, Duration.ofMillis(12_001)).retryAfterSeconds())
                .isEqualTo(13);
        assertThat(new RateLimiter.Verdict(false, 5, 0, Duration.ofMillis(12_000)).retryAfterSeconds())
                .isEqualTo(12);
        assertThat(new RateLimiter.Verdict(false, 5, 0, Duration.ZERO).retryAfterSeconds())
                .isEqualTo(1);
    }

    @Test
    void usesItsOwnKeyPrefixWhenNoneIsConfigured() {
        assertThat(new GatewayProperties.RateLimit(120, 600, Duration.ofMinutes(1), 0.05, null, null).keyPrefix())
                .isEqualTo("lantian:rate:");
    }

    @Test
    void leasesAShareOfTheLimitAndAtLeastOneRequest() {
        GatewayProperties.RateLimit limits =
                new GatewayProperties.RateLimit(120, 600, Duration.ofMinutes(1), 0.05, null, null);
        assertThat(limits.leaseOf(600)).isEqualTo(30);
        assertThat(limits.leaseOf(120)).isEqualTo(6);
        assertThat(limits.leaseOf(5)).isEqualTo(1);
        assertThat(limits.leaseOf(0)).isEqualTo(1);
    }

    @Test
    void aLeaseGivesOutItsRequestsOnce() {
        RateLimiter.Lease lease = new RateLimiter.Lease(
                2, 10, System.nanoTime() + Duration.ofMinutes(1).toNanos());
        assertThat(lease.take()).isEqualTo(1);
        assertThat(lease.remainingWith(1)).isEqualTo(11);
        assertThat(lease.take()).isZero();
        assertThat(lease.take()).isEqualTo(-1);
        assertThat(lease.take()).isEqualTo(-1);
    }

    @Test
    void aLeaseEndsWithItsWindow() {
        RateLimiter.Lease lease = new RateLimiter.Lease(5, 10, System.nanoTime() - 1);
        assertThat(lease.take()).isEqualTo(-1);
        assertThat(lease.lifeLeft()).isEqualTo(Duration.ZERO);
    }
}
