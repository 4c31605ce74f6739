package cn.lantian.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Small real HTTP servers standing for the services whose code is not on this branch, one per upstream port of the
 * gateway's routes. Each answers with what it received (service, method, path, query, the relayed token, request id,
 * trace context, body size), so tests see exactly what the gateway relays. The header {@code X-Stand-In-Status}
 * makes one answer with that status, as a service refusing a request would; {@code X-Stand-In-Body},
 * {@code X-Stand-In-Content-Type} and {@code X-Stand-In-Last-Modified} give a fixed answer as a service's own would be,
 * sent chunked (without a length) when {@code X-Stand-In-Chunked} is present.
 */
final class StandIns {

    /** The service behind each port of docs/CONVENTIONS.md. */
    static final Map<Integer, String> BY_PORT = Map.of(
            8081,
            "stationary",
            8082,
            "mobile",
            8083,
            "dust",
            8084,
            "straw",
            8085,
            "greening",
            8086,
            "air-quality",
            8087,
            "enforcement",
            8088,
            "indexer",
            8090,
            "portal");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, HttpServer> servers = new ConcurrentHashMap<>();

    static StandIns start() {
        StandIns standIns = new StandIns();
        BY_PORT.values().forEach(standIns::serve);
        return standIns;
    }

    private void serve(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
            server.createContext("/", exchange -> answer(name, exchange));
            server.setExecutor(Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "stand-in-" + name);
                t.setDaemon(true);
                return t;
            }));
            server.start();
            servers.put(name, server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void answer(String name, HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        URI uri = exchange.getRequestURI();
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("service", name);
        echo.put("method", exchange.getRequestMethod());
        echo.put("path", uri.getRawPath());
        echo.put("query", uri.getRawQuery());
        echo.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
        echo.put("requestId", exchange.getRequestHeaders().getFirst("X-Request-Id"));
        echo.put("traceparent", exchange.getRequestHeaders().getFirst("traceparent"));
        echo.put("bodyLength", body.length);
        echo.put("body", new String(body, StandardCharsets.UTF_8));
        String wanted = exchange.getRequestHeaders().getFirst("X-Stand-In-Status");
        String fixed = exchange.getRequestHeaders().getFirst("X-Stand-In-Body");
        byte[] answer = fixed == null ? JSON.writeValueAsBytes(echo) : fixed.getBytes(StandardCharsets.UTF_8);
        String type = exchange.getRequestHeaders().getFirst("X-Stand-In-Content-Type");
        exchange.getResponseHeaders().set("Content-Type", type == null ? "application/json" : type);
        String modified = exchange.getRequestHeaders().getFirst("X-Stand-In-Last-Modified");
        if (modified != null) {
            exchange.getResponseHeaders().set("Last-Modified", modified);
        }
        boolean chunked = exchange.getRequestHeaders().containsKey("X-Stand-In-Chunked");
        exchange.sendResponseHeaders(wanted == null ? 200 : Integer.parseInt(wanted), chunked ? 0 : answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    /** Points the gateway's service addresses ({@code lantian.services.*}, used by every route) at the stand-ins. */
    void route(DynamicPropertyRegistry registry) {
        servers.forEach((name, server) -> registry.add(
                "lantian.services." + name,
                () -> "http://127.0.0.1:" + server.getAddress().getPort()));
    }
}
