package cn.lantian.dust.monitor;

import cn.lantian.dust.DustProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Reads the national stations and their hourly PM10 from the air-quality service's public API, at once for a station
 * whose {@code hourly-aqi-published} event arrives ({@link StationHourConsumer}) and every few minutes for all of them
 * (which catches what an event could not bring: a missed event, or the API down when it came). The events carry the AQI
 * and primary pollutant but no concentrations, so the API is the source; site hours whose station hour arrives late
 * are judged again then ({@link MonitorIngest#rejudge}).
 */
@Component
class StationFeed {

    private static final Logger LOG = LoggerFactory.getLogger(StationFeed.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Duration API_TIMEOUT = Duration.ofSeconds(20);

    private final WebClient http;
    private final Stations stations;
    private final MonitorIngest ingest;
    private final Clock clock;

    StationFeed(DustProperties properties, Stations stations, MonitorIngest ingest, Clock clock) {
        this.http = WebClient.builder().baseUrl(properties.airQualityUrl()).build();
        this.stations = stations;
        this.ingest = ingest;
        this.clock = clock;
    }

    @Scheduled(cron = "${lantian.dust.station-poll-cron:0 */10 * * * *}")
    void poll() {
        refresh()
                .onErrorResume(e -> {
                    LOG.warn("Station hours not read from the air-quality service: {}", e.toString());
                    return Mono.just(0);
                })
                .block(Duration.ofMinutes(5));
    }

    /** Reads yesterday's and today's station hours; returns the number of violations raised by the late hours. */
    Mono<Integer> refresh() {
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        return http.get()
                .uri("/api/public/v1/stations")
                .retrieve()
                .bodyToMono(JsonNode.class)
                .flatMapMany(list -> Flux.fromIterable(list))
                .concatMap(node -> {
                    Station station = new Station(
                            node.get("id").asString(),
                            node.get("longitude").asDouble(),
                            node.get("latitude").asDouble());
                    return stations.saveStation(station).then(hours(station.id(), today.minusDays(1), today));
                })
                .collectList()
                .flatMap(all -> stations.saveHours(
                                all.stream().flatMap(List::stream).toList())
                        .collectList())
                .flatMap(ingest::rejudge);
    }

    /**
     * Reads a station's hours as soon as the air-quality service announces one ({@code hourly-aqi-published}), so the
     * site hours waiting for it are judged within seconds rather than at the next poll. The event carries no PM10, so
     * the hours are read from the public API; an hour already stored, or older than the poll reads, changes nothing.
     *
     * @param location the station's [lon, lat] from the event, or null; an unknown station is recorded with it
     * @return the number of violations raised by the hours that arrived
     */
    Mono<Integer> hourPublished(String stationId, double[] location, Instant hour) {
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        LocalDate day = LocalDate.ofInstant(hour, CHINA);
        if (day.isBefore(today.minusDays(1)) || day.isAfter(today)) {
            return Mono.just(0);
        }
        Mono<Void> known = stations.all()
                .flatMap(all -> all.stream().anyMatch(s -> s.id().equals(stationId)) || location == null
                        ? Mono.<Void>empty()
                        : stations.saveStation(new Station(stationId, location[0], location[1])));
        return known.then(stations.hasHour(stationId, hour))
                .flatMap(stored -> stored
                        ? Mono.just(0)
                        : hours(stationId, day.minusDays(1), day)
                                .flatMap(hours -> stations.saveHours(hours).collectList())
                                .flatMap(ingest::rejudge));
    }

    /** A station's valid hours with a PM10 value between two days (Beijing dates); none when the API fails. */
    Mono<List<Stations.StationHour>> hours(String stationId, LocalDate from, LocalDate to) {
        return http.get()
                .uri(b -> b.path("/api/public/v1/stations/{id}/observations")
                        .queryParam("from", from)
                        .queryParam("to", to)
                        .queryParam("resolution", "hourly")
                        .build(stationId))
                .retrieve()
                .bodyToMono(JsonNode.class)
                .map(StationFeed::valid)
                // A slow API must not hold a consumer or the poll: the next poll reads the hours again.
                .timeout(API_TIMEOUT)
                .onErrorResume(e -> Mono.just(List.of()));
    }

    /** The valid hours with a PM10 value of an observations answer. */
    static List<Stations.StationHour> valid(JsonNode answer) {
        List<Stations.StationHour> hours = new ArrayList<>();
        for (JsonNode stored : answer) {
            JsonNode o = stored.path("observation");
            JsonNode pm10 = o.path("pm10");
            if (o.path("valid").asBoolean(false) && pm10.isNumber()) {
                hours.add(new Stations.StationHour(
                        o.get("station").asString(), Instant.parse(o.get("hour").asString()), pm10.asDouble()));
            }
        }
        return hours;
    }
}
