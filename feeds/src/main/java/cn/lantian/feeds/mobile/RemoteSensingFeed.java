package cn.lantian.feeds.mobile;

import cn.lantian.feeds.AgencyApi;
import cn.lantian.feeds.Publisher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The roadside remote-sensing sites' systems: each hour's passes of registered vehicles on
 * {@code lantian.mobile.readings} (routing key {@code remote-sensing}, JSON lines in mobile's upload format). Mobile
 * offers no read of stored readings, so the catch-up sends the whole history (from 1 January of the year
 * {@code historyYears} before the current one) and mobile takes a reading it holds (same plate, time and check) without
 * effect; mobile refuses readings from the future, so an hour after the real now (a speed above 1) is left out.
 */
public final class RemoteSensingFeed implements cn.lantian.feeds.Feed {

    static final String EXCHANGE = "lantian.mobile.readings";
    static final String ROUTING_KEY = "remote-sensing";
    private static final int LINES_PER_MESSAGE = 5_000;

    private final Fleet fleet;
    private final List<Site> sites;
    private final Publisher publisher;
    private final Clock real;
    private final Instant historyStart;

    RemoteSensingFeed(Fleet fleet, List<Site> sites, Publisher publisher, Clock real, Instant historyStart) {
        this.fleet = fleet;
        this.sites = sites;
        this.publisher = publisher;
        this.real = real;
        this.historyStart = historyStart;
    }

    /** The feed of the demo's sites for the vehicles mobile's registry at {@code mobile} lists. */
    public static RemoteSensingFeed of(AgencyApi mobile, Publisher publisher, Clock real, LocalDate today, int years) {
        Instant start = LocalDate.of(today.getYear() - years, 1, 1)
                .atStartOfDay(ZoneOffset.ofHours(8))
                .toInstant();
        return new RemoteSensingFeed(Fleet.of(mobile), Site.demo(), publisher, real, start);
    }

    @Override
    public String name() {
        return "remote sensing";
    }

    @Override
    public long catchUp(Instant lastHour) throws IOException {
        Traffic vehicles = registered();
        Instant last = min(lastHour, real.instant().truncatedTo(ChronoUnit.HOURS));
        long sent = 0;
        List<SensingReading> batch = new ArrayList<>();
        for (Instant h = historyStart.plus(1, ChronoUnit.HOURS); !h.isAfter(last); h = h.plus(1, ChronoUnit.HOURS)) {
            for (Site site : sites) {
                batch.addAll(SensingReadings.of(site, h, vehicles));
            }
            if (batch.size() >= LINES_PER_MESSAGE || h.equals(last)) {
                sent += send(batch, "catch-up:" + h);
                batch.clear();
            }
        }
        return sent;
    }

    @Override
    public long publish(Instant hour) throws IOException {
        if (hour.isAfter(real.instant())) {
            return 0;
        }
        Traffic vehicles = registered();
        List<SensingReading> readings = new ArrayList<>();
        for (Site site : sites) {
            readings.addAll(SensingReadings.of(site, hour, vehicles));
        }
        return send(readings, "hour:" + hour);
    }

    private Traffic registered() throws IOException {
        Traffic vehicles = new Traffic(fleet.registered());
        if (vehicles.isEmpty()) {
            // The registry fills after mobile answers healthy: readings of unknown plates would be judged on nothing.
            throw new IOException("mobile's registry lists no vehicle yet");
        }
        return vehicles;
    }

    private long send(List<SensingReading> readings, String id) throws IOException {
        if (readings.isEmpty()) {
            return 0;
        }
        StringBuilder body = new StringBuilder(readings.size() * 200);
        for (SensingReading r : readings) {
            body.append(r.jsonLine()).append('\n');
        }
        publisher.publish(
                EXCHANGE,
                ROUTING_KEY,
                "application/x-ndjson",
                "lantian-feeds:mobile:" + id,
                body.toString().getBytes(StandardCharsets.UTF_8));
        return readings.size();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
