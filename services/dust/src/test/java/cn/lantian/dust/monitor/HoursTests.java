package cn.lantian.dust.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class HoursTests {

    @Test
    void aReadingBelongsToTheHourItEndsLikeTheNationalStationsHours() {
        assertThat(Hours.label(Instant.parse("2026-12-01T08:35:00Z"))).isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
        assertThat(Hours.label(Instant.parse("2026-12-01T09:00:00Z"))).isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
        assertThat(Hours.label(Instant.parse("2026-12-01T09:00:01Z"))).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
    }

    @Test
    void theNearestStationIsFoundByDistance() {
        var stations = java.util.List.of(new Station("kashgar", 75.99, 39.47), new Station("shache", 77.25, 38.42));
        assertThat(Stations.nearest(stations, 77.0, 38.3))
                .get()
                .extracting(Station::id)
                .isEqualTo("shache");
        assertThat(Stations.nearest(java.util.List.of(), 77.0, 38.3)).isEmpty();
    }
}
