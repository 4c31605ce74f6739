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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The roadside remote-sensing sites' systems: each hour's passes of registered vehicles on
 * {@code lantian.mobile.readings} (routing key {@code remote-sensing}, JSON lines in mobile's upload format). The
 * catch-up asks mobile for the newest reading stored at each site and resumes each site from the hour of that reading
 * (sent again, since it may be stored only in part); a site without any gets the whole history (from 1 January of the
 * year {@code historyYears} before the current one). Mobile takes a reading it holds (same plate, time and check)
 * without effect, so resending an hour is harmless; it refuses readings from the future, so an hour after the real now
 * (a speed above 1) is left out.
 */
public final class RemoteSensingFeed implements cn.lantian.feeds.Feed {

    static final String EXCHANGE = "lantian.mobile.readings";
    static final String ROUTING_KEY = "remote-sensing";
    private static final int LINES_PER_MESSAGE = 5_000;

    private final Fleet fleet;
    private final StoredReadingsSource stored;
    private final List<Site> sites;
    private final Publisher publisher;
    private final Clock real;
    private final Instant historyStart;

    RemoteSensingFeed(
            Fleet fleet,
            StoredReadingsSource stored,
            List<Site> sites,
            Publisher publisher,
            Clock real,
            Instant historyStart) {
        this.fleet = fleet;
        this.stored = stored;
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
        return new RemoteSensingFeed(
                Fleet.of(mobile), () -> StoredReadings.of(mobile), Site.demo(), publisher, real, start);
    }

    /** Opens the read of stored readings for one catch-up (in operation: one token for its twelve reads). */
    @FunctionalInterface
    interface StoredReadingsSource {
        StoredReadings open() throws IOException;
    }

    @Override
    public String name() {
        return "remote sensing";
    }

    @Override
    public long catchUp(Instant lastHour) throws IOException {
        Traffic vehicles = registered();
        Instant last = min(lastHour, real.instant().truncatedTo(ChronoUnit.HOURS));
        Map<Site, Instant> from = resumeHours();
        Instant first = from.values().stream().min(Instant::compareTo).orElse(last.plus(1, ChronoUnit.HOURS));
        long sent = 0;
        List<SensingReading> batch = new ArrayList<>();
        for (Instant h = first; !h.isAfter(last); h = h.plus(1, ChronoUnit.HOURS)) {
            for (Site site : sites) {
                if (!h.isBefore(from.get(site))) {
                    batch.addAll(SensingReadings.of(site, h, vehicles));
                }
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

    /**
     * The first hour (its end) to send for each site: the hour of its newest stored reading (readings of an hour lie
     * in the hour before its end), or the history's first hour when mobile holds none there.
     */
    private Map<Site, Instant> resumeHours() throws IOException {
        StoredReadings reads = stored.open();
        Instant historyFirst = historyStart.plus(1, ChronoUnit.HOURS);
        Map<Site, Instant> from = new LinkedHashMap<>();
        for (Site site : sites) {
            Instant resume = reads.latest(site)
                    .map(at -> at.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS))
                    .filter(h -> h.isAfter(historyFirst))
                    .orElse(historyFirst);
            from.put(site, resume);
        }
        return from;
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
