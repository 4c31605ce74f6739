package cn.lantian.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class ValidatedTokensTests {

    static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    final AtomicInteger verifications = new AtomicInteger();
    Instant expiry = NOW.plusSeconds(300);

    // Stands for signature and claim checks: accepts tokens named "good…", refuses the rest.
    final ReactiveJwtDecoder validator = token -> {
        verifications.incrementAndGet();
        if (!token.startsWith("good")) {
            return Mono.error(new BadJwtException("forged"));
        }
        return Mono.just(Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .subject("eco-shache")
                .issuedAt(NOW.minusSeconds(10))
                .expiresAt(expiry)
                .build());
    };

    @Test
    void verifiesARepeatedTokenOnlyOnce() {
        ValidatedTokens tokens = new ValidatedTokens(validator, 10, Clock.fixed(NOW, ZoneOffset.UTC));
        Jwt first = tokens.decode("good-1").block(Duration.ofSeconds(1));
        Jwt again = tokens.decode("good-1").block(Duration.ofSeconds(1));
        assertThat(again).isSameAs(first);
        assertThat(verifications).hasValue(1);
        tokens.decode("good-2").block(Duration.ofSeconds(1));
        assertThat(verifications).hasValue(2);
    }

    @Test
    void neverAnswersAnExpiredTokenFromMemory() {
        MutableClock clock = new MutableClock(NOW);
        ValidatedTokens tokens = new ValidatedTokens(validator, 10, clock);
        tokens.decode("good-1").block(Duration.ofSeconds(1));
        clock.now = expiry;
        tokens.decode("good-1").block(Duration.ofSeconds(1));
        assertThat(verifications).hasValue(2);
    }

    @Test
    void remembersNoRefusedToken() {
        ValidatedTokens tokens = new ValidatedTokens(validator, 10, Clock.fixed(NOW, ZoneOffset.UTC));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> tokens.decode("forged").block(Duration.ofSeconds(1)))
                    .isInstanceOf(BadJwtException.class);
        }
        assertThat(verifications).hasValue(2);
    }

    private static final class MutableClock extends Clock {

        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
