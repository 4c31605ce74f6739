package cn.lantian.indexer.index;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the indexer, under {@code lantian.indexer}.
 *
 * @param elasticsearch where Elasticsearch answers, {@code http://host:port} entries
 * @param indexPrefix prefix of every index and of the joint alias; tests and benchmarks use their own
 * @param replicas replicas per index (0 on a single-node cluster)
 * @param refreshInterval how soon written documents become searchable
 * @param retry how transient Elasticsearch failures are retried before the batch is handed back to the broker
 * @param username Elasticsearch user (HTTP basic), none when empty; the launcher passes the generated one
 * @param password that user's password
 * @param searchMonthsByName the longest range, in months, that a search reads from its months' indices by name; a
 *     longer or open range reads the joint alias (each month is one name in the request line, which Elasticsearch
 *     caps at 4 KB by default)
 * @param lifecycle when older months are force-merged
 */
@ConfigurationProperties("lantian.indexer")
public record IndexerProperties(
        List<String> elasticsearch,
        String indexPrefix,
        int replicas,
        String refreshInterval,
        Retry retry,
        String username,
        String password,
        int searchMonthsByName,
        Lifecycle lifecycle) {

    public IndexerProperties {
        elasticsearch = elasticsearch == null || elasticsearch.isEmpty()
                ? List.of("http://127.0.0.1:9200")
                : List.copyOf(elasticsearch);
        indexPrefix = indexPrefix == null ? "lantian-" : indexPrefix;
        refreshInterval = refreshInterval == null ? "1s" : refreshInterval;
        retry = retry == null ? new Retry(null, null, null) : retry;
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        searchMonthsByName = searchMonthsByName <= 0 ? 24 : searchMonthsByName;
        lifecycle = lifecycle == null ? new Lifecycle(null, null, null) : lifecycle;
    }

    @Override
    public String toString() {
        // Never the password, should the properties ever be logged.
        return "IndexerProperties[elasticsearch=" + elasticsearch + ", indexPrefix=" + indexPrefix + ", username="
                + username + "]";
    }

    /**
     * @param initialBackoff first pause after a transient failure; doubled after each further one
     * @param maxBackoff longest pause between attempts
     * @param giveUpAfter after this long the batch is rejected and requeued, so the broker redelivers it later
     */
    public record Retry(Duration initialBackoff, Duration maxBackoff, Duration giveUpAfter) {

        public Retry {
            initialBackoff = initialBackoff == null ? Duration.ofMillis(200) : initialBackoff;
            maxBackoff = maxBackoff == null ? Duration.ofSeconds(5) : maxBackoff;
            giveUpAfter = giveUpAfter == null ? Duration.ofMinutes(1) : giveUpAfter;
        }
    }

    /**
     * The indexer's own lifecycle of the monthly indices (the Elasticsearch distribution the platform runs has no ILM
     * module): a month whose end lies {@code settle} in the past is force-merged to one segment per shard, again
     * whenever late or replayed events have added segments since.
     *
     * @param enabled whether the indexer runs it at all (one instance of several is enough, but all may)
     * @param interval how often the months are checked
     * @param settle how long after its end a month still takes many late events (the feeds' catch-up, corrections)
     */
    public record Lifecycle(Boolean enabled, Duration interval, Duration settle) {

        public Lifecycle {
            enabled = enabled == null || enabled;
            interval = interval == null ? Duration.ofHours(6) : interval;
            settle = settle == null ? Duration.ofDays(7) : settle;
        }
    }
}
