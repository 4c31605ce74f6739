package cn.lantian.feeds;

import cn.lantian.feeds.airquality.AirQualityFeed;
import cn.lantian.feeds.dust.SiteMonitorFeed;
import cn.lantian.feeds.mobile.RemoteSensingFeed;
import cn.lantian.feeds.stationary.CemsFeed;
import cn.lantian.feeds.stationary.ElectricityFeed;
import cn.lantian.feeds.straw.FirmsFeed;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the live agency feeds: each brings its sources up to the last complete hour, then publishes every new hour as
 * the (simulated) clock reaches it. {@code --once} stops after the catch-up (the launcher's {@code up --no-feeds}
 * still gets the history up to now, without a running feed).
 */
public final class Feeds {

    private static final Logger LOG = LoggerFactory.getLogger(Feeds.class);
    private static final int START_ATTEMPTS = 12;
    private static final Duration START_RETRY = Duration.ofSeconds(10);

    private Feeds() {}

    public static void main(String[] args) throws Exception {
        FeedSettings settings = FeedSettings.from(System.getenv());
        boolean once = List.of(args).contains("--once");
        FeedClock clock = FeedClock.startingNow(Clock.systemUTC(), settings.speed());
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(settings.amqp());
        factory.setConnectionTimeout(10_000);
        factory.setAutomaticRecoveryEnabled(true);
        try (Connection connection = factory.newConnection("lantian-feeds");
                Channel channel = connection.createChannel()) {
            AmqpPublisher publisher = new AmqpPublisher(channel);
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
            List<Feed> feeds = List.of(
                    AirQualityFeed.of(settings.airQuality(), publisher, today, settings.historyYears()),
                    SiteMonitorFeed.of(settings.dust(), publisher, Clock.systemUTC()),
                    CemsFeed.of(
                            settings.stationary(),
                            settings.tokenEndpoint(),
                            settings.client(),
                            settings.clientSecret(),
                            publisher,
                            Clock.systemUTC()),
                    ElectricityFeed.of(
                            settings.stationary(),
                            settings.tokenEndpoint(),
                            settings.client(),
                            settings.clientSecret(),
                            publisher,
                            Clock.systemUTC()),
                    RemoteSensingFeed.of(
                            new AgencyApi(
                                    settings.mobile(),
                                    settings.tokenEndpoint(),
                                    settings.client(),
                                    settings.clientSecret()),
                            publisher,
                            Clock.systemUTC(),
                            today,
                            settings.historyYears()),
                    FirmsFeed.of(settings.straw(), publisher, Clock.systemUTC(), today, settings.historyYears()));
            Instant last = clock.lastCompleteHour();
            // The services answer healthy before their demo loaders have registered everything: a feed that finds
            // nothing yet (or whose service is away) is tried again for a while before the live hours begin.
            java.util.Set<Feed> behind = new java.util.LinkedHashSet<>(feeds);
            for (int attempt = 1; attempt <= START_ATTEMPTS && !behind.isEmpty(); attempt++) {
                if (attempt > 1) {
                    Thread.sleep(START_RETRY.toMillis());
                }
                for (Feed feed : List.copyOf(behind)) {
                    long started = System.nanoTime();
                    try {
                        long rows = feed.catchUp(last);
                        behind.remove(feed);
                        LOG.info(
                                "{}: caught up to {} ({} rows in {} ms)",
                                feed.name(),
                                last,
                                rows,
                                (System.nanoTime() - started) / 1_000_000);
                    } catch (java.io.IOException | RuntimeException e) {
                        LOG.warn(
                                "{}: not caught up (attempt {} of {}): {}",
                                feed.name(),
                                attempt,
                                START_ATTEMPTS,
                                e.toString());
                    }
                }
            }
            if (once) {
                if (!behind.isEmpty()) {
                    throw new IllegalStateException(
                            "not caught up: " + behind.stream().map(Feed::name).toList());
                }
                return;
            }
            LOG.info("publishing each new hour at {}x real time", settings.speed());
            while (!Thread.currentThread().isInterrupted()) {
                Instant next = last.plus(1, ChronoUnit.HOURS);
                Duration wait = clock.realDelayUntil(next);
                if (!wait.isZero()) {
                    Thread.sleep(wait.toMillis());
                }
                for (Feed feed : feeds) {
                    try {
                        long rows = behind.remove(feed) ? feed.catchUp(next) : feed.publish(next);
                        LOG.info("{}: hour {} ({} rows)", feed.name(), next, rows);
                    } catch (java.io.IOException | RuntimeException e) {
                        // The platform may be restarting: the next hour catches this feed up from where it stands.
                        behind.add(feed);
                        LOG.warn("{}: hour {} not published: {}", feed.name(), next, e.toString());
                    }
                }
                last = next;
            }
        }
    }
}
