package cn.lantian.indexer.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes documents in bulk with {@code op_type=create} into the index of their domain and month: an id already indexed
 * answers "conflict", which means a redelivery and counts as done, so nothing is ever indexed twice (the month comes
 * from the event's own time, so a replay reaches the same index). Transient failures (the cluster unreachable,
 * 429, 5xx) are retried with exponential backoff for the affected documents only; a document Elasticsearch refuses
 * for good (a mapping error) is returned so that its message can be dead-lettered.
 */
public class BulkIndexer {

    private static final Logger log = LoggerFactory.getLogger(BulkIndexer.class);

    /**
     * What of a bulk answer the indexer reads: per document its status, id and error. Elasticsearch otherwise writes,
     * and the client parses, about ten fields per document (version, shards, sequence numbers) that nobody uses.
     */
    static final String ANSWER_FIELDS = "took,errors,items.*._index,items.*._id,items.*.status,items.*.error";

    private final ElasticsearchClient es;
    private final IndexLayout layout;
    private final IndexerProperties.Retry retry;
    private final Counter indexed;
    private final Counter duplicates;
    private final Counter retries;

    public BulkIndexer(
            ElasticsearchClient es, IndexLayout layout, IndexerProperties.Retry retry, MeterRegistry meters) {
        this.es = es.withTransportOptions(es._transport().options().toBuilder()
                .setParameter("filter_path", ANSWER_FIELDS)
                .build());
        this.layout = layout;
        this.retry = retry;
        this.indexed = Counter.builder("lantian.indexer.indexed")
                .description("events indexed")
                .register(meters);
        this.duplicates = Counter.builder("lantian.indexer.duplicates")
                .description("redelivered events that were already indexed")
                .register(meters);
        this.retries = Counter.builder("lantian.indexer.retries")
                .description("bulk attempts repeated after a transient Elasticsearch failure")
                .register(meters);
    }

    /** A document Elasticsearch refused for good, with its reason. */
    public record Refusal(String id, String reason) {}

    /** Thrown when Elasticsearch stayed unavailable for the whole retry window: nothing of the batch may be acked. */
    public static class IndexUnavailableException extends RuntimeException {
        IndexUnavailableException(String message) {
            super(message);
        }
    }

    /**
     * Indexes every document, retrying transient failures; returns only when each one is indexed (or was already) or
     * refused for good.
     *
     * @return the documents refused for good
     * @throws IndexUnavailableException when transient failures outlast {@code retry.give-up-after}
     */
    public List<Refusal> index(List<EventDocument> documents) {
        Map<String, EventDocument> pending = new LinkedHashMap<>();
        documents.forEach(d -> pending.putIfAbsent(d.id(), d));
        duplicates.increment(documents.size() - pending.size());
        List<Refusal> refused = new ArrayList<>();
        long deadline = System.nanoTime() + retry.giveUpAfter().toNanos();
        Duration pause = retry.initialBackoff();
        while (!pending.isEmpty()) {
            String transientReason = attempt(pending, refused);
            if (pending.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IndexUnavailableException(
                        "Elasticsearch unavailable for " + retry.giveUpAfter() + ": " + transientReason);
            }
            retries.increment();
            log.warn("{} documents not indexed yet ({}); retrying in {}", pending.size(), transientReason, pause);
            sleep(pause);
            pause = pause.multipliedBy(2).compareTo(retry.maxBackoff()) > 0
                    ? retry.maxBackoff()
                    : pause.multipliedBy(2);
        }
        return refused;
    }

    /** One bulk request; removes what is settled from {@code pending} and returns why the rest must be retried. */
    private String attempt(Map<String, EventDocument> pending, List<Refusal> refused) {
        List<BulkOperation> operations = new ArrayList<>(pending.size());
        for (EventDocument doc : pending.values()) {
            BinaryData body = BinaryData.of(doc.json(), ContentType.APPLICATION_JSON);
            operations.add(BulkOperation.of(b -> b.create(c ->
                    c.index(layout.index(doc.domain(), doc.time())).id(doc.id()).document(body))));
        }
        BulkResponse response;
        try {
            response = es.bulk(b -> b.operations(operations));
        } catch (IOException | ElasticsearchException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (RuntimeException e) {
            // The low-level client wraps connection failures in unchecked exceptions too.
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        String transientReason = null;
        for (BulkResponseItem item : response.items()) {
            int status = item.status();
            if (status >= 200 && status < 300) {
                pending.remove(item.id());
                indexed.increment();
            } else if (status == 409) {
                pending.remove(item.id());
                duplicates.increment();
            } else if (status == 429 || status >= 500) {
                transientReason = "status " + status + ": " + reason(item);
            } else {
                pending.remove(item.id());
                refused.add(
                        new Refusal(item.id(), "Elasticsearch refused the document (" + status + "): " + reason(item)));
            }
        }
        return transientReason;
    }

    private static String reason(BulkResponseItem item) {
        return item.error() == null
                ? "no reason given"
                : item.error().type() + ": " + item.error().reason();
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IndexUnavailableException("interrupted while waiting to retry");
        }
    }
}
