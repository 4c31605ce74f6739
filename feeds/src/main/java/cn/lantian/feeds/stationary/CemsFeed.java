package cn.lantian.feeds.stationary;

import cn.lantian.feeds.Feed;
import cn.lantian.feeds.Publisher;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The enterprises' CEMS gateways: every outlet with CEMS reports each pollutant's hour on
 * {@code lantian.stationary.readings} (routing key {@code cems.hourly}, JSON lines, the hour named by its start).
 * Outlets are caught up from their newest stored hour, at most 30 days back (the demo's CEMS history: stationary's
 * demo loader writes none, so that every exceedance of it raises its event), and never beyond the real now.
 */
public final class CemsFeed implements Feed {

    static final String EXCHANGE = "lantian.stationary.readings";
    static final String ROUTING_KEY = "cems.hourly";
    private static final Duration CATCH_UP_LIMIT = Duration.ofDays(30);
    private static final int LINES_PER_MESSAGE = 5_000;

    private final Registry registry;
    private final Publisher publisher;
    private final CemsHours hours;
    private final Clock real;

    CemsFeed(Registry registry, Publisher publisher, CemsHours hours, Clock real) {
        this.registry = registry;
        this.publisher = publisher;
        this.hours = hours;
        this.real = real;
    }

    /** The feed reading stationary's API at {@code stationary} with the client credentials of {@code client}. */
    public static CemsFeed of(
            URI stationary, URI tokenEndpoint, String client, String secret, Publisher publisher, Clock real) {
        return new CemsFeed(
                new Registry(stationary, tokenEndpoint, client, secret),
                publisher,
                new CemsHours(CemsLimits.load()),
                real);
    }

    @Override
    public String name() {
        return "CEMS outlets";
    }

    @Override
    public long catchUp(Instant lastHour) throws IOException {
        Instant now = real.instant();
        Instant lastStart = min(lastHour, now.truncatedTo(ChronoUnit.HOURS)).minus(1, ChronoUnit.HOURS);
        Instant floor = lastStart.minus(CATCH_UP_LIMIT);
        List<CemsReading> readings = new ArrayList<>();
        for (Outlet outlet : registry.outlets(now, true)) {
            Instant from = outlet.latest() == null || outlet.latest().isBefore(floor)
                    ? floor
                    : outlet.latest().plus(1, ChronoUnit.HOURS);
            for (Instant h = from; !h.isAfter(lastStart); h = h.plus(1, ChronoUnit.HOURS)) {
                add(readings, outlet, h);
            }
        }
        return send(readings, "catch-up:" + lastStart);
    }

    @Override
    public long publish(Instant hourEnd) throws IOException {
        if (hourEnd.isAfter(real.instant())) {
            return 0;
        }
        Instant start = hourEnd.minus(1, ChronoUnit.HOURS);
        List<CemsReading> readings = new ArrayList<>();
        for (Outlet outlet : registry.outlets(real.instant(), false)) {
            add(readings, outlet, start);
        }
        return send(readings, "hour:" + start);
    }

    private void add(List<CemsReading> readings, Outlet outlet, Instant start) {
        for (String pollutant : outlet.pollutants()) {
            CemsReading r = hours.at(outlet, pollutant, start);
            if (r != null) {
                readings.add(r);
            }
        }
    }

    private long send(List<CemsReading> readings, String id) throws IOException {
        for (int i = 0; i < readings.size(); i += LINES_PER_MESSAGE) {
            StringBuilder body = new StringBuilder();
            for (CemsReading r : readings.subList(i, Math.min(readings.size(), i + LINES_PER_MESSAGE))) {
                body.append(r.jsonLine()).append('\n');
            }
            publisher.publish(
                    EXCHANGE,
                    ROUTING_KEY,
                    "application/x-ndjson",
                    "lantian-feeds:cems:" + id + ":" + i,
                    body.toString().getBytes(StandardCharsets.UTF_8));
        }
        return readings.size();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
