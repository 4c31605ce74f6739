package cn.lantian.enforcement.demo;

import cn.lantian.enforcement.cases.Actor;
import cn.lantian.enforcement.cases.CaseStatus;
import cn.lantian.enforcement.cases.CaseWorkflow;
import cn.lantian.enforcement.cases.Cases;
import cn.lantian.enforcement.cases.Command;
import cn.lantian.enforcement.intake.Intake;
import cn.lantian.eventing.IncomingEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A handful of cases in several states across counties and the Corps, made through the same intake and lifecycle as
 * real ones. Idempotent: the findings carry fixed event ids (a second run finds them processed) and each case is moved
 * on only from the state the first run left it in.
 */
@Component
@ConditionalOnProperty(name = "lantian.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Intake intake;
    private final CaseWorkflow workflow;
    private final Cases cases;
    private final DatabaseClient db;
    private final Clock clock;

    DemoData(Intake intake, CaseWorkflow workflow, Cases cases, DatabaseClient db, Clock clock) {
        this.intake = intake;
        this.workflow = workflow;
        this.cases = cases;
        this.db = db;
        this.clock = clock;
    }

    private record Finding(
            String id,
            String type,
            String subject,
            String jurisdiction,
            String corpsUnit,
            String agency,
            String data,
            String moveTo) {}

    private static final List<Finding> FINDINGS = List.of(
            new Finding(
                    "demo-enf-0001",
                    "lantian.stationary.emission-limit-exceeded.v1",
                    "outlet/ent-jinling/DA001",
                    "653101",
                    null,
                    "ecology",
                    """
                    {"enterpriseId":"ent-jinling","outletId":"DA001","pollutant":"NOx","hour":"2024-11-12T08:00:00+08:00",
                     "value":72.4,"limit":50,"ratio":1.448,"unit":"mg/m3","location":{"lon":75.95,"lat":39.41},
                     "rule":{"id":"ultra-low-pellet-nox","source":"环大气〔2019〕35号"}}""",
                    "opened"),
            new Finding(
                    "demo-enf-0002",
                    "lantian.stationary.emission-limit-exceeded.v1",
                    "outlet/ent-tumxuk-thermal/DA002",
                    "653130",
                    "xpcc-3",
                    "ecology",
                    """
                    {"enterpriseId":"ent-tumxuk-thermal","outletId":"DA002","pollutant":"SO2","hour":"2024-11-12T08:00:00+08:00",
                     "value":61.0,"limit":35,"ratio":1.743,"unit":"mg/m3","location":{"lon":79.08,"lat":39.87}}""",
                    "assigned"),
            new Finding(
                    "demo-enf-0003",
                    "lantian.dust.site-dust-violation.v1",
                    "site/site-0007",
                    "653125",
                    null,
                    "housing",
                    """
                    {"siteId":"site-0007","measure":"covering","location":{"lon":77.24,"lat":38.41},"at":"2024-04-10T11:00:00+08:00"}""",
                    "rectification-ordered"),
            new Finding(
                    "demo-enf-0004",
                    "lantian.straw.fire-point-detected.v1",
                    "fire-point/fp-demo-0031",
                    "653130",
                    "xpcc-3-49",
                    "agriculture",
                    """
                    {"firePointId":"fp-demo-0031","location":{"lon":78.42,"lat":39.79},"acquiredAt":"2024-10-20T07:42:00Z",
                     "source":"satellite","confidence":"n"}""",
                    "escalated"),
            new Finding(
                    "demo-enf-0005",
                    "lantian.stationary.rule-finding-raised.v1",
                    "boiler/boiler-demo-12",
                    "653101",
                    null,
                    "ecology",
                    """
                    {"findingId":"f-boiler-demo-12","rule":{"id":"boiler-coal-urban-phase-out","source":"行动方案 三.三"},
                     "facilityId":"boiler-demo-12","enterpriseId":"ent-0042","summary":"燃煤锅炉 20 t/h 位于建成区,应予淘汰",
                     "location":{"lon":75.98,"lat":39.46}}""",
                    "closed"),
            new Finding(
                    "demo-enf-0006",
                    "lantian.mobile.vehicle-emission-exceeded.v1",
                    "vehicle/新Q·D0001",
                    "653101",
                    null,
                    "traffic-police",
                    """
                    {"plate":"新Q·D0001","check":"roadside","at":"2024-06-03T10:20:00+08:00","location":{"lon":76.01,"lat":39.45}}""",
                    "referred"));

    @Override
    public void run(ApplicationArguments args) {
        Flux.fromIterable(FINDINGS).concatMap(this::load).then().block(Duration.ofMinutes(1));
        log.info("demo enforcement cases present");
    }

    private Mono<Void> load(Finding f) {
        return intake.handle(event(f))
                .then(db.sql("select id from enforcement_case where origin_event_id = :id")
                        .bind("id", f.id())
                        .map((r, m) -> r.get("id", String.class))
                        .one())
                .flatMap(caseId -> cases.find(caseId)
                        .flatMap(c -> c.status() == CaseStatus.OPENED ? moveOn(caseId, f.moveTo()) : Mono.empty()));
    }

    private Mono<Void> moveOn(String id, String to) {
        Actor demo = Actor.system("demo");
        Mono<?> assign = workflow.act(id, demo, new Command.Assign("demo team"));
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
                                        clock.instant().plus(Duration.ofDays(15)), "覆盖裸土 cover the bare soil")))
                        .then();
            case "escalated" ->
                workflow.act(id, demo, new Command.Escalate("on-site-supervision", "demo"))
                        .then();
            case "closed" ->
                inspect.then(workflow.act(id, demo, new Command.Close("复查已整改 re-checked", "锅炉已拆除 boiler removed")))
                        .then();
            case "referred" ->
                workflow.act(id, demo, new Command.Refer(null, "653125", "车辆登记在莎车 registered in Shache"))
                        .then();
            default -> Mono.empty();
        };
    }

    private IncomingEvent event(Finding f) {
        JsonNode data = JSON.readTree(f.data());
        return new IncomingEvent(
                f.id(),
                f.type(),
                "/lantian/demo",
                f.subject(),
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
                f.jurisdiction(),
                f.corpsUnit(),
                f.agency(),
                null,
                null,
                null,
                data,
                null);
    }
}
