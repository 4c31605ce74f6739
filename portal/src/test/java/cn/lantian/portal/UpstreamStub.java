package cn.lantian.portal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small real HTTP server standing in for air-quality, stationary, enforcement and straw: it answers their public
 * endpoints with recorded-shape JSON (test resources {@code upstream/}) and generated station series of the same
 * shape as air-quality's. The owners' records deliberately carry private fields the portal must drop.
 */
public final class UpstreamStub implements AutoCloseable {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** The stand-in's stations report from this day on: earlier years have no data. */
    public static final LocalDate FIRST_DAY = LocalDate.of(2022, 1, 1);

    private static final Pattern SERIES = Pattern.compile("/api/public/v1/stations/([^/]+)/observations");
    private static final Pattern ENTERPRISE = Pattern.compile("/api/public/v1/enterprises/([^/]+)");

    private final HttpServer server;
    private final ConcurrentHashMap<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> queries = new ConcurrentHashMap<>();
    private final String stations = resource("stations.json");
    private volatile boolean noAlerts;

    private UpstreamStub(HttpServer server) {
        this.server = server;
    }

    /** Starts on a free loopback port. */
    public static UpstreamStub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
            UpstreamStub stub = new UpstreamStub(server);
            server.createContext("/", stub::handle);
            // A thread per exchange: a client that stops reading a long answer must not block the others.
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers an empty alert list from now on ({@code true}) or the recorded one again ({@code false}). */
    public void noAlerts(boolean none) {
        this.noAlerts = none;
    }

    /** The query string of the latest request to the path, or null when none came. */
    public String lastQuery(String path) {
        return queries.get(path);
    }

    /** How many requests reached a path prefix. */
    public int calls(String prefix) {
        return calls.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .mapToInt(e -> e.getValue().get())
                .sum();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        calls.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        String query = exchange.getRequestURI().getQuery() == null
                ? ""
                : exchange.getRequestURI().getQuery();
        queries.put(path, query);
        Matcher series = SERIES.matcher(path);
        String body;
        int status = 200;
        if (path.equals("/api/public/v1/stations")) {
            body = stations;
        } else if (series.matches()) {
            String id = series.group(1);
            if (!stations.contains("\"" + id + "\"")) {
                status = 404;
                body = "{\"title\":\"Not Found\",\"status\":404}";
            } else {
                body = series(id, param(query, "from"), param(query, "to"), param(query, "resolution"));
            }
        } else if (path.equals("/api/public/v1/units/653100/aqi")) {
            body = resource("unit-aqi.json");
        } else if (path.startsWith("/api/public/v1/targets/")) {
            body = resource("targets.json");
        } else if (path.equals("/api/public/v1/alerts")) {
            body = noAlerts ? "[]" : resource("alerts.json");
        } else if (path.equals("/api/public/v1/enterprises")) {
            body = resource("enterprises.json");
        } else if (ENTERPRISE.matcher(path).matches()) {
            body = enterprise(path.substring(path.lastIndexOf('/') + 1));
            status = body == null ? 404 : 200;
            body = body == null ? "{\"status\":404}" : body;
        } else if (path.equals("/api/public/v1/cases")) {
            body = resource("cases.json");
        } else if (path.equals("/api/public/v1/dust/sites")) {
            body = recent(resource("dust-sites.json"));
        } else if (path.equals("/api/public/v1/dust/violations")) {
            body = recent(resource("dust-violations.json"));
        } else if (path.equals("/api/public/v1/straw/incidents") && query != null && query.contains("to=")) {
            // The open-data dataset asks for a window (from, to): incidents of an autumn.
            body = resource("straw-incidents-window.json");
        } else if (path.equals("/api/public/v1/straw/incidents")) {
            // The straw page asks for everything since a recent instant.
            body = recent(resource("straw-incidents.json"));
        } else if (path.equals("/api/public/v1/straw/utilisation")) {
            body = resource("straw-utilisation.json");
        } else if (path.equals("/v3/api-docs")) {
            // Every owner answers here in the tests: each takes from it only the paths it owns.
            body = resource("owners-openapi.json");
        } else if (path.equals("/api/public/v1/greening/projects")) {
            body = resource("greening-projects.json");
        } else if (path.equals("/api/public/v1/greening/closure-areas")) {
            body = resource("greening-closures.json");
        } else if (path.equals("/api/public/v1/mobile/inspection-stations")) {
            body = resource("mobile-inspection-stations.json");
        } else if (path.equals("/api/public/v1/mobile/fraud-cases")) {
            // Mobile masks plates; this stand-in sends one whole, which the portal must mask itself.
            body = resource("mobile-fraud-cases.json");
        } else {
            status = 404;
            body = "{\"status\":404}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders()
                .add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        // No keep-alive: the JDK server can lose a request that arrives on a connection it is just retiring as idle.
        exchange.getResponseHeaders().add("Connection", "close");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String param(String query, String name) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }

    /** Deterministic values in air-quality's shapes: StoredHour for hourly, DailyValue for daily. */
    static String series(String id, String from, String to, String resolution) {
        LocalDate first = LocalDate.parse(from);
        first = first.isBefore(FIRST_DAY) ? FIRST_DAY : first;
        LocalDate last = LocalDate.parse(to);
        StringBuilder out = new StringBuilder("[");
        int seed = Math.abs(id.hashCode() % 40);
        if ("daily".equals(resolution)) {
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                int aqi = 40 + (d.getDayOfYear() * 7 + seed) % 180;
                double pm25 = 15 + (d.getDayOfYear() * 3 + seed) % 90;
                out.append(out.length() > 1 ? "," : "")
                        .append(String.format(
                                Locale.ROOT,
                                "{\"day\":\"%s\",\"so2\":8.0,\"no2\":24.0,\"pm10\":%.1f,\"pm25\":%.1f,\"co\":0.9,\"o3_1h\":110.0,"
                                        + "\"o3_8h\":96.0,\"aqi\":%d,\"primary\":\"PM10\",\"standard\":\"HJ633-2012\",\"dust\":%s,\"dustBasis\":null}",
                                d,
                                pm25 * 2.4,
                                pm25,
                                aqi,
                                aqi > 200 ? "true" : "false"));
            }
        } else {
            var start = first.atTime(1, 0).atZone(CHINA).toInstant();
            var end = last.plusDays(1).atTime(1, 0).atZone(CHINA).toInstant();
            int i = 0;
            for (var h = start; h.isBefore(end); h = h.plusSeconds(3600), i++) {
                int aqi = 30 + (i * 11 + seed) % 170;
                out.append(out.length() > 1 ? "," : "")
                        .append(String.format(
                                Locale.ROOT,
                                "{\"observation\":{\"station\":\"%s\",\"hour\":\"%s\",\"so2\":7.0,\"no2\":22.0,\"pm10\":%d.0,\"pm25\":%d.0,"
                                        + "\"co\":0.8,\"o3\":60.0,\"o3_8h\":55.0,\"valid\":%s,\"flag\":\"%s\"},\"aqi\":%d,\"primary\":\"PM10\","
                                        + "\"standard\":\"HJ633-2012\"}",
                                id,
                                h,
                                aqi * 2,
                                aqi / 2,
                                i % 50 == 7 ? "false" : "true",
                                i % 50 == 7 ? "M" : "N",
                                aqi));
            }
        }
        return out.append("]").toString();
    }

    /**
     * The new domains' records are about now: {@code @FRESH@} becomes the start of the current hour (Beijing's hours
     * start with UTC's, so it is always today there), {@code @RECENT@} five days ago.
     */
    static String recent(String body) {
        java.time.Instant now = java.time.Instant.now();
        return body.replace(
                        "@FRESH@",
                        now.truncatedTo(java.time.temporal.ChronoUnit.HOURS).toString())
                .replace("@RECENT@", now.minus(java.time.Duration.ofDays(5)).toString());
    }

    /** One enterprise of the recorded list, as stationary answers {@code /enterprises/{id}}; null when unknown. */
    private static String enterprise(String id) {
        for (var e : tools.jackson.databind.json.JsonMapper.builder().build().readTree(resource("enterprises.json"))) {
            if (id.equals(e.get("id").asString())) {
                return e.toString();
            }
        }
        return null;
    }

    static String resource(String name) {
        try (InputStream in = UpstreamStub.class.getResourceAsStream("/upstream/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
