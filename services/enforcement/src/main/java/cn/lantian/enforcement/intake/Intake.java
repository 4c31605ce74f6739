package cn.lantian.enforcement.intake;

import cn.lantian.enforcement.assessment.Assessment;
import cn.lantian.enforcement.cases.CaseWorkflow;
import cn.lantian.enforcement.registry.PermitRegistry;
import cn.lantian.enforcement.routing.CaseDraft;
import cn.lantian.enforcement.routing.CaseRouter;
import cn.lantian.enforcement.routing.Decision;
import cn.lantian.eventing.IncomingEvent;
import cn.lantian.eventing.IncomingEvents;
import cn.lantian.eventing.ProcessedEvents;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Handles incoming events: the case each opens or closes, what it adds to the assessment and to the permit registry,
 * in one transaction
 * with the record that this consumer has seen the event, so a redelivery changes nothing.
 */
@Service
public class Intake {

    private static final Logger log = LoggerFactory.getLogger(Intake.class);

    /** The consumer name under which handled event ids are remembered. */
    public static final String CONSUMER = "enforcement";

    private final IncomingEvents events;
    private final ProcessedEvents processed;
    private final CaseRouter router;
    private final CaseWorkflow workflow;
    private final Assessment assessment;
    private final PermitRegistry registry;
    private final TransactionalOperator tx;

    public Intake(
            IncomingEvents events,
            ProcessedEvents processed,
            CaseRouter router,
            CaseWorkflow workflow,
            Assessment assessment,
            PermitRegistry registry,
            TransactionalOperator tx) {
        this.events = events;
        this.processed = processed;
        this.router = router;
        this.workflow = workflow;
        this.assessment = assessment;
        this.registry = registry;
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
    public enum Outcome {
        DUPLICATE,
        OPENED_OR_UPDATED,
        CLOSED,
        RECORDED,
        IGNORED
    }

    /** Handles a parsed event once, in its own transaction. */
    public Mono<Outcome> handle(IncomingEvent event) {
        return tx.transactional(handleInCurrentTransaction(event));
    }

    /**
     * Handles a batch in one transaction: one commit for the whole batch. Fails as a whole, so a caller that gets an
     * error retries the events one by one.
     *
     * <p>The common case, a finding that opens a case whose key no other event of the batch shares, is written in
     * bulk: one statement for the processed ids, then one each for the cases, their history, their case-opened events
     * and their work items (what such an event adds to the assessment or the registry is then recorded event by event).
     * Everything else (closing findings, a key met twice in the batch, events that only feed the assessment or the
     * registry) is handled one event at a time, in key order, after the bulk part.
     */
    public Mono<List<Outcome>> handleAll(List<IncomingEvent> batch) {
        List<Routed> routed = batch.stream()
                .map(e -> new Routed(e, router.decide(e)))
                // Concurrent batches take their row locks in the same order (case key, then event id), so they wait
                // for each other instead of deadlocking when they share an outlet or a redelivered event.
                .sorted(Comparator.comparing(Routed::key)
                        .thenComparing(r -> r.event().id()))
                .toList();
        List<Routed> relevant = routed.stream().filter(this::relevant).toList();
        List<Outcome> ignored = routed.stream()
                .filter(r -> !relevant(r))
                .map(r -> Outcome.IGNORED)
                .toList();
        if (relevant.isEmpty()) {
            return Mono.just(ignored);
        }
        long[] at = {System.nanoTime(), 0};
        return tx.transactional(processed
                        .firstDeliveries(
                                CONSUMER,
                                relevant.stream().map(r -> r.event().id()).toList())
                        .doOnNext(first -> at[1] = System.nanoTime())
                        .flatMap(first -> {
                            List<Routed> fresh = new ArrayList<>();
                            Set<String> taken = new HashSet<>();
                            List<Outcome> outcomes = new ArrayList<>();
                            for (Routed r : relevant) {
                                // An id given twice in the batch is new only the first time.
                                if (first.contains(r.event().id())
                                        && taken.add(r.event().id())) {
                                    fresh.add(r);
                                } else {
                                    outcomes.add(Outcome.DUPLICATE);
                                }
                            }
                            Map<String, Long> perKey = fresh.stream()
                                    .filter(Routed::opensOrCloses)
                                    .collect(Collectors.groupingBy(Routed::key, Collectors.counting()));
                            List<CaseDraft> bulk = new ArrayList<>();
                            List<IncomingEvent> bulkAlsoRecorded = new ArrayList<>();
                            List<Routed> oneByOne = new ArrayList<>();
                            for (Routed r : fresh) {
                                if (r.decision() instanceof Decision.Open open && perKey.get(r.key()) == 1) {
                                    bulk.add(open.draft());
                                    if (alsoRecorded(r.event().type())) {
                                        bulkAlsoRecorded.add(r.event());
                                    }
                                } else {
                                    oneByOne.add(r);
                                }
                            }
                            return workflow.openAll(bulk)
                                    .doOnNext(n -> bulk.forEach(d -> outcomes.add(Outcome.OPENED_OR_UPDATED)))
                                    .thenMany(
                                            Flux.fromIterable(bulkAlsoRecorded).concatMap(this::record))
                                    .thenMany(Flux.fromIterable(oneByOne).concatMap(r -> work(r.event(), r.decision())))
                                    .doOnNext(outcomes::add)
                                    .then(Mono.fromSupplier(() -> List.copyOf(outcomes)))
                                    .doOnNext(done -> {
                                        if (log.isDebugEnabled()) {
                                            // The first part includes waiting for a concurrent batch holding the same
                                            // event id.
                                            log.debug(
                                                    "processed ids of {} in {} ms, {} cases in bulk and {} one by one in {} ms",
                                                    relevant.size(),
                                                    (at[1] - at[0]) / 1_000_000,
                                                    bulk.size(),
                                                    oneByOne.size(),
                                                    (System.nanoTime() - at[1]) / 1_000_000);
                                        }
                                    });
                        }))
                .map(outcomes -> {
                    List<Outcome> all = new ArrayList<>(outcomes);
                    all.addAll(ignored);
                    return all;
                });
    }

    private boolean relevant(Routed r) {
        return r.opensOrCloses() || alsoRecorded(r.event().type());
    }

    /** Whether events of the type feed the assessment or the registry, besides what they do to cases. */
    private boolean alsoRecorded(String type) {
        return assessment.counts(type) || registry.tracks(type);
    }

    /** Records what the event adds to the assessment and the registry, if anything. */
    private Mono<Void> record(IncomingEvent event) {
        return (assessment.counts(event.type()) ? assessment.record(event) : Mono.<Void>empty())
                .then(registry.tracks(event.type()) ? registry.record(event) : Mono.<Void>empty());
    }

    /** An event with the decision the routing table makes for it. */
    private record Routed(IncomingEvent event, Decision decision) {

        String key() {
            return decision instanceof Decision.Open open
                    ? open.draft().key()
                    : decision instanceof Decision.Close close ? close.key() : "";
        }

        boolean opensOrCloses() {
            return !(decision instanceof Decision.Ignore);
        }
    }

    private Mono<Outcome> handleInCurrentTransaction(IncomingEvent event) {
        Decision decision = router.decide(event);
        if (decision instanceof Decision.Ignore && !alsoRecorded(event.type())) {
            return Mono.just(Outcome.IGNORED);
        }
        return processed
                .firstDelivery(CONSUMER, event.id())
                .flatMap(first -> first ? work(event, decision) : Mono.just(Outcome.DUPLICATE));
    }

    /** What the event does to cases, the assessment and the registry, once it is known to be its first delivery. */
    private Mono<Outcome> work(IncomingEvent event, Decision decision) {
        return record(event).then(Mono.defer(() -> {
            if (decision instanceof Decision.Open open) {
                return workflow.open(open.draft()).thenReturn(Outcome.OPENED_OR_UPDATED);
            }
            if (decision instanceof Decision.Close close) {
                return workflow.resolve(close.key(), close.outcome(), close.originEventId())
                        .map(closed -> Outcome.CLOSED)
                        .defaultIfEmpty(Outcome.IGNORED);
            }
            return Mono.just(Outcome.RECORDED);
        }));
    }
}
