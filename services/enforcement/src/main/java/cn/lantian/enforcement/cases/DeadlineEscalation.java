package cn.lantian.enforcement.cases;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Escalates every case whose deadline has passed to the next rung of the escalation ladder (现场督办, then 约谈, then
 * accountability referral), each in its own transaction; concurrent instances skip each other's locked rows.
 */
@Component
public class DeadlineEscalation {

    private static final Logger log = LoggerFactory.getLogger(DeadlineEscalation.class);
    private static final int BATCH = 100;

    private final Cases cases;
    private final CaseWorkflow workflow;
    private final TransactionalOperator tx;
    private final Clock clock;

    public DeadlineEscalation(Cases cases, CaseWorkflow workflow, TransactionalOperator tx, Clock clock) {
        this.cases = cases;
        this.workflow = workflow;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${lantian.enforcement.escalation-check:PT1M}",
            initialDelayString = "${lantian.enforcement.escalation-check:PT1M}")
    void check() {
        try {
            int n = escalateOverdue(clock.instant()).block();
            if (n > 0) {
                log.info("escalated {} overdue case(s)", n);
            }
        } catch (RuntimeException e) {
            log.warn("deadline check failed, retrying next time: {}", e.getMessage());
        }
    }

    /** Escalates the cases overdue at {@code now}; emits how many. */
    public Mono<Integer> escalateOverdue(Instant now) {
        return tx.transactional(cases.lockOverdue(now, BATCH)
                        .concatMap(c -> workflow.act(
                                c.id(),
                                Actor.system("deadline"),
                                new Command.Escalate(null, "deadline " + c.deadline() + " passed")))
                        .count())
                .map(Long::intValue);
    }
}
