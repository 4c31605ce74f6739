package cn.lantian.gateway.audit;

import cn.lantian.eventing.Outbox;
import cn.lantian.eventing.OutgoingEvent;
import cn.lantian.security.AccessAudit;
import cn.lantian.security.AccessRecord;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Keeps audit records in the gateway's outbox table; the eventing relay publishes them to exchange
 * {@code lantian.audit} with publisher confirms. A record is durable in PostgreSQL before the answer leaves.
 */
class OutboxAccessAudit implements AccessAudit {

    private final Outbox outbox;
    private final Retry retry;

    OutboxAccessAudit(Outbox outbox, int attempts, Duration backoff) {
        this.outbox = outbox;
        this.retry = Retry.backoff(attempts, backoff);
    }

    @Override
    public Mono<Void> record(AccessRecord record) {
        OutgoingEvent event = new OutgoingEvent(
                AccessRecord.TYPE,
                "principal/" + record.principal(),
                record.placedIn(),
                null,
                record.agency(),
                null,
                null,
                List.of(),
                record.at(),
                data(record));
        return outbox.append(event).retryWhen(retry).then();
    }

    // The schema allows no nulls: absent facts are left out rather than written as null.
    private static Map<String, Object> data(AccessRecord r) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("principal", r.principal());
        data.put("agencies", r.agencies());
        putIfPresent(data, "level", r.level());
        putIfPresent(data, "callerJurisdiction", r.callerJurisdiction());
        data.put("action", r.action());
        data.put("resource", r.resource());
        putIfPresent(data, "targetJurisdiction", r.targetJurisdiction());
        data.put("outcome", r.outcome());
        data.put("status", r.status());
        putIfPresent(data, "requestId", r.requestId());
        data.put("at", r.at().toString());
        return data;
    }

    private static void putIfPresent(Map<String, Object> data, String key, String value) {
        if (value != null && !value.isEmpty()) {
            data.put(key, value);
        }
    }
}
