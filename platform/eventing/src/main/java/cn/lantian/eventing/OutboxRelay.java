package cn.lantian.eventing;

import cn.lantian.contract.EventContract;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes outbox rows to their domain exchange with publisher confirms, then marks them sent in the same
 * transaction that locked them. A broker that is down leaves the rows unsent until it returns; a crash after
 * publishing and before marking publishes them again, so consumers deduplicate by event id.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final RabbitTemplate rabbit;
    private final EventingProperties.Relay settings;
    private final Counter published;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Disposable loop;

    OutboxRelay(
            DatabaseClient db,
            TransactionalOperator tx,
            RabbitTemplate rabbit,
            EventingProperties.Relay settings,
            MeterRegistry meters) {
        this.db = db;
        this.tx = tx;
        this.rabbit = rabbit;
        this.settings = settings;
        this.published = Counter.builder("lantian.outbox.published")
                .description("events published from the outbox")
                .register(meters);
    }

    private record Row(long seq, String id, String type, String exchange, String payload) {}

    /** Publishes one batch of unsent rows; emits how many were published. */
    public Mono<Integer> relayOnce() {
        Mono<Integer> batch = db.sql("select seq, id, type, exchange, payload from event_outbox where sent_at is null "
                        + "order by seq limit :limit for update skip locked")
                .bind("limit", settings.batchSize())
                .map((r, m) -> new Row(
                        r.get("seq", Long.class),
                        r.get("id", String.class),
                        r.get("type", String.class),
                        r.get("exchange", String.class),
                        r.get("payload", String.class)))
                .all()
                .collectList()
                .flatMap(rows -> rows.isEmpty()
                        ? Mono.just(0)
                        : publish(rows).then(markSent(rows)).thenReturn(rows.size()));
        return tx.transactional(batch);
    }

    private Mono<Void> publish(List<Row> rows) {
        return Mono.fromCallable(() -> {
                    List<CorrelationData> confirms =
                            rows.stream().map(this::send).toList();
                    for (CorrelationData confirm : confirms) {
                        CorrelationData.Confirm result = confirm.getFuture()
                                .get(settings.confirmTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                        if (!result.ack()) {
                            throw new IllegalStateException(
                                    "broker refused event " + confirm.getId() + ": " + result.reason());
                        }
                    }
                    return null;
                })
                .subscribeOn(Schedulers.boundedElastic())
                .then();
    }

    private CorrelationData send(Row row) {
        MessageProperties props = new MessageProperties();
        props.setContentType(EventContract.CONTENT_TYPE);
        props.setContentEncoding("UTF-8");
        props.setMessageId(row.id());
        props.setType(row.type());
        props.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        CorrelationData correlation = new CorrelationData(row.id());
        rabbit.send(
                row.exchange(),
                row.type(),
                new Message(row.payload().getBytes(StandardCharsets.UTF_8), props),
                correlation);
        return correlation;
    }

    private Mono<Void> markSent(List<Row> rows) {
        Long[] seqs = rows.stream().map(Row::seq).toArray(Long[]::new);
        return db.sql("update event_outbox set sent_at = now(), attempts = attempts + 1 where seq = any(:seqs)")
                .bind("seqs", seqs)
                .fetch()
                .rowsUpdated()
                .doOnNext(n -> published.increment(n))
                .then();
    }

    /** Drops rows sent longer ago than the retention, so the table stays small. */
    Mono<Long> purge() {
        return db.sql("delete from event_outbox where sent_at < now() - make_interval(secs => :secs)")
                .bind("secs", (double) settings.retention().toSeconds())
                .fetch()
                .rowsUpdated();
    }

    @Override
    public void start() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        // Drain while there is work; when idle or failing, wait the poll interval (failures back off further).
        loop = Flux.defer(() -> relayOnce().repeat(() -> running.get()).takeUntil(n -> n < settings.batchSize()))
                .then(purge().onErrorResume(e -> Mono.just(0L)))
                .onErrorResume(e -> {
                    log.warn("outbox relay: {} (will retry)", e.getMessage());
                    return Mono.delay(settings.backoff()).then(Mono.empty());
                })
                .then(Mono.delay(settings.pollInterval()))
                .repeat(running::get)
                .subscribeOn(Schedulers.single())
                .subscribe();
    }

    @Override
    public void stop() {
        running.set(false);
        Disposable current = loop;
        if (current != null) {
            current.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }
}
