package cn.lantian.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A refused request must not cost the client its connection: on one kept-alive socket, each kind of refusal the
 * platform writes is followed by a plain request, and both are answered promptly. Raw HTTP/1.1, so that nothing
 * between the test and the server opens a fresh connection behind its back.
 */
@SpringBootTest(
        classes = KeptAliveConnectionTests.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lantian.web.max-body=4KB")
class KeptAliveConnectionTests {

    @SpringBootApplication
    @Import({WebAnswersTests.Things.class, Later.class})
    static class App {}

    /** Answers from another thread than the connection's, as every handler that waits for a database does. */
    @RestController
    static class Later {

        @GetMapping("/later")
        Mono<String> later() {
            return Mono.delay(Duration.ofMillis(50)).thenReturn("later");
        }
    }

    private static final Duration PROMPTLY = Duration.ofSeconds(10);
    private static final String PLAIN = "GET /things/9 HTTP/1.1\r\nHost: localhost\r\n\r\n";

    @LocalServerPort
    int port;

    static Stream<Arguments> refusals() {
        String big = "{\"reason\":\"" + "x".repeat(64 * 1024) + "\"}";
        return Stream.of(
                Arguments.of("NUL in the path", get("/things/a%00b"), 400),
                Arguments.of("lone surrogate in the path", get("/things/%ED%A0%80"), 400),
                Arguments.of("NUL in the query", get("/things/9?q=a%00b"), 400),
                Arguments.of("invalid UTF-8 in the query (decoded as U+FFFD)", get("/things/9?q=%ED%A0%80"), 200),
                Arguments.of("bracket in the query", get("/things/9?q=%5B"), 200),
                Arguments.of("percent in the path", get("/things/%25"), 400),
                Arguments.of("unknown path", get("/nothing/here"), 404),
                Arguments.of("platform exception", get("/things/1"), 404),
                Arguments.of("declared body over the cap", post("/visits", big, false), 413),
                Arguments.of("chunked body over the cap", post("/visits", big, true), 413),
                Arguments.of("body over the cap to a path with a NUL", post("/things/a%00b", big, false), 413),
                Arguments.of("body to a path with a NUL", post("/things/a%00b", "{}", false), 400),
                Arguments.of("body to a GET-only path", post("/things/9", "{\"a\":1}", false), 405),
                Arguments.of("unknown path with a body", post("/nothing", "{\"a\":1}", false), 404),
                Arguments.of("infinite number", post("/visits", "{\"level\":1e400}", false), 400),
                Arguments.of("deep nesting", post("/anything", "[".repeat(600), false), 400),
                Arguments.of("malformed body", post("/visits", "{", false), 400),
                Arguments.of(
                        "wrong media type", post("/visits", "name=x", false).replace("json", "x-www-form"), 415));
    }

    /** Refusals of requests with a body that the service answers from the head alone, without reading the body. */
    static Stream<Arguments> refusalsFromTheHead() {
        String big = "{\"reason\":\"" + "x".repeat(64 * 1024) + "\"}";
        return Stream.of(
                Arguments.of("declared body over the cap", post("/visits", big, false), 413),
                Arguments.of("body to a path with a NUL", post("/things/a%00b", "{}", false), 400),
                Arguments.of("body to a GET-only path", post("/things/9", "{\"a\":1}", false), 405),
                Arguments.of("unknown path with a body", post("/nothing", "{\"a\":1}", false), 404),
                Arguments.of(
                        "wrong media type", post("/visits", "name=x", false).replace("json", "x-www-form"), 415));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void answersTheNextRequestOnTheSameConnection(String what, String refused, int status) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) PROMPTLY.toMillis());
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();

            out.write(refused.getBytes(StandardCharsets.UTF_8));
            out.flush();
            Response first = Response.read(in);
            assertThat(first.status()).as("%s: first answer", what).isEqualTo(status);

            if (first.closes()) {
                // A server may close a connection whose rest it will not read, but it must say so.
                assertThat(in.read()).as("%s: closed after saying so", what).isEqualTo(-1);
                return;
            }
            out.write(PLAIN.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Response second = Response.read(in);
            assertThat(second.status())
                    .as("%s: the next request on the connection", what)
                    .isEqualTo(200);
            assertThat(second.body()).isEqualTo("thing 9");
        }
    }

    /**
     * The defect the fuzz met (reactor-netty 1.3.6, reactor/reactor-netty#4361): a request that arrives while the
     * previous answer, written from another thread, is still being finished is queued; if it is then refused in the same
     * turn of the event loop (as the platform's filters refuse), the connection is never read again and the request
     * after it never answers. Under load the JDK client's next request arrives in that window by itself; pipelining the
     * two requests produces the same state every time.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void answersAfterARefusalQueuedBehindAnAnswerFromAnotherThread(String what, String refused, int status)
            throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) PROMPTLY.toMillis());
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int round = 0; round < 3; round++) {
                out.write((get("/later") + refused).getBytes(StandardCharsets.UTF_8));
                out.flush();
                assertThat(Response.read(in).body()).isEqualTo("later");
                Response second = Response.read(in);
                assertThat(second.status()).as("%s: queued refusal", what).isEqualTo(status);
                if (second.closes()) {
                    assertThat(in.read()).as("%s: closed after saying so", what).isEqualTo(-1);
                    return;
                }
                out.write(PLAIN.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(Response.read(in).body())
                        .as("%s: the request after the queued refusal", what)
                        .isEqualTo("thing 9");
            }
        }
    }

    /**
     * The way the JDK's client and browsers send a body: the head first, the body after it. A refusal answered from the
     * head alone must still read (and drop) the body that follows, and then the next request.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("refusalsFromTheHead")
    void answersAfterARefusalWhoseBodyArrivesLate(String what, String refused, int status) throws IOException {
        int headEnd = refused.indexOf("\r\n\r\n") + 4;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) PROMPTLY.toMillis());
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(refused.substring(0, headEnd).getBytes(StandardCharsets.UTF_8));
            out.flush();
            Response first = Response.read(in);
            assertThat(first.status()).as("%s: answer to the head", what).isEqualTo(status);
            if (first.closes()) {
                assertThat(in.read()).as("%s: closed after saying so", what).isEqualTo(-1);
                return;
            }
            out.write(refused.substring(headEnd).getBytes(StandardCharsets.UTF_8));
            out.write(PLAIN.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(Response.read(in).body())
                    .as("%s: the request after the late body", what)
                    .isEqualTo("thing 9");
        }
    }

    private static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n\r\n";
    }

    private static String post(String path, String body, boolean chunked) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n";
        if (!chunked) {
            return head + "Content-Length: " + bytes.length + "\r\n\r\n" + body;
        }
        StringBuilder request = new StringBuilder(head).append("Transfer-Encoding: chunked\r\n\r\n");
        for (int at = 0; at < body.length(); at += 8192) {
            String chunk = body.substring(at, Math.min(body.length(), at + 8192));
            request.append(Integer.toHexString(chunk.length()))
                    .append("\r\n")
                    .append(chunk)
                    .append("\r\n");
        }
        return request.append("0\r\n\r\n").toString();
    }

    /** One HTTP/1.1 response read off the socket: status, headers (lower-case names) and body. */
    private record Response(int status, Map<String, String> headers, String body) {

        boolean closes() {
            return "close".equalsIgnoreCase(headers.getOrDefault("connection", ""));
        }

        static Response read(InputStream in) throws IOException {
            String statusLine = line(in);
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = line(in); !line.isEmpty(); line = line(in)) {
                int colon = line.indexOf(':');
                headers.put(
                        line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim());
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (headers.containsKey("content-length")) {
                body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
            } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                for (int size = Integer.parseInt(line(in).trim(), 16);
                        size > 0;
                        size = Integer.parseInt(line(in).trim(), 16)) {
                    body.write(in.readNBytes(size));
                    line(in);
                }
                line(in);
            }
            return new Response(status, headers, body.toString(StandardCharsets.UTF_8));
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b == -1) {
                    throw new IOException("connection closed in the middle of an answer");
                }
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.US_ASCII);
        }
    }
}
