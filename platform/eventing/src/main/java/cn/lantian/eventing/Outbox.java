package cn.lantian.eventing;

import cn.lantian.contract.EventContract;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * The transactional outbox: an event appended here commits or rolls back with the caller's own write, because it is
 * inserted through the same R2DBC transaction; {@link OutboxRelay} publishes it afterwards.
 */
public class Outbox {

    /** Appends of at least this many events check them on several threads; fewer are not worth the hand-over. */
    static final int PARALLEL_FROM = 64;

    /** Appends of at least this many events go in with COPY; fewer with one insert statement. */
    static final int COPY_FROM = 64;

    private final DatabaseClient db;
    private final EventContract contract;
    private final CloudEventWriter writer;

    Outbox(DatabaseClient db, EventContract contract, CloudEventWriter writer) {
        this.db = db;
        this.contract = contract;
        this.writer = writer;
    }

    /**
     * Appends the event inside the current transaction; call it within the transaction of the write that causes it.
     *
     * @return the CloudEvent id
     * @throws IllegalArgumentException (as the Mono's error) when the event does not honour the contract
     */
    public Mono<String> append(OutgoingEvent event) {
        return appendAll(List.of(event)).map(ids -> ids.get(0));
    }

    /**
     * Appends the events inside the current transaction with one statement, in their order: the bulk form of
     * {@link #append} for a caller that writes many changes at once. Nothing is appended when any event breaks the
     * contract.
     *
     * @return the CloudEvent ids, in the order of the events
     * @throws IllegalArgumentException (as the Mono's error) naming the first event that does not honour the contract
     */
    public Mono<List<String>> appendAll(List<OutgoingEvent> events) {
        return Mono.defer(() -> {
            if (events.isEmpty()) {
                return Mono.just(List.<String>of());
            }
            int n = events.size();
            String[] ids = new String[n];
            String[] types = new String[n];
            String[] exchanges = new String[n];
            String[] payloads = new String[n];
            List<String>[] broken = new List[n];
            IntStream indexes = IntStream.range(0, n);
            // Checking an event against its schema is the costly part of a large append: spread it over the cores.
            (n >= PARALLEL_FROM ? indexes.parallel() : indexes).forEach(i -> {
                OutgoingEvent event = events.get(i);
                ObjectNode cloudEvent = writer.write(event);
                List<String> violations = contract.violations(cloudEvent);
                if (!violations.isEmpty()) {
                    broken[i] = violations;
                    return;
                }
                ids[i] = cloudEvent.get("id").asString();
                types[i] = event.type();
                exchanges[i] = exchangeOf(event);
                payloads[i] = cloudEvent.toString();
            });
            for (int i = 0; i < n; i++) {
                if (broken[i] != null) {
                    throw new IllegalArgumentException(events.get(i).type() + " breaks the contract: " + broken[i]);
                }
            }
            if (n >= COPY_FROM) {
                // COPY takes the rows in the list's order, so their seq (the relay's publishing order) follows it;
                // it spares the encoding of four large text arrays, the costliest part of a big append after the check.
                CopyRows rows = new CopyRows();
                for (int i = 0; i < n; i++) {
                    rows.text(ids[i])
                            .text(types[i])
                            .text(exchanges[i])
                            .text(payloads[i])
                            .end();
                }
                return rows.send(db, "copy event_outbox (id, type, exchange, payload) from stdin")
                        .thenReturn(List.of(ids));
            }
            // Inserted by position, so the rows' seq (the relay's publishing order) follows the list's order.
            return db.sql("""
                            insert into event_outbox (id, type, exchange, payload)
                            select i, t, e, p from unnest($1::text[], $2::text[], $3::text[], $4::text[])
                              with ordinality as u(i, t, e, p, n) order by n""")
                    .bind(0, ids)
                    .bind(1, types)
                    .bind(2, exchanges)
                    .bind(3, payloads)
                    .fetch()
                    .rowsUpdated()
                    .thenReturn(List.of(ids));
        });
    }

    private static String exchangeOf(OutgoingEvent event) {
        return EventContract.exchangeOf(EventContract.domainOf(event.type()).orElseThrow());
    }
}
