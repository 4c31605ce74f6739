package cn.lantian.enforcement.intake;

import cn.lantian.enforcement.assessment.Assessment;
import cn.lantian.enforcement.cases.CaseWorkflow;
import cn.lantian.enforcement.routing.CaseRouter;
import cn.lantian.enforcement.routing.Decision;
import cn.lantian.eventing.IncomingEvent;
import cn.lantian.eventing.IncomingEvents;
import cn.lantian.eventing.ProcessedEvents;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Handles incoming events: the case each opens or closes and what it adds to the assessment, in one transaction
 * with the record that this consumer has seen the event, so a redelivery changes nothing.
 */
@Service
public class Intake {

    /** The consumer name under which handled event ids are remembered. */
    public static final String CONSUMER = "enforcement";

    private final IncomingEvents events;
    private final ProcessedEvents processed;
    private final CaseRouter router;
    private final CaseWorkflow workflow;
    private final Assessment assessment;
    private final TransactionalOperator tx;

    public Intake(IncomingEvents events, ProcessedEvents processed, CaseRouter router, CaseWorkflow workflow,
            Assessment assessment, TransactionalOperator tx) {
        this.events = events;
        this.processed = processed;
        this.router = router;
        this.workflow = workflow;
        this.assessment = assessment;
        this.tx = tx;
    }

    /**
     * Parses and handles a raw message.
     *
     * @throws cn.lantian.eventing.InvalidEventException when it breaks the contract (the binder dead-letters it)
     */
    public Mono<Outcome> handle(byte[] body) {
        IncomingEvent event = events.parse(body);
        return handle(event);
    }

    /** What handling an event did. */
    public enum Outcome { DUPLICATE, OPENED_OR_UPDATED, CLOSED, RECORDED, IGNORED }

    /** Handles a parsed event once, in its own transaction. */
    public Mono<Outcome> handle(IncomingEvent event) {
        return tx.transactional(handleInCurrentTransaction(event));
    }

    /**
     * Handles the events in order in one transaction: one commit for the whole batch. Fails as a whole, so a caller
     * that gets an error retries the events one by one.
     */
    public Mono<List<Outcome>> handleAll(List<IncomingEvent> batch) {
        // Concurrent batches take their row locks in the same order (case key, then event id), so they wait for
        // each other instead of deadlocking when they share an outlet or a redelivered event.
        List<IncomingEvent> ordered = batch.stream()
                .sorted(java.util.Comparator.comparing((IncomingEvent e) -> keyOf(e)).thenComparing(IncomingEvent::id))
                .toList();
        return tx.transactional(Flux.fromIterable(ordered).concatMap(this::handleInCurrentTransaction).collectList());
    }

    private String keyOf(IncomingEvent event) {
        Decision d = router.decide(event);
        return d instanceof Decision.Open open ? open.draft().key() : d instanceof Decision.Close close ? close.key() : "";
    }

    private Mono<Outcome> handleInCurrentTransaction(IncomingEvent event) {
        Decision decision = router.decide(event);
        boolean counted = assessment.counts(event.type());
        if (decision instanceof Decision.Ignore && !counted) {
            return Mono.just(Outcome.IGNORED);
        }
        Mono<Outcome> work = (counted ? assessment.record(event) : Mono.<Void>empty()).then(Mono.defer(() -> {
            if (decision instanceof Decision.Open open) {
                return workflow.open(open.draft()).thenReturn(Outcome.OPENED_OR_UPDATED);
            }
            if (decision instanceof Decision.Close close) {
                return workflow.resolve(close.key(), close.outcome(), close.originEventId())
                        .map(closed -> Outcome.CLOSED).defaultIfEmpty(Outcome.IGNORED);
            }
            return Mono.just(Outcome.RECORDED);
        }));
        return processed.firstDelivery(CONSUMER, event.id())
                .flatMap(first -> first ? work : Mono.just(Outcome.DUPLICATE));
    }
}
