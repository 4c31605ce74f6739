package cn.lantian.bench.mobile;

import cn.lantian.testsupport.DemoIdentity;
import cn.lantian.testsupport.KeycloakTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fraud-signal evaluation over a year of one inspection station's tests, through the running mobile service's audit
 * endpoint ({@code GET /inspection-stations/{id}/signals}): loading the year from PostgreSQL and evaluating every
 * signal. Sets up its own station ({@code ims-bench-<run>}) with a year of tests, a few of them copied, retested
 * within minutes or heavy trucks without dynamometer, uploaded in batches; then times the audit. Target: under 2 s.
 * Prints its figures with the load average.
 *
 * <p>Arguments: base URL (default http://127.0.0.1:8082), tests in the year (25000), timed runs (7), and the id of a
 * station a previous run set up, to time it again without a new upload.
 */
public final class FraudSignalBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int BATCH = 5000;

    private FraudSignalBenchmark() {}

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8082";
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 25_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        String run = UUID.randomUUID().toString().substring(0, 6);
        String token = "Bearer " + KeycloakTokens.of(DemoIdentity.POLICE_KASHGAR);
        String station = args.length > 3 ? args[3] : "ims-bench-" + run;
        Instant to = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant from = to.minus(Duration.ofDays(365));
        if (args.length <= 3) {
            setUp(base, token, run, station, from, count);
        }

        String uri = base + "/api/mobile/v1/inspection-stations/" + station + "/signals?from=" + from + "&to=" + to;
        long[] client = new long[runs];
        long[] server = new long[runs];
        long[] evaluation = new long[runs];
        int findings = 0;
        int evaluated = 0;
        for (int i = -1; i < runs; i++) {
            long t0 = System.nanoTime();
            JsonNode audit = JSON.readTree(send(HttpRequest.newBuilder(URI.create(uri))
                    .header("Authorization", token)
                    .timeout(Duration.ofMinutes(2))
                    .GET()));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (i >= 0) {
                client[i] = ms;
                server[i] = audit.get("millis").asLong();
                evaluation[i] = audit.get("evaluationMillis").asLong();
            }
            findings = audit.get("findings").size();
            evaluated = audit.get("tests").asInt();
        }
        Arrays.sort(client);
        Arrays.sort(server);
        Arrays.sort(evaluation);
        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        System.out.printf(
                "RESULT fraud-signal evaluation over a year of one station: %d tests, %d findings; "
                        + "request median %d ms, max %d ms; in service (load + evaluate) median %d ms, max %d ms; "
                        + "evaluation alone median %d ms, max %d ms; over %d runs after one warm-up; "
                        + "target < 2000 ms; load average %s%n",
                evaluated,
                findings,
                client[runs / 2],
                client[runs - 1],
                server[runs / 2],
                server[runs - 1],
                evaluation[runs / 2],
                evaluation[runs - 1],
                runs,
                load);
    }

    /** Registers the station and uploads a year of its tests. */
    private static void setUp(String base, String token, String run, String station, Instant from, int count)
            throws Exception {
        send(HttpRequest.newBuilder(URI.create(base + "/api/mobile/v1/inspection-stations/" + station))
                .header("Authorization", token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("name", "基准检测站 " + run, "licence", "BENCH-" + run, "unit", "653101", "lanes", 4)))));

        List<Map<String, Object>> tests = year(run, station, from, count);
        long loadStart = System.nanoTime();
        for (int i = 0; i < tests.size(); i += BATCH) {
            send(HttpRequest.newBuilder(URI.create(base + "/api/mobile/v1/inspection-tests"))
                    .header("Authorization", token)
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofMinutes(5))
                    .POST(HttpRequest.BodyPublishers.ofString(
                            JSON.writeValueAsString(tests.subList(i, Math.min(tests.size(), i + BATCH))))));
        }
        System.out.printf(
                "set-up: %d tests of %s uploaded in %.1f s%n",
                tests.size(), station, (System.nanoTime() - loadStart) / 1e9);
    }

    /** A year of tests: mostly ordinary, with a few of each pattern the signals look for. */
    private static List<Map<String, Object>> year(String run, String station, Instant from, int count) {
        Random r = new Random(42);
        List<Map<String, Object>> tests = new ArrayList<>();
        double[] template = curve(r);
        long span = Duration.ofDays(365).minusHours(1).toSeconds();
        for (int i = 0; i < count; i++) {
            Instant at = from.plusSeconds(span * i / count);
            boolean diesel = r.nextInt(10) < 3;
            boolean pass = r.nextInt(100) >= 9;
            int kg = diesel ? 2500 + r.nextInt(30_000) : 1200 + r.nextInt(1500);
            String method = diesel ? (kg > 3500 ? "lug-down" : "free-acceleration") : "asm";
            double[] process = curve(r);
            if (i % 500 == 7) {
                process = template.clone();
                process[3] += 0.2;
            }
            if (i % 700 == 11 && diesel) {
                method = "free-acceleration";
                kg = Math.max(kg, 12_000);
            }
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("id", "imt-bench-" + run + "-" + i);
            t.put("stationId", station);
            t.put("lane", 1 + r.nextInt(4));
            t.put("plate", "新Q·B" + run.substring(0, 2).toUpperCase() + String.format("%05d", i % 20_000));
            t.put("vin", "LBE" + String.format("%014d", i % 20_000));
            t.put("grossMassKg", kg);
            t.put("fuel", diesel ? "diesel" : "petrol");
            t.put("method", method);
            t.put("testedAt", at.toString());
            t.put("result", pass ? "pass" : "fail");
            t.put(
                    "measurements",
                    diesel
                            ? List.of(Map.of("quantity", "k", "value", pass ? 0.6 : 1.6, "limit", 1.2))
                            : List.of(Map.of("quantity", "co", "value", pass ? 0.2 : 0.8, "limit", 0.5)));
            t.put("obd", Map.of("result", "pass", "calId", "CAL-" + (i % 40), "cvn", "CVN" + (i % 40)));
            t.put("process", process);
            tests.add(t);
        }
        return tests;
    }

    private static double[] curve(Random r) {
        double[] c = new double[20];
        double peak = 20 + r.nextInt(40);
        int top = 6 + r.nextInt(8);
        for (int k = 0; k < c.length; k++) {
            c[k] = Math.round((peak * Math.exp(-Math.pow(k - top, 2) / 18.0) + r.nextGaussian() * 3) * 10) / 10.0;
        }
        return c;
    }

    private static String send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return response.body();
    }
}
