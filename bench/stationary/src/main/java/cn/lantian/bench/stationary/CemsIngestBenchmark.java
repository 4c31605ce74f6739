package cn.lantian.bench.stationary;

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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * CEMS ingest through the running stationary service's batch endpoint, with rules and outbox on: readings per second
 * sustained, and the delay from a batch being accepted (HTTP 200) to each of its exceedance events arriving from
 * RabbitMQ (published by the outbox relay with confirms). Prints its figures.
 *
 * <p>Arguments: base URL (default http://127.0.0.1:8081), outlets (200), hours (100), batch size (5000),
 * concurrent senders (2).
 */
public final class CemsIngestBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final double[] SHACHE = {77.0027, 38.3172};
    private static final String[] POLLUTANTS = {"PM", "SO2", "NOx"};
    private static final double[] LIMITS = {30, 200, 200};

    private CemsIngestBenchmark() {}

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8081";
        int outlets = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int hours = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int batchSize = args.length > 3 ? Integer.parseInt(args[3]) : 5000;
        int concurrency = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        String run = UUID.randomUUID().toString().substring(0, 6);

        List<String> ids = setUp(base, run, outlets);

        Map<String, Long> accepted = new ConcurrentHashMap<>();
        Map<String, Long> published = new ConcurrentHashMap<>();
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(Infrastructure.RABBITMQ_HOST);
        // Where the benchmark's service publishes: the tests' virtual host, never a running platform's exchanges.
        factory.setVirtualHost(System.getProperty("vhost", Infrastructure.RABBITMQ_TEST_VHOST));
        factory.setPort(Infrastructure.RABBITMQ_PORT);
        try (Connection connection = factory.newConnection();
                Channel channel = connection.createChannel()) {
            String queue = channel.queueDeclare("", false, true, true, null).getQueue();
            channel.queueBind(queue, "lantian.stationary", "lantian.stationary.emission-limit-exceeded.v1");
            DeliverCallback onEvent = (tag, delivery) -> {
                JsonNode data = JSON.readTree(delivery.getBody()).get("data");
                String key = data.get("outletId").asString() + "|"
                        + data.get("pollutant").asString() + "|"
                        + Instant.parse(data.get("hour").asString());
                published.putIfAbsent(key, System.nanoTime());
            };
            channel.basicConsume(queue, true, onEvent, tag -> {});

            Random random = new Random(42);
            Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(hours + 1L, ChronoUnit.HOURS);
            List<Batch> batches = new ArrayList<>();
            List<String> lines = new ArrayList<>();
            List<String> exceedingKeys = new ArrayList<>();
            for (int h = 0; h < hours; h++) {
                Instant hour = start.plus(h, ChronoUnit.HOURS);
                for (String outlet : ids) {
                    for (int p = 0; p < POLLUTANTS.length; p++) {
                        // About 1 % of values over the limit (measured at the reference 9 % O2, so unchanged).
                        boolean over = random.nextInt(100) == 0;
                        double value =
                                LIMITS[p] * (over ? 1.1 + random.nextDouble() * 0.5 : 0.3 + random.nextDouble() * 0.5);
                        lines.add("{\"outletId\":\"" + outlet + "\",\"pollutant\":\"" + POLLUTANTS[p] + "\",\"hour\":\""
                                + hour + "\",\"value\":" + Math.round(value * 100) / 100.0
                                + ",\"o2\":9,\"flow\":52000,\"flag\":\"N\"}");
                        if (over) {
                            exceedingKeys.add(outlet + "|" + POLLUTANTS[p] + "|" + hour);
                        }
                        if (lines.size() == batchSize) {
                            batches.add(new Batch(
                                    String.join("\n", lines) + "\n", lines.size(), List.copyOf(exceedingKeys)));
                            lines.clear();
                            exceedingKeys.clear();
                        }
                    }
                }
            }
            if (!lines.isEmpty()) {
                batches.add(new Batch(String.join("\n", lines) + "\n", lines.size(), List.copyOf(exceedingKeys)));
            }
            List<Long> batchMillis = Collections.synchronizedList(new ArrayList<>());
            java.util.concurrent.atomic.AtomicLong total = new java.util.concurrent.atomic.AtomicLong();
            java.util.concurrent.ExecutorService senders =
                    java.util.concurrent.Executors.newFixedThreadPool(concurrency);
            long began = System.nanoTime();
            List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
            for (Batch batch : batches) {
                futures.add(senders.submit(() -> {
                    total.addAndGet(send(base, batch, accepted, batchMillis));
                    return null;
                }));
            }
            for (var f : futures) {
                f.get();
            }
            senders.shutdown();
            double seconds = (System.nanoTime() - began) / 1e9;

            long deadline = System.nanoTime() + 60_000_000_000L;
            while (published.keySet().containsAll(accepted.keySet()) == false && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            List<Double> delays = new ArrayList<>();
            accepted.forEach((key, at) -> {
                Long got = published.get(key);
                if (got != null) {
                    delays.add((got - at) / 1e6);
                }
            });
            Collections.sort(delays);
            Collections.sort(batchMillis);
            System.out.printf(
                    "CEMS ingest benchmark (run %s): %d outlets x %d pollutants x %d hours, batches of %d, "
                            + "%d concurrent senders%n",
                    run, outlets, POLLUTANTS.length, hours, batchSize, concurrency);
            System.out.printf(
                    "  readings accepted   %d in %.2f s = %.0f readings/s%n",
                    total.get(), seconds, total.get() / seconds);
            System.out.printf(
                    "  batch response ms   p50 %.0f  p99 %.0f  max %.0f%n",
                    pct(batchMillis.stream().map(Long::doubleValue).toList(), 50),
                    pct(batchMillis.stream().map(Long::doubleValue).toList(), 99),
                    (double) batchMillis.get(batchMillis.size() - 1));
            System.out.printf("  exceedance events   %d expected, %d received%n", accepted.size(), delays.size());
            if (!delays.isEmpty()) {
                System.out.printf(
                        "  accepted->published ms  p50 %.0f  p95 %.0f  p99 %.0f  max %.0f%n",
                        pct(delays, 50), pct(delays, 95), pct(delays, 99), delays.get(delays.size() - 1));
            }
        }
    }

    /** One request body and the keys of its exceeding values. */
    private record Batch(String body, int size, List<String> exceedingKeys) {}

    private static long send(String base, Batch batch, Map<String, Long> accepted, List<Long> batchMillis)
            throws Exception {
        String body = batch.body();
        long t0 = System.nanoTime();
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/api/stationary/v1/cems/readings"))
                        .header("Authorization", "Bearer " + KeycloakTokens.of(DemoIdentity.ECO_SHACHE))
                        .header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        long done = System.nanoTime();
        if (response.statusCode() != 200) {
            throw new IllegalStateException("ingest answered " + response.statusCode() + ": " + response.body());
        }
        batchMillis.add((done - t0) / 1_000_000);
        JsonNode report = JSON.readTree(response.body());
        if (report.get("rejected").size() > 0) {
            throw new IllegalStateException("rejected lines: " + report.get("rejected"));
        }
        batch.exceedingKeys().forEach(k -> accepted.put(k, done));
        return batch.size();
    }

    private static List<String> setUp(String base, String run, int outlets) throws Exception {
        String enterprise = "bench-" + run;
        String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        String first17 = "91653125MA" + run.toUpperCase().replaceAll("[^0-9A-HJ-NP-RTUWXY]", "0") + "0";
        post(
                base,
                "/api/stationary/v1/enterprises",
                Map.of(
                        "id",
                        enterprise,
                        "creditCode",
                        first17 + check(first17, chars),
                        "name",
                        "基准测试企业 benchmark " + run,
                        "industry",
                        "heating",
                        "lon",
                        SHACHE[0],
                        "lat",
                        SHACHE[1]));
        List<String> ids = new ArrayList<>();
        List<Map<String, Object>> limits = new ArrayList<>();
        for (int i = 0; i < outlets; i++) {
            String id = enterprise + "-DA" + i;
            post(
                    base,
                    "/api/stationary/v1/facilities",
                    Map.of(
                            "id",
                            id,
                            "kind",
                            "outlet",
                            "enterpriseId",
                            enterprise,
                            "name",
                            "DA" + i,
                            "lon",
                            SHACHE[0],
                            "lat",
                            SHACHE[1],
                            "attributes",
                            Map.of("code", "DA" + i, "sourceKind", "coal-boiler", "cems", List.of(POLLUTANTS))));
            ids.add(id);
            for (int p = 0; p < POLLUTANTS.length; p++) {
                limits.add(Map.of("outletId", id, "pollutant", POLLUTANTS[p], "limitMgM3", LIMITS[p]));
            }
        }
        post(
                base,
                "/api/stationary/v1/permits",
                Map.of(
                        "number",
                        ("PB" + run).toUpperCase() + "0000001P",
                        "enterpriseId",
                        enterprise,
                        "validFrom",
                        "2024-01-01",
                        "validUntil",
                        "2030-12-31",
                        "limits",
                        limits));
        return ids;
    }

    private static char check(String first17, String chars) {
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += chars.indexOf(first17.charAt(i)) * weights[i];
        }
        int c = 31 - sum % 31;
        return chars.charAt(c == 31 ? 0 : c);
    }

    private static void post(String base, String path, Object body) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + KeycloakTokens.of(DemoIdentity.ECO_SHACHE))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
