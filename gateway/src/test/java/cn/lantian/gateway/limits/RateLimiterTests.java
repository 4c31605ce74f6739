package cn.lantian.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTests {

    @Test
    void roundsRetryAfterUpToWholeSecondsOfAtLeastOne() {
        assertThat(new RateLimiter.Verdict(false, Duration.ofMillis(12_001)).retryAfterSeconds()).isEqualTo(13);
        assertThat(new RateLimiter.Verdict(false, Duration.ofMillis(12_000)).retryAfterSeconds()).isEqualTo(12);
        assertThat(new RateLimiter.Verdict(false, Duration.ZERO).retryAfterSeconds()).isEqualTo(1);
    }
}
