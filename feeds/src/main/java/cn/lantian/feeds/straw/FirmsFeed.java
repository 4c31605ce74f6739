package cn.lantian.feeds.straw;

import cn.lantian.feeds.Feed;
import cn.lantian.feeds.Publisher;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The satellite feed: NASA FIRMS active-fire files, MODIS and VIIRS in their own dialects, on
 * {@code lantian.straw.fire-points} (routing keys {@code firms.modis}, {@code firms.viirs}). Each hour with
 * detections in the burning seasons sends that hour's file; the catch-up covers the history from 1 January of the
 * year {@code historyYears} before the current one, one file per month and instrument (a few hundred rows a year), and
 * resumes: it reads straw's public map once and sends only the months with a detection that no stored incident
 * covers (within straw's merge bounds); straw skips every row it already holds. Hours after the real now (a speed
 * above 1) are left out: a satellite has not passed yet.
 */
public final class FirmsFeed implements Feed {

    static final String EXCHANGE = "lantian.straw.fire-points";
    /** Straw's merge bounds (its README: detections within 1 km and 6 h are one incident). */
    static final double MERGE_KM = 1.0;

    static final Duration MERGE_TIME = Duration.ofHours(6);

    private final StrawFires fires;
    private final StoredIncidents stored;
    private final Publisher publisher;
    private final Clock real;
    private final Instant historyStart;

    FirmsFeed(StrawFires fires, StoredIncidents stored, Publisher publisher, Clock real, Instant historyStart) {
        this.fires = fires;
        this.stored = stored;
        this.publisher = publisher;
        this.real = real;
        this.historyStart = historyStart;
    }

    /**
     * The feed over the demo's farmland, with history from 1 January of the year {@code years} before today's, resuming
     * from what the straw service at {@code straw} shows on its public map.
     */
    public static FirmsFeed of(URI straw, Publisher publisher, Clock real, LocalDate today, int years) {
        Instant start = LocalDate.of(today.getYear() - years, 1, 1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        return new FirmsFeed(new StrawFires(Farmland.demo()), StoredIncidents.of(straw), publisher, real, start);
    }

    static String routingKey(Detection.Instrument instrument) {
        return "firms." + instrument.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String name() {
        return "satellite fire points";
    }

    @Override
    public long catchUp(Instant lastHour) throws IOException {
        Instant last = min(lastHour, real.instant().truncatedTo(ChronoUnit.HOURS));
        LocalDate lastDay = last.atOffset(ZoneOffset.UTC).toLocalDate();
        List<StoredIncidents.Held> held = stored.between(historyStart, last.plus(MERGE_TIME));
        long sent = 0;
        LocalDate month = historyStart.atOffset(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
        for (; !month.isAfter(lastDay); month = month.plusMonths(1)) {
            List<Detection> rows = new ArrayList<>();
            for (LocalDate d = month; d.getMonth() == month.getMonth() && !d.isAfter(lastDay); d = d.plusDays(1)) {
                for (Detection detection : fires.of(d)) {
                    if (detection.at().isBefore(last) && !detection.at().isBefore(historyStart)) {
                        rows.add(detection);
                    }
                }
            }
            if (rows.stream().allMatch(d -> covered(d, held))) {
                continue; // straw holds this month's fires already
            }
            sent += send(rows, "catch-up:" + month + ":" + last);
        }
        return sent;
    }

    @Override
    public long publish(Instant hour) throws IOException {
        if (hour.isAfter(real.instant())) {
            return 0;
        }
        Instant from = hour.minus(1, ChronoUnit.HOURS);
        List<Detection> rows = new ArrayList<>();
        for (Detection d : fires.of(from.atOffset(ZoneOffset.UTC).toLocalDate())) {
            if (!d.at().isBefore(from) && d.at().isBefore(hour)) {
                rows.add(d);
            }
        }
        return send(rows, "hour:" + hour);
    }

    /** Whether a stored incident lies within straw's merge bounds of the detection. */
    static boolean covered(Detection d, List<StoredIncidents.Held> held) {
        double kmPerDegree = 111.2;
        for (StoredIncidents.Held h : held) {
            double dy = (h.lat() - d.lat()) * kmPerDegree;
            double dx = (h.lon() - d.lon()) * kmPerDegree * Math.cos(Math.toRadians(d.lat()));
            if (Math.hypot(dx, dy) <= MERGE_KM
                    && !d.at().isBefore(h.first().minus(MERGE_TIME))
                    && !d.at().isAfter(h.last().plus(MERGE_TIME))) {
                return true;
            }
        }
        return false;
    }

    /** Detections of one instrument as a FIRMS file: its header, then one row each. */
    static String file(Detection.Instrument instrument, List<Detection> rows) {
        StringBuilder body = new StringBuilder(instrument.header).append('\n');
        for (Detection d : rows) {
            if (d.instrument() == instrument) {
                body.append(d.csvRow()).append('\n');
            }
        }
        return body.toString();
    }

    private long send(List<Detection> rows, String id) throws IOException {
        long sent = 0;
        for (Detection.Instrument instrument : Detection.Instrument.values()) {
            long n = rows.stream().filter(d -> d.instrument() == instrument).count();
            if (n == 0) {
                continue;
            }
            publisher.publish(
                    EXCHANGE,
                    routingKey(instrument),
                    "text/csv",
                    "lantian-feeds:firms:" + instrument.name().toLowerCase(java.util.Locale.ROOT) + ":" + id,
                    file(instrument, rows).getBytes(StandardCharsets.UTF_8));
            sent += n;
        }
        return sent;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
