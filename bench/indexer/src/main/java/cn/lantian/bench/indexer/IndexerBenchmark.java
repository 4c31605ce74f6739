package cn.lantian.bench.indexer;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The indexer benchmark's steps, run by {@code bench/indexer/run.sh} in one session; each prints one result line
 * starting with {@code RESULT}.
 *
 * <pre>
 * sample RUN FILE               write one event, the body PerfTest publishes
 * prefill RUN N QUEUE            publish N events into the indexer's queue (persistent, confirmed)
 * drain RUN N INDEX              wait until the indexer has indexed them; its sustained rate from indexedat
 * bulk RUN INDEX                 re-bulk the indexer's own documents into a scratch index: raw Elasticsearch rate
 * latency RUN RATE SECONDS QUEUE INDEX   steady publishing; publish-to-searchable percentiles
 * </pre>
 */
public final class IndexerBenchmark {

    private IndexerBenchmark() {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "sample" ->
                java.nio.file.Files.write(java.nio.file.Path.of(args[2]), new BenchEvents(args[1]).event(0));
            case "prefill" -> prefill(args[1], Long.parseLong(args[2]), args[3]);
            case "drain" -> drain(args[1], Long.parseLong(args[2]), args[3]);
            case "bulk" -> bulk(args[1], args[2]);
            case "latency" -> latency(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), args[4], args[5]);
            default -> throw new IllegalArgumentException("unknown step " + args[0]);
        }
        System.exit(0);
    }

    static void prefill(String run, long n, String queue) throws Exception {
        BenchEvents events = new BenchEvents(run);
        try (Rabbit rabbit = new Rabbit()) {
            rabbit.declareIndexerQueue(queue, "lantian.stationary", 1_800_000);
            long start = System.nanoTime();
            for (long i = 0; i < n; i++) {
                rabbit.publish(queue, events.event(i));
                if (i % 1000 == 999) {
                    rabbit.channel.waitForConfirmsOrDie(30_000);
                }
            }
            rabbit.channel.waitForConfirmsOrDie(30_000);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "RESULT prefill %d events in %.1f s: %.0f msg/s (persistent, confirmed)%n",
                    n, seconds, n / seconds);
        }
    }

    static void drain(String run, long n, String index) throws Exception {
        try (Elastic es = new Elastic()) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            long count;
            while ((count = es.count(index, run)) < n) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + count + " of " + n + " indexed after 10 minutes");
                }
                Thread.sleep(500);
            }
            JsonNode r = es.call("POST", "/" + index + "/_search", """
                    {"size":0,"query":{"match":{"text":"%s"}},
                     "aggs":{"first":{"min":{"field":"indexedat"}},"last":{"max":{"field":"indexedat"}}}}
                    """.formatted(run));
            double first = r.get("aggregations").get("first").get("value").asDouble();
            double last = r.get("aggregations").get("last").get("value").asDouble();
            // indexedat is stamped when a batch is handed to Elasticsearch: add one mean batch to the span.
            double seconds = (last - first) / 1000.0;
            System.out.printf(
                    "RESULT indexer %d events, first to last batch %.1f s: %.0f events/s sustained%n",
                    count, seconds, count / Math.max(seconds, 0.001));
        }
    }

    static void bulk(String run, String index) throws Exception {
        try (Elastic es = new Elastic()) {
            List<String> docs = new ArrayList<>();
            String after = null;
            while (true) {
                String search = """
                        {"size":5000,"query":{"match":{"text":"%s"}},"sort":[{"id":"asc"}]%s}
                        """.formatted(run, after == null ? "" : ",\"search_after\":[\"" + after + "\"]");
                JsonNode hits = es.call("POST", "/" + index + "/_search", search)
                        .get("hits")
                        .get("hits");
                if (hits.isEmpty()) {
                    break;
                }
                hits.forEach(h -> docs.add(h.get("_source").toString()));
                after = hits.get(hits.size() - 1).get("sort").get(0).asText();
            }
            String scratch = "lantian-bench-raw";
            es.call("DELETE", "/" + scratch, null);
            JsonNode mapping = es.call("GET", "/" + index + "/_mapping", null)
                    .elements()
                    .next()
                    .get("mappings");
            es.call(
                    "PUT",
                    "/" + scratch,
                    "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":"
                            // As many replicas as the indexer's own indices: 0 on one node, 1 on the cluster.
                            + System.getenv().getOrDefault("BENCH_ES_REPLICAS", "0") + "}," + "\"mappings\":" + mapping
                            + "}");
            int perRequest = 1000;
            int threads = 2;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            AtomicLong nextChunk = new AtomicLong();
            long start = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    long chunk;
                    while ((chunk = nextChunk.getAndIncrement()) * perRequest < docs.size()) {
                        int from = (int) (chunk * perRequest);
                        int to = Math.min(docs.size(), from + perRequest);
                        StringBuilder body = new StringBuilder();
                        for (int i = from; i < to; i++) {
                            body.append("{\"create\":{\"_id\":\"")
                                    .append(i)
                                    .append("\"}}\n")
                                    .append(docs.get(i))
                                    .append('\n');
                        }
                        JsonNode r = es.call("POST", "/" + scratch + "/_bulk", body.toString());
                        if (r.get("errors").asBoolean()) {
                            throw new IllegalStateException(
                                    "bulk errors: " + r.toString().substring(0, 300));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            es.call("DELETE", "/" + scratch, null);
            System.out.printf(
                    "RESULT elasticsearch bulk %d documents in %.1f s: %.0f docs/s (%d per request, %d threads)%n",
                    docs.size(), seconds, docs.size() / seconds, perRequest, threads);
        }
    }

    static void latency(String run, int rate, int seconds, String queue, String index) throws Exception {
        BenchEvents events = new BenchEvents(run);
        Map<String, Long> publishedAt = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long total = (long) rate * seconds;
        Thread poller = new Thread(() -> poll(run, index, publishedAt, latencies, total), "poller");
        poller.setDaemon(true);
        poller.start();
        try (Rabbit rabbit = new Rabbit()) {
            long start = System.nanoTime();
            long tickNanos = TimeUnit.MILLISECONDS.toNanos(10);
            int perTick = rate / 100;
            for (long tick = 0; tick * perTick < total; tick++) {
                long due = start + tick * tickNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                for (int i = 0; i < perTick; i++) {
                    long n = tick * perTick + i;
                    publishedAt.put(events.id(n), System.nanoTime());
                    rabbit.publish(queue, events.event(n));
                }
                if (tick % 10 == 9) {
                    rabbit.channel.waitForConfirmsOrDie(10_000);
                }
            }
            rabbit.channel.waitForConfirmsOrDie(10_000);
            double elapsed = (System.nanoTime() - start) / 1e9;
            System.out.printf("published %d events in %.1f s (%.0f/s)%n", total, elapsed, total / elapsed);
        }
        poller.join(Duration.ofSeconds(60).toMillis());
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        if (sorted.size() < total) {
            System.out.printf("WARNING only %d of %d events seen%n", sorted.size(), total);
        }
        System.out.printf(
                "RESULT latency at %d events/s for %d s: p50 %d ms, p99 %d ms, max %d ms (%d events)%n",
                rate, seconds, pct(sorted, 0.50), pct(sorted, 0.99), sorted.get(sorted.size() - 1), sorted.size());
    }

    /** Every 100 ms, fetches the run's documents indexed since the last poll and notes when each first showed up. */
    private static void poll(
            String run, String index, Map<String, Long> publishedAt, List<Long> latencies, long total) {
        try (Elastic es = new Elastic()) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            double since = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3600);
            while (seen.size() < total && System.nanoTime() < deadline) {
                JsonNode hits = es.call("POST", "/" + index + "/_search", """
                        {"size":10000,"_source":["id","indexedat"],"query":{"bool":{"filter":[
                          {"match":{"text":"%s"}},{"range":{"indexedat":{"gte":%d}}}]}},"sort":[{"indexedat":"asc"}]}
                        """.formatted(run, (long) since))
                        .get("hits")
                        .get("hits");
                long now = System.nanoTime();
                for (JsonNode hit : hits) {
                    String id = hit.get("_source").get("id").asText();
                    if (seen.add(id)) {
                        Long at = publishedAt.get(id);
                        if (at != null) {
                            latencies.add((now - at) / 1_000_000);
                        }
                    }
                    since = Math.max(since, hit.get("sort").get(0).asDouble());
                }
                Thread.sleep(100);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long pct(List<Long> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }
}
