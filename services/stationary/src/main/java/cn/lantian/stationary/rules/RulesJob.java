package cn.lantian.stationary.rules;

import cn.lantian.stationary.registry.FacilityKind;
import cn.lantian.stationary.registry.Registry;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Runs every rule over the whole registry once a day, because time alone breaks some (the yearly vapour test). */
@Component
public class RulesJob {

    private static final Logger LOG = LoggerFactory.getLogger(RulesJob.class);

    private final Registry registry;
    private final RuleEngine engine;
    private final TransactionalOperator tx;

    public RulesJob(Registry registry, RuleEngine engine, TransactionalOperator tx) {
        this.registry = registry;
        this.engine = engine;
        this.tx = tx;
    }

    @Scheduled(cron = "${lantian.stationary.daily-cron}", zone = "Asia/Shanghai")
    void daily() {
        runAll().subscribe(
                        n -> LOG.info("daily rule run evaluated {} records", n),
                        e -> LOG.error("daily rule run failed", e));
    }

    /** Evaluates every enterprise and facility, each in its own transaction; emits how many were evaluated. */
    public Mono<Long> runAll() {
        Flux<Integer> enterprises = registry.enterprises()
                .concatMap(e -> tx.transactional(engine.evaluate(e)).thenReturn(1));
        Flux<Integer> facilities = Flux.fromIterable(Arrays.asList(FacilityKind.values()))
                .concatMap(k -> registry.facilitiesOfKind(k.id()))
                .concatMap(f -> tx.transactional(engine.evaluate(f)).thenReturn(1));
        return enterprises.concatWith(facilities).count();
    }
}
