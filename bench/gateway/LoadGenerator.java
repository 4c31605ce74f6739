import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Open-loop load generator for the gateway benchmark: sends authenticated GETs at a steady rate to each target in
 * turn (interleaved rounds, so that both see the same machine), and measures each latency from the moment the request
 * was due, not from when it was sent, so that a stall is counted against the system (no coordinated omission).
 * Loopback targets only; every phase is bounded by rate x duration requests.
 *
 * <p>Requests go over a fixed set of keep-alive connections with a minimal HTTP/1.1 exchange (request bytes built
 * once, response read by Content-Length): the generator shares the two cores with what it measures, and the JDK's
 * HttpClient cost about as much CPU per request as the gateway itself.
 *
 * <p>Run: {@code java LoadGenerator.java RATE SECONDS ROUNDS WARMUP_SECONDS TOKEN name=url ...}
 */
public class LoadGenerator {

    /** Latencies of the answered requests (status 200) and the number of failed or refused ones. */
    record Phase(long[] latenciesNanos, int errors) {
    }

    public static void main(String[] args) throws Exception {
        int rate = Integer.parseInt(args[0]);
        int seconds = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        String token = args[4];
        Map<String, URI> targets = new LinkedHashMap<>();
        for (int i = 5; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            URI uri = URI.create(pair[1]);
            if (!"127.0.0.1".equals(uri.getHost())) {
                throw new IllegalArgumentException("loopback targets only: " + uri);
            }
            targets.put(pair[0], uri);
        }
        int connections = Integer.getInteger("connections", 32);
        Map<URI, Connections> clients = new LinkedHashMap<>();
        for (URI uri : targets.values()) {
            clients.put(uri, new Connections(uri, token, connections));
        }
        for (var target : targets.entrySet()) {
            System.out.printf("warm-up %s: %d s at %d/s%n", target.getKey(), warmup, rate);
            run(clients.get(target.getValue()), rate, warmup);
        }
        Map<String, List<long[]>> samples = new LinkedHashMap<>();
        Map<String, Integer> errors = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (var target : targets.entrySet()) {
                Phase phase = run(clients.get(target.getValue()), rate, seconds);
                samples.computeIfAbsent(target.getKey(), k -> new ArrayList<>()).add(phase.latenciesNanos());
                errors.merge(target.getKey(), phase.errors(), Integer::sum);
                System.out.printf("round %d %-8s %6d requests, p50 %.2f ms, p99 %.2f ms, errors %d%n", round,
                        target.getKey(), phase.latenciesNanos().length, ms(pct(phase.latenciesNanos(), 50)),
                        ms(pct(phase.latenciesNanos(), 99)), phase.errors());
            }
        }
        System.out.printf("%nsteady %d requests/s, %d rounds x %d s per target, latency from the due time%n", rate,
                rounds, seconds);
        System.out.printf("%-8s %8s %7s %8s %8s %8s %8s %8s%n", "target", "requests", "errors", "p50 ms", "p90 ms",
                "p99 ms", "p99.9 ms", "max ms");
        Map<String, long[]> merged = new LinkedHashMap<>();
        for (var entry : samples.entrySet()) {
            long[] all = entry.getValue().stream().flatMapToLong(Arrays::stream).sorted().toArray();
            merged.put(entry.getKey(), all);
            System.out.printf("%-8s %8d %7d %8.2f %8.2f %8.2f %8.2f %8.2f%n", entry.getKey(), all.length,
                    errors.get(entry.getKey()), ms(pct(all, 50)), ms(pct(all, 90)), ms(pct(all, 99)),
                    ms(pct(all, 99.9)), ms(all[all.length - 1]));
        }
        int failed = errors.values().stream().mapToInt(Integer::intValue).sum();
        int sent = rate * seconds * rounds * targets.size();
        if (failed > sent / 100) {
            System.out.printf("%nINVALID: %d of %d requests failed (more than 1 %%): the machine did not sustain %d/s%n",
                    failed, sent, rate);
            System.exit(1);
        }
        if (merged.containsKey("direct") && merged.containsKey("gateway")) {
            double addedP50 = ms(pct(merged.get("gateway"), 50)) - ms(pct(merged.get("direct"), 50));
            double addedP99 = ms(pct(merged.get("gateway"), 99)) - ms(pct(merged.get("direct"), 99));
            System.out.printf("%ngateway adds %.2f ms at p50 (target <= 2: %s) and %.2f ms at p99 (target <= 10: %s)%n",
                    addedP50, addedP50 <= 2 ? "met" : "MISSED", addedP99, addedP99 <= 10 ? "met" : "MISSED");
        }
        System.exit(0);
    }

    static Phase run(Connections client, int rate, int seconds) throws InterruptedException {
        int total = rate * seconds;
        long interval = 1_000_000_000L / rate;
        long[] latencies = new long[total];
        boolean[] ok = new boolean[total];
        AtomicInteger errors = new AtomicInteger();
        AtomicLong issued = new AtomicLong();
        CountDownLatch done = new CountDownLatch(total);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(LoadGenerator::daemon);
        long start = System.nanoTime();
        client.onAnswer = (i, status) -> {
            latencies[i] = System.nanoTime() - (start + i * interval);
            if (status == 200) {
                ok[i] = true;
            } else {
                errors.incrementAndGet();
            }
            done.countDown();
        };
        ScheduledFuture<?> ticks = ticker.scheduleAtFixedRate(() -> {
            // Catch up when the ticker was late: every request due by now is queued now and timed from its due time.
            long now = System.nanoTime();
            while (issued.get() < total && start + issued.get() * interval <= now) {
                client.due.add((int) issued.getAndIncrement());
            }
        }, 0, interval, TimeUnit.NANOSECONDS);
        boolean finished = done.await(seconds + 30L, TimeUnit.SECONDS);
        ticks.cancel(false);
        ticker.shutdownNow();
        if (!finished) {
            System.out.printf("ABORTED: %d of %d requests still outstanding 30 s after the phase ended%n",
                    done.getCount(), total);
            System.exit(1);
        }
        long[] answered = java.util.stream.IntStream.range(0, total).filter(i -> ok[i]).mapToLong(i -> latencies[i])
                .toArray();
        return new Phase(answered.length == 0 ? new long[] {0} : answered, errors.get());
    }

    /** What a connection reports for request number i: its status, or -1 when the exchange failed. */
    interface Answer {
        void of(int i, int status);
    }

    /**
     * A fixed set of keep-alive connections to one target, each served by its own thread that takes the next due
     * request, sends it and reads the answer; a broken connection is reopened and its request counted as failed.
     */
    static final class Connections {
        final BlockingQueue<Integer> due = new LinkedBlockingQueue<>();
        volatile Answer onAnswer;
        private final byte[] request;
        private final InetSocketAddress address;

        Connections(URI uri, String token, int count) {
            this.address = new InetSocketAddress(uri.getHost(), uri.getPort());
            // the query is sent too; a token of "-" means none (public endpoints)
            String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            this.request = ("GET " + target + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + ("-".equals(token) ? "" : "\r\nAuthorization: Bearer " + token)
                    + "\r\nAccept: application/json\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            for (int c = 0; c < count; c++) {
                daemon(this::serve).start();
            }
        }

        private void serve() {
            Socket socket = null;
            InputStream in = null;
            while (true) {
                int i;
                try {
                    i = due.take();
                } catch (InterruptedException e) {
                    return;
                }
                int status = -1;
                try {
                    if (socket == null) {
                        socket = new Socket();
                        socket.setTcpNoDelay(true);
                        socket.setSoTimeout(10_000);
                        socket.connect(address, 5_000);
                        in = new BufferedInputStream(socket.getInputStream(), 16_384);
                    }
                    OutputStream out = socket.getOutputStream();
                    out.write(request);
                    out.flush();
                    status = readAnswer(in);
                } catch (IOException e) {
                    closeQuietly(socket);
                    socket = null;
                }
                onAnswer.of(i, status);
            }
        }

        /** Reads one answer (status line, headers, Content-Length body) and returns its status. */
        private static int readAnswer(InputStream in) throws IOException {
            String statusLine = line(in);
            int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
            long length = -1;
            boolean chunked = false;
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                String lower = header.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line(in).split(";")[0].trim(), 16); size > 0;
                        size = Long.parseLong(line(in).split(";")[0].trim(), 16)) {
                    in.skipNBytes(size);
                    line(in);
                }
                line(in);
            } else if (length > 0) {
                in.skipNBytes(length);
            }
            return status;
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        private static void closeQuietly(Socket socket) {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // already broken
            }
        }
    }

    static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "load");
        thread.setDaemon(true);
        return thread;
    }

    static long pct(long[] values, double percentile) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
