package cn.lantian.portal.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class FreshnessTests {

    private static final Instant NOW = Instant.parse("2026-12-06T10:20:00Z");

    private final Freshness freshness =
            new Freshness(Duration.ofHours(2), messages(), Clock.fixed(NOW, ZoneOffset.UTC));

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @Test
    void anHourOfTheLastTwoIsFreshAndSaysItsAge() {
        assertThat(freshness.of(NOW.minus(Duration.ofMinutes(20)), "zh")).isEqualTo(new Freshness.Age(false, "20 分钟前"));
        assertThat(freshness.of(NOW.minus(Duration.ofMinutes(80)), "en"))
                .isEqualTo(new Freshness.Age(false, "1 h ago"));
        assertThat(freshness.of(NOW.minus(Duration.ofHours(2)), "en").stale()).isFalse();
    }

    @Test
    void olderThanTwoHoursIsStaleWithItsAgeInEachLanguage() {
        Instant old = NOW.minus(Duration.ofHours(2).plusMinutes(1));
        assertThat(freshness.of(old, "zh")).isEqualTo(new Freshness.Age(true, "2 小时前"));
        assertThat(freshness.of(NOW.minus(Duration.ofDays(3)), "en")).isEqualTo(new Freshness.Age(true, "3 days ago"));
        assertThat(freshness.of(NOW.minus(Duration.ofDays(3)), "ug"))
                .isEqualTo(new Freshness.Age(true, "3 كۈن ئىلگىرى"));
    }

    @Test
    void aValueWithoutTimeIsStaleAndAFutureStampIsNow() {
        assertThat(freshness.of(null, "en")).isEqualTo(new Freshness.Age(true, "time unknown"));
        assertThat(freshness.of(NOW.plusSeconds(600), "en")).isEqualTo(new Freshness.Age(false, "0 min ago"));
    }
}
