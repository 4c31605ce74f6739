package cn.lantian.indexer.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IndexLayoutTests {

    private final IndexLayout layout =
            new IndexLayout(new IndexerProperties(null, "lantian-", 0, null, null, null, null, 3, null));

    @Test
    void anEventLandsInTheIndexOfItsDomainAndItsOwnUtcMonth() {
        assertThat(layout.index("straw", OffsetDateTime.parse("2024-11-12T09:00:00+08:00")))
                .isEqualTo("lantian-events-straw-2024.11");
        // 1 December, 02:00 Beijing time is still 30 November in UTC.
        assertThat(layout.index("air-quality", OffsetDateTime.parse("2026-12-01T02:00:00+08:00")))
                .isEqualTo("lantian-events-air-quality-2026.11");
        assertThat(layout.index("air-quality", OffsetDateTime.parse("2026-12-01T00:00:00Z")))
                .isEqualTo("lantian-events-air-quality-2026.12");
    }

    @Test
    void aBoundedSearchReadsOnlyTheMonthsItTouches() {
        assertThat(layout.searchTargets(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z")))
                .containsExactly("lantian-events-*-2026.11");
        assertThat(layout.searchTargets(Instant.parse("2026-12-20T00:00:00Z"), Instant.parse("2027-01-02T00:00:00Z")))
                .containsExactly("lantian-events-*-2026.12", "lantian-events-*-2027.01");
    }

    @Test
    void anOpenOrTooLongRangeReadsTheJointAlias() {
        assertThat(layout.searchTargets(null, Instant.parse("2026-12-01T00:00:00Z")))
                .containsExactly("lantian-events");
        assertThat(layout.searchTargets(Instant.parse("2026-11-01T00:00:00Z"), null))
                .containsExactly("lantian-events");
        // Three months by name at most (this layout's setting), four are read through the alias.
        assertThat(layout.searchTargets(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z")))
                .hasSize(3);
        assertThat(layout.searchTargets(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:01Z")))
                .containsExactly("lantian-events");
    }

    @Test
    void readsTheMonthBackFromItsOwnIndicesOnly() {
        assertThat(layout.monthOf("lantian-events-air-quality-2026.11")).contains(YearMonth.of(2026, 11));
        assertThat(layout.monthOf("lantian-events-straw")).isEqualTo(Optional.empty());
        assertThat(layout.monthOf("lantian-events")).isEqualTo(Optional.empty());
        assertThat(layout.monthOf("lantian-test-1-events-straw-2026.11")).isEqualTo(Optional.empty());
    }
}
