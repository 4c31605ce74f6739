package cn.lantian.mobile.sensing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two-failures-in-six-months judgement at its edges, with the shipped rule data. */
class JudgementTests {

    private final Judgement judgement = new SensingRules().judgement();
    private final ZonedDateTime now = ZonedDateTime.of(2026, 8, 31, 10, 0, 0, 0, Judgement.ZONE);

    @Test
    void theShippedJudgementIsTwoFailuresInSixMonthsFromItsSource() {
        assertThat(judgement.failures()).isEqualTo(2);
        assertThat(judgement.windowMonths()).isEqualTo(6);
        assertThat(judgement.source()).contains("HJ 845-2017");
        assertThat(judgement.status()).isEqualTo("secondary source");
    }

    @Test
    void oneFailureAloneIsNoFailure() {
        assertThat(judgement.fails(List.of(), now.toInstant())).isFalse();
    }

    @Test
    void aSecondFailureExactlySixMonthsLaterCounts() {
        // 31 August minus six months is 28 February (Beijing time): the window's first instant counts.
        Instant edge =
                ZonedDateTime.of(2026, 2, 28, 10, 0, 0, 0, Judgement.ZONE).toInstant();
        assertThat(judgement.fails(List.of(edge), now.toInstant())).isTrue();
    }

    @Test
    void aFailureOneSecondBeforeTheWindowDoesNotCount() {
        Instant before =
                ZonedDateTime.of(2026, 2, 28, 9, 59, 59, 0, Judgement.ZONE).toInstant();
        assertThat(judgement.fails(List.of(before), now.toInstant())).isFalse();
    }

    @Test
    void failuresAfterTheReadingAreNotEarlierFailures() {
        assertThat(judgement.fails(List.of(now.plusSeconds(1).toInstant()), now.toInstant()))
                .isFalse();
        assertThat(judgement.fails(List.of(now.minusDays(1).toInstant()), now.toInstant()))
                .isTrue();
    }

    @Test
    void threeFailuresAreJudgedByAThreeFailureRuleOnlyWhenAllLieInTheWindow() {
        Judgement three = new Judgement(3, 6, "test", "test");
        Instant inside = now.minusMonths(1).toInstant();
        Instant outside = now.minusMonths(7).toInstant();
        assertThat(three.fails(List.of(inside, outside), now.toInstant())).isFalse();
        assertThat(three.fails(List.of(inside, inside.minusSeconds(60)), now.toInstant()))
                .isTrue();
    }
}
