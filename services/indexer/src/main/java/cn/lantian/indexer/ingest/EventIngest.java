package cn.lantian.indexer.ingest;

import cn.lantian.eventing.BatchHandler;
import cn.lantian.eventing.IncomingEvent;
import cn.lantian.indexer.index.BulkIndexer;
import cn.lantian.indexer.index.EventDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Indexes the contract-checked events of one batch in bulk, document id = event id with {@code op_type=create}, so a
 * redelivered event is never a second document. Documents Elasticsearch refuses for good are returned to be
 * dead-lettered; Elasticsearch unavailable beyond the retry window throws, and the batch goes back to the queue.
 */
class EventIngest implements BatchHandler {

    private final BulkIndexer indexer;

    EventIngest(BulkIndexer indexer) {
        this.indexer = indexer;
    }

    @Override
    public List<Refusal> handle(List<IncomingEvent> events) {
        Instant now = Instant.now();
        List<EventDocument> documents = new ArrayList<>(events.size());
        for (IncomingEvent event : events) {
            documents.add(EventDocument.of(event, now));
        }
        List<BulkIndexer.Refusal> refused = indexer.index(documents);
        List<Refusal> refusals = new ArrayList<>(refused.size());
        for (BulkIndexer.Refusal refusal : refused) {
            refusals.add(new Refusal(refusal.id(), refusal.reason()));
        }
        return refusals;
    }
}
