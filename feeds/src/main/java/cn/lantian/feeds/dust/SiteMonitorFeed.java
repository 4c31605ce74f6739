package cn.lantian.feeds.dust;

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
 * The monitor vendors' systems: every monitored demo site's monitor reports each hour on {@code lantian.dust.readings}
 * (routing key {@code site-monitor.readings}, JSON lines). A site without readings is caught up over the last
 * {@code CATCH_UP_LIMIT}; the dust service refuses readings from the future, so an hour after the real now (a speed
 * above 1) is left out.
 */
public final class SiteMonitorFeed implements Feed {

    static final String EXCHANGE = "lantian.dust.readings";
    static final String ROUTING_KEY = "site-monitor.readings";
    /**
     * The demo's monitor history: the dust service writes no readings of its own, so the last 30 days come through its
     * intake (rules, site hours, violations through the outbox) like live data, and enforcement and the joint index see
     * them.
     */
    private static final Duration CATCH_UP_LIMIT = Duration.ofDays(30);

    private static final int LINES_PER_MESSAGE = 5_000;

    private final PublicSites sites;
    private final Publisher publisher;
    private final Clock real;

    SiteMonitorFeed(PublicSites sites, Publisher publisher, Clock real) {
        this.sites = sites;
        this.publisher = publisher;
        this.real = real;
    }

    /** The feed for the sites dust's public API at {@code dust} lists. */
    public static SiteMonitorFeed of(URI dust, Publisher publisher, Clock real) {
        return new SiteMonitorFeed(new PublicSites(dust), publisher, real);
    }

    /**
     * The vendor's id of a demo site's monitor: the dust service's demo data names the monitor of site
     * {@code demo-site-NNNN} {@code demo-mon-NNNN}; the public API shows sites, not monitors.
     */
    static String monitorOf(String siteId) {
        return siteId.startsWith("demo-site-") ? "demo-mon-" + siteId.substring("demo-site-".length()) : null;
    }

    @Override
    public String name() {
        return "dust site monitors";
    }

    @Override
    public long catchUp(Instant lastHour) throws IOException {
        Instant last = min(lastHour, real.instant().truncatedTo(ChronoUnit.HOURS));
        Instant floor = last.minus(CATCH_UP_LIMIT);
        List<MonitorReading> readings = new ArrayList<>();
        for (PublicSites.Monitored site : sites.monitored()) {
            String monitor = monitorOf(site.siteId());
            if (monitor == null) {
                continue;
            }
            Instant from = site.latest() == null || site.latest().isBefore(floor)
                    ? floor
                    : site.latest().plus(1, ChronoUnit.HOURS);
            for (Instant h = from; !h.isAfter(last); h = h.plus(1, ChronoUnit.HOURS)) {
                readings.add(MonitorReadings.at(monitor, h));
            }
        }
        return send(readings, "catch-up:" + last);
    }

    @Override
    public long publish(Instant hour) throws IOException {
        if (hour.isAfter(real.instant())) {
            return 0;
        }
        List<MonitorReading> readings = new ArrayList<>();
        for (PublicSites.Monitored site : sites.monitored()) {
            String monitor = monitorOf(site.siteId());
            if (monitor != null) {
                readings.add(MonitorReadings.at(monitor, hour));
            }
        }
        return send(readings, "hour:" + hour);
    }

    private long send(List<MonitorReading> readings, String id) throws IOException {
        for (int i = 0; i < readings.size(); i += LINES_PER_MESSAGE) {
            StringBuilder body = new StringBuilder();
            for (MonitorReading r : readings.subList(i, Math.min(readings.size(), i + LINES_PER_MESSAGE))) {
                body.append(r.jsonLine()).append('\n');
            }
            publisher.publish(
                    EXCHANGE,
                    ROUTING_KEY,
                    "application/x-ndjson",
                    "lantian-feeds:dust:" + id + ":" + i,
                    body.toString().getBytes(StandardCharsets.UTF_8));
        }
        return readings.size();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
