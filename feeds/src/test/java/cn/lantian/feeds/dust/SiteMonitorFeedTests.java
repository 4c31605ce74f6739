package cn.lantian.feeds.dust;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The monitor feed's lines against dust's documented inbound format (its README and the batch endpoint's checks):
 * JSON objects with {@code monitorId} (at most 64 characters), {@code at} (date and time with offset, not in the
 * future), {@code pm10} (required) and {@code pm25}, finite non-negative µg/m³.
 */
class SiteMonitorFeedTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aWeekOfReadingsFollowsTheDocumentedFormat() {
        Instant end = Instant.parse("2026-12-06T10:00:00Z");
        int aboveAlarm = 0;
        for (Instant h = end.minus(7, ChronoUnit.DAYS); !h.isAfter(end); h = h.plus(1, ChronoUnit.HOURS)) {
            MonitorReading reading = MonitorReadings.at("demo-mon-0011", h);
            JsonNode line = JSON.readTree(reading.jsonLine());
            assertThat(line.get("monitorId").asString())
                    .isEqualTo("demo-mon-0011")
                    .hasSizeLessThanOrEqualTo(64);
            Instant at = OffsetDateTime.parse(line.get("at").asString()).toInstant();
            assertThat(at).isBefore(h).isAfter(h.minus(1, ChronoUnit.HOURS));
            assertThat(line.get("pm10").isNumber()).isTrue();
            assertThat(line.get("pm10").asDouble()).isGreaterThanOrEqualTo(0).isFinite();
            assertThat(line.get("pm25").asDouble())
                    .isGreaterThanOrEqualTo(0)
                    .isLessThan(line.get("pm10").asDouble());
            aboveAlarm += line.get("pm10").asDouble() > 150 ? 1 : 0;
        }
        assertThat(aboveAlarm).as("open-earthwork hours in a week").isBetween(1, 30);
        assertThat(MonitorReadings.at("demo-mon-0011", end)).isEqualTo(MonitorReadings.at("demo-mon-0011", end));
    }

    @Test
    void readsMonitoredSitesFromThePublicPageAndNamesTheirDemoMonitors() {
        JsonNode page = JSON.readTree("""
                {"items":[{"id":"demo-site-0011","monitorStatus":"monitored","latestHour":"2026-12-06T09:00:00Z"},
                          {"id":"demo-site-0012","monitorStatus":"silent","latestHour":null},
                          {"id":"demo-site-0015","monitorStatus":"not-required","latestHour":null}],"next":null}""");
        List<PublicSites.Monitored> sites = PublicSites.parse(page);
        assertThat(sites)
                .containsExactly(
                        new PublicSites.Monitored("demo-site-0011", Instant.parse("2026-12-06T09:00:00Z")),
                        new PublicSites.Monitored("demo-site-0012", null));
        assertThat(SiteMonitorFeed.monitorOf("demo-site-0011")).isEqualTo("demo-mon-0011");
        assertThat(SiteMonitorFeed.monitorOf("site-from-an-agency")).isNull();
    }
}
