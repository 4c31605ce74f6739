package cn.lantian.bench.mobile;

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
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Remote-sensing ingest through the running mobile service's batch endpoint, with the HJ 845 validity conditions, the
 * limits, the six-month judgement and the outbox on: readings per second sustained, and the delay from the batch that
 * carries a gross emitter's second failure being accepted (HTTP 200) to its vehicle-emission-exceeded event arriving
 * from RabbitMQ (published by the outbox relay with confirms). Prints its figures with the load average.
 *
 * <p>Arguments: base URL (default http://127.0.0.1:8082), vehicles (2000), readings per vehicle (30), batch size
 * (5000), concurrent senders (2). {@code -Dvhost=} names the virtual host the service publishes in (default the test
 * one, where the benchmark's service should run so that no consumer of the platform sees its events).
 */
public final class RemoteSensingBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final double[] KASHGAR = {76.1771, 39.5215};
    private static final String EXCEEDED = "lantian.mobile.vehicle-emission-exceeded.v1";

    private RemoteSensingBenchmark() {}

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8082";
        int vehicles = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int perVehicle = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int batchSize = args.length > 3 ? Integer.parseInt(args[3]) : 5000;
        int concurrency = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        String run = UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();

        List<String> plates = register(base, run, vehicles);
        // About 2 % gross emitters: every reading over the opacity limit, so their second reading is a failure.
        Random random = new Random(845);
        List<Boolean> gross = new ArrayList<>();
        for (int i = 0; i < vehicles; i++) {
            gross.add(random.nextInt(50) == 0);
        }

        Map<String, Long> accepted = new ConcurrentHashMap<>();
        Map<String, Long> published = new ConcurrentHashMap<>();
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(Infrastructure.RABBITMQ_HOST);
        factory.setPort(Infrastructure.RABBITMQ_PORT);
        factory.setVirtualHost(System.getProperty("vhost", Infrastructure.RABBITMQ_TEST_VHOST));
        try (Connection connection = factory.newConnection();
                Channel channel = connection.createChannel()) {
            String queue = channel.queueDeclare("", false, true, true, null).getQueue();
            channel.queueBind(queue, "lantian.mobile", EXCEEDED);
            DeliverCallback onEvent = (tag, delivery) -> {
                JsonNode data = JSON.readTree(delivery.getBody()).get("data");
                published.putIfAbsent(data.get("plate").asString(), System.nanoTime());
            };
            channel.basicConsume(queue, true, onEvent, tag -> {});

            // Readings in time order over the last days: one pass of every vehicle per round.
            Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(perVehicle + 1L, ChronoUnit.HOURS);
            List<Batch> batches = new ArrayList<>();
            List<String> lines = new ArrayList<>();
            List<String> failing = new ArrayList<>();
            for (int round = 0; round < perVehicle; round++) {
                for (int v = 0; v < vehicles; v++) {
                    Instant at = start.plusSeconds(3600L * round + v % 3600);
                    boolean dirty = gross.get(v);
                    lines.add("{\"plate\":\"" + plates.get(v) + "\",\"at\":\"" + at + "\",\"lon\":" + KASHGAR[0]
                            + ",\"lat\":" + KASHGAR[1] + ",\"check\":\"remote-sensing\",\"opacity\":"
                            + (dirty ? 35 + random.nextInt(30) : 2 + random.nextInt(15)) + ",\"nox\":"
                            + (200 + random.nextInt(800)) + ",\"speed\":" + (20 + random.nextInt(50))
                            + ",\"acceleration\":" + (random.nextInt(11) - 5) / 10.0 + ",\"wind\":"
                            + random.nextInt(30) / 10.0 + "}");
                    if (dirty && round == 1) {
                        failing.add(plates.get(v));
                    }
                    if (lines.size() == batchSize) {
                        batches.add(new Batch(String.join("\n", lines), lines.size(), List.copyOf(failing)));
                        lines.clear();
                        failing.clear();
                    }
                }
            }
            if (!lines.isEmpty()) {
                batches.add(new Batch(String.join("\n", lines), lines.size(), List.copyOf(failing)));
            }

            List<Long> batchMillis = Collections.synchronizedList(new ArrayList<>());
            AtomicLong total = new AtomicLong();
            ExecutorService senders = Executors.newFixedThreadPool(concurrency);
            long began = System.nanoTime();
            try {
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
            } finally {
                // A failed batch ends the run: the other senders must not keep the program alive.
                senders.shutdownNow();
            }
            double seconds = (System.nanoTime() - began) / 1e9;

            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!published.keySet().containsAll(accepted.keySet()) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            List<Double> delays = new ArrayList<>();
            accepted.forEach((plate, at) -> {
                Long got = published.get(plate);
                if (got != null) {
                    delays.add(Math.max(0, (got - at) / 1e6));
                }
            });
            Collections.sort(delays);
            Collections.sort(batchMillis);
            String loadAfter = Files.readString(Path.of("/proc/loadavg")).trim();
            System.out.printf(
                    "Remote-sensing ingest benchmark (run %s): %d vehicles x %d readings, batches of %d, %d concurrent"
                            + " senders%n",
                    run, vehicles, perVehicle, batchSize, concurrency);
            System.out.printf(
                    "  readings accepted   %d in %.2f s = %.0f readings/s%n",
                    total.get(), seconds, total.get() / seconds);
            List<Double> millis = batchMillis.stream().map(Long::doubleValue).toList();
            System.out.printf(
                    "  batch response ms   p50 %.0f  p99 %.0f  max %.0f%n",
                    pct(millis, 50), pct(millis, 99), millis.get(millis.size() - 1));
            System.out.printf("  exceedance events   %d expected, %d received%n", accepted.size(), delays.size());
            if (!delays.isEmpty()) {
                System.out.printf(
                        "  accepted->published ms  p50 %.0f  p95 %.0f  p99 %.0f  max %.0f%n",
                        pct(delays, 50), pct(delays, 95), pct(delays, 99), delays.get(delays.size() - 1));
            }
            System.out.printf("  load average        before %s, after %s%n", loadBefore, loadAfter);
        }
    }

    /** One request body and the plates whose second failure it carries. */
    private record Batch(String body, int size, List<String> failingPlates) {}

    private static long send(String base, Batch batch, Map<String, Long> accepted, List<Long> batchMillis)
            throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/api/mobile/v1/readings"))
                        .header("Authorization", "Bearer " + KeycloakTokens.of(DemoIdentity.POLICE_KASHGAR))
                        .header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofString(batch.body(), StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        long done = System.nanoTime();
        if (response.statusCode() != 200) {
            throw new IllegalStateException("ingest answered " + response.statusCode() + ": " + response.body());
        }
        batchMillis.add((done - t0) / 1_000_000);
        batch.failingPlates().forEach(p -> accepted.putIfAbsent(p, done));
        return batch.size();
    }

    /** Registers the run's diesel trucks in one CSV import and returns their plates. */
    private static List<String> register(String base, String run, int vehicles) throws Exception {
        List<String> plates = new ArrayList<>();
        StringBuilder csv =
                new StringBuilder("id,plate,vin,kind,fuel,emissionStage,certifiedOn,operatingFreight,owner,home\n");
        for (int i = 0; i < vehicles; i++) {
            String plate = "新Q·" + run + String.format("%05d", i);
            plates.add(plate);
            csv.append("bench-")
                    .append(run)
                    .append('-')
                    .append(i)
                    .append(',')
                    .append(plate)
                    .append(",LBENC")
                    .append(run)
                    .append(String.format("%07d", i))
                    .append(",heavy-truck,diesel,China IV,2016-03-01,true,基准运输公司,653101\n");
        }
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/api/mobile/v1/imports/vehicles"))
                        .header("Authorization", "Bearer " + KeycloakTokens.of(DemoIdentity.POLICE_KASHGAR))
                        .header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofString(csv.toString(), StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode report = response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        if (report == null || report.get("rejected").size() > 0) {
            throw new IllegalStateException("registration answered " + response.statusCode() + ": " + response.body());
        }
        return plates;
    }

    private static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
