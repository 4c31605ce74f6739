package cn.lantian.feeds.stationary;

import cn.lantian.feeds.Feed;
import cn.lantian.feeds.Publisher;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The production lines' electricity meters: the four quarter hours of each hour on {@code lantian.stationary.readings}
 * (routing key {@code electricity.quarter-hour}, JSON lines). Stationary offers no read of stored quarter hours, so
 * the catch-up is the last complete hour only (the meters matter during alerts, which are live); never beyond the
 * real now. A line under an emergency measure in force when the hour is published runs within what the measure
 * allows, as the enterprises' reduction lists require, so that an alert (or a drill) finds the lines complying and
 * only a line that really breaks its measure (one the drill plays) is flagged.
 */
public final class ElectricityFeed implements Feed {

    static final String EXCHANGE = "lantian.stationary.readings";
    static final String ROUTING_KEY = "electricity.quarter-hour";

    private final Meters meters;
    private final Publisher publisher;
    private final Clock real;

    ElectricityFeed(Meters meters, Publisher publisher, Clock real) {
        this.meters = meters;
        this.publisher = publisher;
        this.real = real;
    }

    /** The feed reading stationary's lines at {@code stationary} with the client credentials of {@code client}. */
    public static ElectricityFeed of(
            URI stationary, URI tokenEndpoint, String client, String secret, Publisher publisher, Clock real) {
        return new ElectricityFeed(new Registry(stationary, tokenEndpoint, client, secret), publisher, real);
    }

    @Override
    public String name() {
        return "electricity meters";
    }

    @Override
    public long catchUp(Instant lastHour) throws IOException {
        Instant now = real.instant().truncatedTo(ChronoUnit.HOURS);
        return publish(lastHour.isAfter(now) ? now : lastHour);
    }

    @Override
    public long publish(Instant hourEnd) throws IOException {
        if (hourEnd.isAfter(real.instant())) {
            return 0;
        }
        List<String> lines = meters.lines();
        Map<String, Double> allowed = lines.isEmpty() ? Map.of() : meters.allowedKw();
        List<MeterReading> readings = new ArrayList<>();
        for (String line : lines) {
            for (int q = 4; q >= 1; q--) {
                MeterReading usual = MeterReading.of(line, hourEnd.minus(15L * q, ChronoUnit.MINUTES));
                Double limit = allowed.get(line);
                readings.add(limit == null ? usual : usual.within(limit));
            }
        }
        if (readings.isEmpty()) {
            return 0;
        }
        StringBuilder body = new StringBuilder();
        readings.forEach(r -> body.append(r.jsonLine()).append('\n'));
        publisher.publish(
                EXCHANGE,
                ROUTING_KEY,
                "application/x-ndjson",
                "lantian-feeds:electricity:" + hourEnd,
                body.toString().getBytes(StandardCharsets.UTF_8));
        return readings.size();
    }
}
