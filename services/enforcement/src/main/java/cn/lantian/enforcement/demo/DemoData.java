package cn.lantian.enforcement.demo;

import cn.lantian.enforcement.cases.Actor;
import cn.lantian.enforcement.cases.CaseWorkflow;
import cn.lantian.enforcement.cases.Command;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Demo cases in several states, taken from the cases that the other services' demo data and the agency feeds opened
 * through their events (no finding is invented here, so every case matches a record of its owner): for each step
 * below, the oldest open case of its kind is moved on through the same lifecycle as a user would, unless a case of
 * that kind already stands in that state. The events arrive after this service starts, so it looks again every
 * {@value #EVERY_SECONDS} s for {@value #FOR_MINUTES} minutes, until every step is done. Idempotent across restarts.
 */
@Component
@ConditionalOnProperty(name = "lantian.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final int EVERY_SECONDS = 30;
    private static final int FOR_MINUTES = 30;

    /** A case of {@code originType} to be moved from opened to {@code status}. */
    private record Step(String originType, String status) {}

    private static final List<Step> STEPS = List.of(
            new Step("lantian.stationary.emission-limit-exceeded.v1", "assigned"),
            new Step("lantian.stationary.emission-limit-exceeded.v1", "rectification-ordered"),
            new Step("lantian.dust.site-dust-violation.v1", "rectification-ordered"),
            new Step("lantian.straw.fire-point-detected.v1", "escalated"),
            new Step("lantian.stationary.rule-finding-raised.v1", "closed"),
            new Step("lantian.mobile.vehicle-emission-exceeded.v1", "referred"));

    private final CaseWorkflow workflow;
    private final DatabaseClient db;
    private final Clock clock;

    DemoData(CaseWorkflow workflow, DatabaseClient db, Clock clock) {
        this.workflow = workflow;
        this.db = db;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Flux.interval(Duration.ZERO, Duration.ofSeconds(EVERY_SECONDS))
                .take(Duration.ofMinutes(FOR_MINUTES))
                .concatMap(tick -> Flux.fromIterable(STEPS)
                        .concatMap(this::take)
                        .filter(done -> !done)
                        .count()
                        .onErrorResume(e -> {
                            log.warn("demo cases not moved on yet: {}", e.toString());
                            return Mono.just(1L);
                        }))
                .takeUntil(left -> left == 0)
                .doOnComplete(() -> log.info("demo enforcement cases in their states"))
                .subscribe();
    }

    /** Done when a case of the step's kind stands in its state, or when one was moved there now. */
    private Mono<Boolean> take(Step step) {
        return db.sql("select count(*) as n from enforcement_case where origin_type = :t and status = :s")
                .bind("t", step.originType())
                .bind("s", step.status())
                .map((r, m) -> r.get("n", Long.class))
                .one()
                .flatMap(n -> n > 0
                        ? Mono.just(true)
                        : db.sql("select id, jurisdiction from enforcement_case where origin_type = :t "
                                        + "and status = 'opened' order by seq limit 1")
                                .bind("t", step.originType())
                                .map((r, m) ->
                                        new String[] {r.get("id", String.class), r.get("jurisdiction", String.class)})
                                .one()
                                .flatMap(c -> moveOn(c[0], c[1], step.status()).thenReturn(true))
                                .defaultIfEmpty(false));
    }

    private Mono<Void> moveOn(String id, String jurisdiction, String to) {
        Actor demo = Actor.system("demo");
        Mono<?> assign = workflow.act(id, demo, new Command.Assign("demo team 演示小组"));
        Mono<?> inspect = assign.then(workflow.act(
                        id, demo, new Command.ScheduleInspection(clock.instant().plus(Duration.ofDays(1)))))
                .then(workflow.act(
                        id,
                        demo,
                        new Command.RecordInspection("现场核查属实 confirmed on site", List.of("photo/demo-1.jpg"))));
        return switch (to) {
            case "assigned" -> assign.then();
            case "rectification-ordered" ->
                inspect.then(workflow.act(
                                id,
                                demo,
                                new Command.OrderRectification(
                                        clock.instant().plus(Duration.ofDays(15)), "限期整改 rectify within 15 days")))
                        .then();
            case "escalated" ->
                workflow.act(id, demo, new Command.Escalate("on-site-supervision", "demo"))
                        .then();
            case "closed" ->
                inspect.then(workflow.act(id, demo, new Command.Close("复查已整改 re-checked", "已整改 rectified")))
                        .then();
            case "referred" ->
                workflow.act(
                                id,
                                demo,
                                new Command.Refer(
                                        null,
                                        "653125".equals(jurisdiction) ? "653101" : "653125",
                                        "车辆登记地不同 registered in another county"))
                        .then();
            default -> Mono.empty();
        };
    }
}
