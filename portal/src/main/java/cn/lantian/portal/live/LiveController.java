package cn.lantian.portal.live;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/** {@code GET /api/public/v1/live}: server-sent events of new hourly AQI values ({@code aqi}) and alerts ({@code alert}). */
@RestController
class LiveController {

    private final LiveFeed feed;

    LiveController(LiveFeed feed) {
        this.feed = feed;
    }

    @Operation(
            summary = "Live stream of new hourly AQI values and alert changes (text/event-stream)",
            description = "Events: 'aqi' with stationId, hour, aqi, category, colour and category names; 'alert' with "
                    + "change (issued, upgraded, downgraded, lifted), alertId, county, level, effectiveFrom, basis.")
    @GetMapping(path = "/api/public/v1/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<String>> live() {
        return feed.stream();
    }
}
