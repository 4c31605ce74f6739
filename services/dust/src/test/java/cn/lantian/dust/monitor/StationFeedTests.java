package cn.lantian.dust.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** What the air-quality service's public observations answer gives the station comparison. */
class StationFeedTests {

    @Test
    void onlyValidHoursWithAPm10ValueAreTaken() {
        var answer = JsonMapper.builder().build().readTree("""
                [{"observation":{"station":"2700A","hour":"2026-12-01T09:00:00Z","pm10":88.0,"pm25":40.0,"valid":true},
                  "aqi":69,"primary":"PM10","standard":"HJ633-2012"},
                 {"observation":{"station":"2700A","hour":"2026-12-01T10:00:00Z","pm10":null,"valid":true}},
                 {"observation":{"station":"2700A","hour":"2026-12-01T11:00:00Z","pm10":300.0,"valid":false}}]""");
        assertThat(StationFeed.valid(answer))
                .containsExactly(new Stations.StationHour("2700A", Instant.parse("2026-12-01T09:00:00Z"), 88.0));
    }
}
