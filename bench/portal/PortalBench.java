import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.ConnectionFactory;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark of the public portal (loopback only, bounded loops).
 *
 * <pre>
 * java -cp CLASSPATH PortalBench.java stub PORT STATIONS     # stand-in for air-quality: stations and series
 * java -cp CLASSPATH PortalBench.java run  PORTAL_URL        # the three measurements, figures printed
 * </pre>
 *
 * Latencies are measured from each request's scheduled send time (open loop), so a stalled server cannot hide its
 * queueing delay by slowing the load generator down.
 */
public class PortalBench {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** The county whose year of hourly CSV is streamed, and how many of the stand-in's stations lie in it. */
    static final String COUNTY = "653101";
    static final int COUNTY_STATIONS = 4;

    public static void main(String[] args) throws Exception {
        if (args[0].equals("stub")) {
            stub(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        } else if (args[0].equals("latest")) {
            // A short probe: latest AQI at RATE requests/s for SECONDS.
            var http = reactor.netty.http.client.HttpClient.create(reactor.netty.resources.ConnectionProvider
                    .builder("probe").maxConnections(64).pendingAcquireMaxCount(-1).build());
            constantRate(http, i -> args[1] + "/api/public/v1/datasets/stations", Integer.parseInt(args[2]),
                    Integer.parseInt(args[3]), "latest AQI probe", true);
            System.exit(0);
        } else {
            run(args[1]);
        }
    }

    // ---- upstream stand-in: air-quality's public endpoint shapes ----

    static void stub(int port, int stations) throws IOException {
        StringBuilder list = new StringBuilder("[");
        for (int i = 0; i < stations; i++) {
            int aqi = 30 + (i * 37) % 250;
            list.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"id\":\"B%03d\",\"nameZh\":\"站点%d\",\"nameEn\":\"Station %d\",\"kind\":\"county\",\"longitude\":%.4f,"
                            + "\"latitude\":%.4f,\"jurisdiction\":\"%s\",\"corpsUnit\":null,\"latest\":{\"hour\":"
                            + "\"2024-11-12T01:00:00Z\",\"aqi\":%d,\"categoryZh\":\"良\",\"categoryEn\":\"Good\",\"colour\":\"#FFFF00\","
                            + "\"primary\":\"PM10\",\"standard\":\"HJ633-2012\"}}",
                    i, i, i, 75.5 + (i % 10) * 0.35, 37.5 + (i / 10) * 0.8,
                    // Kashgar City has four stations, as the real network; the others stand for the rest.
                    i < COUNTY_STATIONS ? COUNTY : "653125", aqi));
        }
        byte[] stationsBody = list.append("]").toString().getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getQuery();
            byte[] body;
            if (path.equals("/api/public/v1/stations")) {
                body = stationsBody;
            } else if (path.endsWith("/observations") && query.contains("resolution=hourly")) {
                body = hourly(path.split("/")[5], query).getBytes(StandardCharsets.UTF_8);
            } else if (path.endsWith("/observations")) {
                body = daily(query).getBytes(StandardCharsets.UTF_8);
            } else {
                body = "[]".getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        System.out.println("stub listening on " + port + " with " + stations + " stations");
    }

    static String daily(String query) {
        LocalDate from = LocalDate.parse(param(query, "from"));
        LocalDate to = LocalDate.parse(param(query, "to"));
        StringBuilder out = new StringBuilder("[");
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            int aqi = 40 + d.getDayOfYear() * 7 % 180;
            out.append(out.length() > 1 ? "," : "").append(String.format(Locale.ROOT,
                    "{\"day\":\"%s\",\"so2\":8.0,\"no2\":24.0,\"pm10\":%d.0,\"pm25\":%d.0,\"co\":0.9,\"o3_1h\":110.0,"
                            + "\"o3_8h\":96.0,\"aqi\":%d,\"primary\":\"PM10\",\"standard\":\"HJ633-2012\",\"dust\":false,\"dustBasis\":null}",
                    d, aqi * 2, aqi / 2, aqi));
        }
        return out.append("]").toString();
    }

    /** A station's hours between two Beijing dates in air-quality's StoredHour shape, labelled by their end. */
    static String hourly(String station, String query) {
        Instant start = LocalDate.parse(param(query, "from")).atTime(1, 0).atZone(CHINA).toInstant();
        Instant end = LocalDate.parse(param(query, "to")).plusDays(1).atTime(1, 0).atZone(CHINA).toInstant();
        StringBuilder out = new StringBuilder("[");
        int i = 0;
        for (Instant h = start; h.isBefore(end); h = h.plusSeconds(3600), i++) {
            int aqi = 30 + (i * 11) % 170;
            out.append(out.length() > 1 ? "," : "").append(String.format(Locale.ROOT,
                    "{\"observation\":{\"station\":\"%s\",\"hour\":\"%s\",\"so2\":7.0,\"no2\":22.0,\"pm10\":%d.0,"
                            + "\"pm25\":%d.0,\"co\":0.8,\"o3\":60.0,\"o3_8h\":55.0,\"valid\":true,\"flag\":\"N\"},"
                            + "\"aqi\":%d,\"primary\":\"PM10\",\"standard\":\"HJ633-2012\"}",
                    station, h, aqi * 2, aqi / 2, aqi));
        }
        return out.append("]").toString();
    }

    static String param(String query, String name) {
        return Arrays.stream(query.split("&")).filter(p -> p.startsWith(name + "=")).map(p -> p.substring(name.length() + 1))
                .findFirst().orElseThrow();
    }

    // ---- measurements ----

    static void run(String base) throws Exception {
        // Reactor Netty with a bounded keep-alive pool: the JDK client opened a connection per pending request and
        // became the bottleneck itself on a 2-core machine.
        var http = reactor.netty.http.client.HttpClient.create(
                reactor.netty.resources.ConnectionProvider.builder("bench").maxConnections(64)
                        .pendingAcquireMaxCount(-1).pendingAcquireTimeout(Duration.ofSeconds(30)).build());
        String latest = base + "/api/public/v1/datasets/stations";
        // Warm-up: JIT, connection pool, the portal's first read of the stations.
        constantRate(http, i -> latest, 200, 10, "warm-up latest AQI", false);
        Result a = constantRate(http, i -> latest, 500, 30, "latest AQI of all stations", true);
        String year = "/api/public/v1/datasets/observations?resolution=daily&from=2024-01-01&to=2024-12-31&station=B%03d";
        constantRate(http, i -> base + String.format(Locale.ROOT, year, i % 30), 20, 5, "warm-up daily year", false);
        Result b = constantRate(http, i -> base + String.format(Locale.ROOT, year, i % 30), 100, 30,
                "a year of daily values for one station", true);
        // Issue #21's performance paragraph, against the portal itself (the gateway's per-address rate limit would
        // refuse a load from one address): the home page at 200/s, and a year of one county's hourly CSV, paged.
        constantRate(http, i -> base + "/", 50, 5, "warm-up home page", false);
        Result home = constantRate(http, i -> base + "/", 200, 30, "home page", true);
        double[] coldCsv = countyCsv(base);
        double[] warmCsv = countyCsv(base);
        double sse = sse(base, 5000);
        System.out.println();
        System.out.printf(Locale.ROOT, "RESULT latest-aqi 500 req/s: p50 %.1f ms, p99 %.1f ms, max %.1f ms, errors %d (target p99 < 50 ms)%n",
                a.p50, a.p99, a.max, a.errors);
        System.out.printf(Locale.ROOT, "RESULT daily-year 100 req/s: p50 %.1f ms, p99 %.1f ms, max %.1f ms, errors %d (target p99 < 150 ms)%n",
                b.p50, b.p99, b.max, b.errors);
        System.out.printf(Locale.ROOT, "RESULT home page 200 req/s: p50 %.1f ms, p99 %.1f ms, max %.1f ms, errors %d (target p99 < 100 ms)%n",
                home.p50, home.p99, home.max, home.errors);
        System.out.printf(Locale.ROOT, "RESULT county year of hourly CSV: first read %.1f MB in %.2f s = %.1f MB/s; again %.1f MB/s (target >= 20 MB/s)%n",
                coldCsv[0] / 1e6, coldCsv[1], coldCsv[0] / 1e6 / coldCsv[1], warmCsv[0] / 1e6 / warmCsv[1]);
        System.out.printf(Locale.ROOT, "RESULT sse fan-out: one event reached 5000 subscribers in %.0f ms (target < 1000 ms)%n", sse);
        System.exit(0);
    }

    /**
     * Fetches last year's hourly CSV of {@link #COUNTY}, page after page by its {@code Link: rel="next"} (1,000 rows a
     * page), as a data user would; returns the bytes read and the seconds taken.
     */
    static double[] countyCsv(String base) throws Exception {
        int year = LocalDate.now(CHINA).getYear() - 1;
        var client = java.net.http.HttpClient.newHttpClient();
        String next = base + "/api/public/v1/datasets/observations?resolution=hourly&format=csv&limit=1000&county="
                + COUNTY + "&from=" + year + "-01-01&to=" + year + "-12-31";
        long bytes = 0;
        int pages = 0;
        long started = System.nanoTime();
        while (next != null) {
            var answer = client.send(java.net.http.HttpRequest.newBuilder(URI.create(next)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(next + " answered " + answer.statusCode());
            }
            bytes += answer.body().length;
            pages++;
            next = answer.headers().allValues("Link").stream()
                    .flatMap(v -> Arrays.stream(v.split(",\\s*(?=<)")))
                    .filter(l -> l.endsWith("rel=\"next\""))
                    .map(l -> l.substring(1, l.indexOf('>')))
                    .map(l -> l.startsWith("http") ? l : base + l)
                    .findFirst()
                    .orElse(null);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "county %s, %d hourly CSV: %d pages, %d bytes in %.2f s%n", COUNTY, year, pages, bytes,
                seconds);
        return new double[] {bytes, seconds};
    }

    record Result(double p50, double p99, double max, int errors) {
    }

    interface Uri {
        String of(int i);
    }

    /** Sends {@code rate} requests per second for {@code seconds}, each at its scheduled time, and waits for all. */
    static Result constantRate(reactor.netty.http.client.HttpClient http, Uri uri, int rate, int seconds, String name,
            boolean print) throws Exception {
        int total = rate * seconds;
        long[] latencies = new long[total];
        AtomicInteger errors = new AtomicInteger();
        ConcurrentLinkedQueue<String> kinds = new ConcurrentLinkedQueue<>();
        CountDownLatch done = new CountDownLatch(total);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime() + 50_000_000L;
        long interval = 1_000_000_000L / rate;
        for (int i = 0; i < total; i++) {
            int n = i;
            long due = start + n * interval;
            timer.schedule(() -> http.get().uri(uri.of(n))
                    .responseSingle((response, body) -> body.asByteArray().defaultIfEmpty(new byte[0])
                            .map(b -> response.status().code()))
                    .timeout(Duration.ofSeconds(10))
                    .subscribe(code -> {
                        latencies[n] = System.nanoTime() - due;
                        if (code != 200 && errors.incrementAndGet() <= 3) {
                            kinds.add("HTTP " + code);
                        }
                        done.countDown();
                    }, e -> {
                        latencies[n] = System.nanoTime() - due;
                        if (errors.incrementAndGet() <= 3) {
                            kinds.add(e.toString());
                        }
                        done.countDown();
                    }), due - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        if (!done.await(seconds + 60L, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + ": requests still open after the deadline");
        }
        timer.shutdown();
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        Result r = new Result(ms(sorted[total / 2]), ms(sorted[(int) Math.ceil(total * 0.99) - 1]), ms(sorted[total - 1]),
                errors.get());
        if (print) {
            System.out.printf(Locale.ROOT, "%s: %d requests at %d/s: p50 %.1f ms, p99 %.1f ms, max %.1f ms, errors %d%n",
                    name, total, rate, r.p50, r.p99, r.max, r.errors);
        }
        kinds.forEach(k -> System.out.println("  error: " + k));
        return r;
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** Opens {@code n} SSE streams, publishes one hourly AQI event to the broker, times its arrival at all of them. */
    static double sse(String base, int n) throws Exception {
        var http = reactor.netty.http.client.HttpClient.create(
                reactor.netty.resources.ConnectionProvider.builder("sse").maxConnections(n + 10)
                        .pendingAcquireMaxCount(-1).build());
        CountDownLatch connected = new CountDownLatch(n);
        CountDownLatch received = new CountDownLatch(n);
        AtomicLong lastArrival = new AtomicLong();
        String marker = "\"aqi\":" + (300 + (int) (Instant.now().getEpochSecond() % 150));
        for (int i = 0; i < n; i++) {
            boolean[] seen = new boolean[2];
            http.get().uri(base + "/api/public/v1/live").responseContent().asString(StandardCharsets.UTF_8)
                    .subscribe(chunk -> {
                        if (!seen[0] && chunk.contains(":connected")) {
                            seen[0] = true;
                            connected.countDown();
                        }
                        if (!seen[1] && chunk.contains(marker)) {
                            seen[1] = true;
                            lastArrival.accumulateAndGet(System.nanoTime(), Math::max);
                            received.countDown();
                        }
                    }, e -> { });
        }
        if (!connected.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("only " + (n - connected.getCount()) + " of " + n + " SSE streams opened");
        }
        System.out.println(n + " SSE subscribers connected");
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setVirtualHost("lantian-test"); // the tests' virtual host: never a running platform's exchanges
        long published;
        try (var connection = factory.newConnection(); var channel = connection.createChannel()) {
            String hour = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS).plusSeconds(3600).toString();
            String event = ("{\"specversion\":\"1.0\",\"id\":\"%s\",\"source\":\"/lantian/air-quality\","
                    + "\"type\":\"lantian.air-quality.hourly-aqi-published.v1\",\"subject\":\"station/B000\",\"time\":\"%s\","
                    + "\"datacontenttype\":\"application/json\",\"jurisdiction\":\"653101\",\"agency\":\"ecology\","
                    + "\"data\":{\"stationId\":\"B000\",\"hour\":\"%s\",%s,\"category\":6,\"standard\":\"HJ633-2012\"}}")
                    .formatted(UUID.randomUUID(), hour, hour, marker);
            published = System.nanoTime();
            channel.basicPublish("lantian.air-quality", "lantian.air-quality.hourly-aqi-published.v1",
                    new AMQP.BasicProperties.Builder().contentType("application/cloudevents+json").deliveryMode(2).build(),
                    event.getBytes(StandardCharsets.UTF_8));
        }
        if (!received.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("only " + (n - received.getCount()) + " of " + n + " subscribers got the event");
        }
        double elapsed = ms(lastArrival.get() - published);
        System.out.printf(Locale.ROOT, "event reached all %d subscribers %.0f ms after publishing%n", n, elapsed);
        return elapsed;
    }
}
