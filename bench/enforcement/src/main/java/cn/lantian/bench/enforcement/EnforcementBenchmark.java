package cn.lantian.bench.enforcement;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DeliverCallback;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes a burst of CEMS exceedance events into the service's queue on lantian.stationary, a share twice, while the
 * enforcement service runs, and measures how long until every distinct event has its case and its case-opened event
 * has reached the broker; then checks that no extra case or event follows.
 *
 * <p>Usage: {@code prepare <database>} (create it if missing) or {@code burst <database> <events> <duplicate-share>
 * <deadline-seconds>}.
 */
public final class EnforcementBenchmark {

    static final String JDBC = "jdbc:postgresql://127.0.0.1:5432/";
    static final String TYPE = "lantian.stationary.emission-limit-exceeded.v1";
    /** The queue of the service's consumer group enforcement-bench on exchange lantian.stationary. */
    static final String QUEUE = "lantian.stationary.enforcement-bench";

    static final String SOURCE = "\"source\":\"/lantian/enforcement-bench\"";
    /** Points inside several counties and Tumxuk, so routing and boundary checks do their real work. */
    static final double[][] POINTS = {
        {75.99, 39.47},
        {75.95, 39.41},
        {76.35, 39.19},
        {77.24, 38.41},
        {78.86, 39.58},
        {79.08, 39.87},
        {77.22, 36.98},
        {78.23, 38.84},
        {76.98, 39.11},
        {77.22, 39.59}
    };

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "prepare" -> prepare(args[1]);
            case "burst" -> {
                // A first, unmeasured burst lets the service's JIT warm up, as it would be in service.
                burst(args[1], Integer.parseInt(args[5]), 0, 120, false);
                burst(args[1], Integer.parseInt(args[2]), Double.parseDouble(args[3]), Integer.parseInt(args[4]), true);
            }
            default -> throw new IllegalArgumentException("prepare or burst");
        }
    }

    static void prepare(String database) throws Exception {
        try (var c = DriverManager.getConnection(JDBC + "postgres", "lantian", "lantian");
                var s = c.createStatement();
                ResultSet r = s.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
            if (!r.next()) {
                s.execute("create database " + database + " owner lantian");
                System.out.println("created database " + database);
            }
        }
    }

    static void burst(String database, int events, double duplicateShare, int deadlineSeconds, boolean report)
            throws Exception {
        String run = "bench-" + Long.toString(System.currentTimeMillis(), 36);
        List<String[]> messages = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < events; i++) {
            String id = UUID.randomUUID().toString();
            double[] p = POINTS[i % POINTS.length];
            String body =
                    event(id, run + "-" + i, p[0] + random.nextDouble() * 0.01, p[1] + random.nextDouble() * 0.01);
            messages.add(new String[] {id, body});
        }
        int duplicates = (int) Math.round(events * duplicateShare);
        List<String[]> burst = new ArrayList<>(messages);
        for (int i = 0; i < duplicates; i++) {
            burst.add(messages.get(i * (events / Math.max(1, duplicates))));
        }
        Collections.shuffle(burst, random);

        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setVirtualHost("lantian-test"); // the tests' virtual host: never a running platform's exchanges
        try (Connection connection = factory.newConnection("enforcement-bench");
                Channel listen = connection.createChannel();
                Channel publish = connection.createChannel();
                var db = DriverManager.getConnection(JDBC + database, "lantian", "lantian")) {
            // Count the case-opened events that reach the broker for this run.
            String queue = listen.queueDeclare("", false, true, true, null).getQueue();
            listen.queueBind(queue, "lantian.enforcement", "lantian.enforcement.case-opened.v1");
            Set<String> openedFor = ConcurrentHashMap.newKeySet();
            long[] lastOpenedNanos = {0};
            DeliverCallback onOpened = (tag, delivery) -> {
                String body = new String(delivery.getBody(), StandardCharsets.UTF_8);
                int at = body.indexOf("\"originEventId\":\"");
                // Only this benchmark's service instance: other enforcement instances may consume the same exchange.
                if (at >= 0 && body.contains(SOURCE)) {
                    String origin = body.substring(at + 17, body.indexOf('"', at + 17));
                    if (openedFor.add(origin)) {
                        lastOpenedNanos[0] = System.nanoTime();
                    }
                }
            };
            Set<String> ids = ConcurrentHashMap.newKeySet();
            messages.forEach(m -> ids.add(m[0]));
            listen.basicConsume(queue, true, onOpened, tag -> {});

            publish.confirmSelect();
            if (!report) {
                System.out.printf("warm-up: %d events%n", events);
            }
            System.out.printf(
                    "publishing %d messages (%d distinct events, %d delivered twice) at %s%n",
                    burst.size(), events, duplicates, Instant.now());
            long start = System.nanoTime();
            for (String[] m : burst) {
                AMQP.BasicProperties props = new AMQP.BasicProperties.Builder()
                        .contentType("application/cloudevents+json")
                        .messageId(m[0])
                        .deliveryMode(2)
                        .build();
                // Straight into the benchmark's own queue: through exchange lantian.stationary every other running
                // enforcement instance (the launcher's, an integration stack) would open the same cases too.
                publish.basicPublish("", QUEUE, props, m[1].getBytes(StandardCharsets.UTF_8));
            }
            publish.waitForConfirmsOrDie(60_000);
            double published = seconds(start);

            long deadline = start + deadlineSeconds * 2L * 1_000_000_000L;
            long cases = 0;
            while (System.nanoTime() < deadline) {
                cases = count(db, run);
                if (cases >= events && opened(openedFor, ids) >= events) {
                    break;
                }
                Thread.sleep(20);
            }
            double allCases = seconds(start);
            double lastEvent = (lastOpenedNanos[0] - start) / 1e9;
            // Settle: nothing more may come (duplicates opening second cases would show here).
            long settleUntil = System.nanoTime() + 3_000_000_000L;
            while (System.nanoTime() < settleUntil) {
                Thread.sleep(100);
            }
            long finalCases = count(db, run);
            if (!report) {
                System.out.printf("warm-up done: %d cases in %.2f s%n", finalCases, allCases);
                return;
            }
            long finalOpened = opened(openedFor, ids);
            System.out.printf("RESULT publish of %d messages with confirms: %.2f s%n", burst.size(), published);
            System.out.printf("RESULT cases: %d of %d expected (after 3 s settle: %d)%n", cases, events, finalCases);
            System.out.printf(
                    "RESULT case-opened events on the broker: %d (after settle: %d)%n",
                    opened(openedFor, ids), finalOpened);
            System.out.printf(
                    "RESULT first publish to last case and its case-opened event: %.2f s (last event at %.2f s)%n",
                    allCases, lastEvent);
            boolean ok = finalCases == events && finalOpened == events && allCases <= deadlineSeconds;
            System.out.printf(
                    "RESULT %s: exactly %d cases, each with its case-opened event, within %d s%n",
                    ok ? "PASS" : "FAIL", events, deadlineSeconds);
            if (!ok) {
                System.exit(1);
            }
        }
    }

    static long opened(Set<String> openedFor, Set<String> ids) {
        return openedFor.stream().filter(ids::contains).count();
    }

    static long count(java.sql.Connection db, String run) throws Exception {
        try (var s = db.prepareStatement("select count(*) from enforcement_case where enterprise_id like ?")) {
            s.setString(1, run + "-%");
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    static String event(String id, String enterprise, double lon, double lat) {
        return """
                {"specversion":"1.0","id":"%s","source":"/lantian/stationary","type":"%s","subject":"outlet/%s/DA001",\
                "time":"%s","datacontenttype":"application/json","jurisdiction":"653101","agency":"ecology",\
                "data":{"enterpriseId":"%s","outletId":"DA001","pollutant":"NOx","hour":"2024-11-12T08:00:00+08:00",\
                "value":72.4,"limit":50,"ratio":1.448,"unit":"mg/m3","location":{"lon":%.5f,"lat":%.5f},\
                "rule":{"id":"permit-nox","source":"排污许可证"}}}""".formatted(id, TYPE, enterprise, Instant.now(), enterprise, lon, lat);
    }
}
