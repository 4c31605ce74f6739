package cn.lantian.bench.dust;

import cn.lantian.testsupport.DemoIdentity;
import cn.lantian.testsupport.Infrastructure;
import cn.lantian.testsupport.KeycloakTokens;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DeliverCallback;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Site-monitor ingest through the running dust service's batch endpoint, with the exceedance rule and the outbox on:
 * readings per second sustained, and the delay from a batch being accepted (HTTP 200) to each site-dust-violation it
 * caused arriving from RabbitMQ (published by the outbox relay with confirms). Prints its figures with the load
 * average.
 *
 * <p>Arguments: base URL (default http://127.0.0.1:8083), sites (200), hours (40), readings per monitor and hour (12,
 * one every five minutes), batch size (5000), concurrent senders (2). System property {@code bench.vhost}: the
 * RabbitMQ virtual host the service publishes in (default {@code /}).
 */
public final class MonitorIngestBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final double[] SHACHE = {77.0027, 38.3172};

    private MonitorIngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8083";
        int sites = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int hours = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        int perHour = args.length > 3 ? Integer.parseInt(args[3]) : 12;
        int batchSize = args.length > 4 ? Integer.parseInt(args[4]) : 5000;
        int concurrency = args.length > 5 ? Integer.parseInt(args[5]) : 2;
        String run = UUID.randomUUID().toString().substring(0, 6);
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();

        List<String> monitors = setUp(base, run, sites);

        Map<String, Long> accepted = new ConcurrentHashMap<>();
        Map<String, Long> published = new ConcurrentHashMap<>();
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(Infrastructure.RABBITMQ_HOST);
        factory.setPort(Infrastructure.RABBITMQ_PORT);
        // The virtual host the service publishes in: the test one keeps the benchmark's events out of the platform's
        // queues when the service runs on it (see bench/README.md).
        factory.setVirtualHost(System.getProperty("bench.vhost", "/"));
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            String queue = channel.queueDeclare("", false, true, true, null).getQueue();
            channel.queueBind(queue, "lantian.dust", "lantian.dust.site-dust-violation.v1");
            DeliverCallback onEvent = (tag, delivery) -> {
                JsonNode data = JSON.readTree(delivery.getBody()).get("data");
                if (data.has("hour")) {
                    published.putIfAbsent(data.get("siteId").asString() + "|" + Instant.parse(data.get("hour").asString()),
                            System.nanoTime());
                }
            };
            channel.basicConsume(queue, true, onEvent, tag -> { });

            Random random = new Random(42);
            Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(hours + 1L, ChronoUnit.HOURS);
            List<Batch> batches = new ArrayList<>();
            List<String> lines = new ArrayList<>();
            Set<String> firstOfExceeding = new HashSet<>();
            for (int h = 0; h < hours; h++) {
                Instant hourStart = start.plus(h, ChronoUnit.HOURS);
                for (int s = 0; s < monitors.size(); s++) {
                    // About 1 % of site hours exceed the alarm level of 150 µg/m³ with every reading.
                    boolean over = random.nextInt(100) == 0;
                    String site = "bench-" + run + "-" + s;
                    Instant label = hourStart.plus(1, ChronoUnit.HOURS);
                    for (int r = 0; r < perHour; r++) {
                        Instant at = hourStart.plusSeconds(60L * (60 / perHour) * (r + 1) - 30);
                        double pm10 = over ? 180 + random.nextInt(200) : 40 + random.nextInt(90);
                        lines.add("{\"monitorId\":\"" + monitors.get(s) + "\",\"at\":\"" + at + "\",\"pm10\":" + pm10
                                + ",\"pm25\":" + Math.round(pm10 * 0.45) + "}");
                        if (over && r == 0) {
                            firstOfExceeding.add(site + "|" + label);
                        }
                        if (lines.size() == batchSize) {
                            batches.add(new Batch("[" + String.join(",", lines) + "]", lines.size(),
                                    List.copyOf(firstOfExceeding)));
                            lines.clear();
                            firstOfExceeding.clear();
                        }
                    }
                }
            }
            if (!lines.isEmpty()) {
                batches.add(new Batch("[" + String.join(",", lines) + "]", lines.size(), List.copyOf(firstOfExceeding)));
            }
            List<Long> batchMillis = Collections.synchronizedList(new ArrayList<>());
            AtomicLong total = new AtomicLong();
            ExecutorService senders = Executors.newFixedThreadPool(concurrency);
            long began = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (Batch batch : batches) {
                futures.add(senders.submit(() -> {
                    total.addAndGet(send(base, batch, accepted, batchMillis));
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            senders.shutdown();
            double seconds = (System.nanoTime() - began) / 1e9;

            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!published.keySet().containsAll(accepted.keySet()) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            List<Double> delays = new ArrayList<>();
            accepted.forEach((key, at) -> {
                Long got = published.get(key);
                if (got != null) {
                    delays.add(Math.max(0, (got - at) / 1e6));
                }
            });
            Collections.sort(delays);
            Collections.sort(batchMillis);
            String loadAfter = Files.readString(Path.of("/proc/loadavg")).trim();
            System.out.printf("Site-monitor ingest benchmark (run %s): %d monitors x %d hours x %d readings, batches of "
                    + "%d, %d concurrent senders%n", run, monitors.size(), hours, perHour, batchSize, concurrency);
            System.out.printf("  readings accepted   %d in %.2f s = %.0f readings/s%n", total.get(), seconds,
                    total.get() / seconds);
            System.out.printf("  batch response ms   p50 %.0f  p99 %.0f  max %.0f%n",
                    pct(batchMillis.stream().map(Long::doubleValue).toList(), 50),
                    pct(batchMillis.stream().map(Long::doubleValue).toList(), 99),
                    (double) batchMillis.get(batchMillis.size() - 1));
            System.out.printf("  violation events    %d expected, %d received%n", accepted.size(), delays.size());
            if (!delays.isEmpty()) {
                System.out.printf("  accepted->published ms  p50 %.0f  p95 %.0f  p99 %.0f  max %.0f%n", pct(delays, 50),
                        pct(delays, 95), pct(delays, 99), delays.get(delays.size() - 1));
            }
            System.out.printf("  load average        before %s, after %s%n", loadBefore, loadAfter);
        }
    }

    /** One request body and the site hours whose first exceeding reading it carries. */
    private record Batch(String body, int size, List<String> exceedingKeys) {
    }

    private static long send(String base, Batch batch, Map<String, Long> accepted, List<Long> batchMillis)
            throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/dust/v1/readings"))
                        .header("Authorization", "Bearer " + KeycloakTokens.of(DemoIdentity.HOUSING_SHACHE))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(batch.body(), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        long done = System.nanoTime();
        if (response.statusCode() != 200) {
            throw new IllegalStateException("ingest answered " + response.statusCode() + ": " + response.body());
        }
        batchMillis.add((done - t0) / 1_000_000);
        batch.exceedingKeys().forEach(k -> accepted.putIfAbsent(k, done));
        return batch.size();
    }

    private static List<String> setUp(String base, String run, int sites) throws Exception {
        List<String> monitors = new ArrayList<>();
        for (int i = 0; i < sites; i++) {
            String site = "bench-" + run + "-" + i;
            post(base, "/api/dust/v1/sites", Map.of("id", site, "project", "基准测试工地 benchmark " + i,
                    "builderName", "基准建工", "builderCreditCode", "91653125MA78ABCD1N", "areaM2", 5000,
                    "phase", "structure", "lon", SHACHE[0], "lat", SHACHE[1]));
            String monitor = site + "-m";
            post(base, "/api/dust/v1/sites/" + site + "/monitors", Map.of("id", monitor));
            monitors.add(monitor);
        }
        return monitors;
    }

    private static void post(String base, String path, Object body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + KeycloakTokens.of(DemoIdentity.HOUSING_SHACHE))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
