package cn.lantian.greening.demo;

import cn.lantian.greening.closure.ClosureInput;
import cn.lantian.greening.closure.ClosureService;
import cn.lantian.greening.closure.PatrolInput;
import cn.lantian.greening.geo.Boundaries;
import cn.lantian.greening.geo.Siting;
import cn.lantian.greening.idleland.IdleLandService;
import cn.lantian.greening.idleland.IdleLandTask;
import cn.lantian.greening.project.ProjectInput;
import cn.lantian.greening.project.ProjectService;
import cn.lantian.greening.rules.AreaInput;
import cn.lantian.reference.Jurisdiction;
import cn.lantian.reference.Jurisdictions;
import cn.lantian.web.InvalidInput;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Demonstration data when {@code lantian.demo.enabled=true}, relative to today: 60 afforestation projects over this
 * year and the two before (20 a year, in every county, on Tumxuk's Corps land and at two regiments), survival checks,
 * the two closure areas (Shache's national area in Kalsu township, and an assumed Maigaiti area: none was found
 * there), recent patrols with violations, and 100 idle-land tasks in every state as if received from the dust
 * service. Every project and survival check of the three years publishes its event through the outbox, as live data does,
 * so the joint index holds the history the tables hold; idle-land tasks publish nothing, since the dust service never
 * opened them. A second start finds the data and skips it.
 */
@Component
@ConditionalOnProperty(name = "lantian.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final ZoneId KASHGAR = ZoneId.of("Asia/Shanghai");
    private static final String[] PROGRAMMES = {"three-north", "shelterbelt", "urban-greening", "farmland-shelter"};
    private static final Map<String, String> PROGRAMME_ZH = Map.of(
            "three-north", "三北防护林", "shelterbelt", "防风固沙林", "urban-greening", "城镇绿化", "farmland-shelter", "农田防护林");
    private static final Map<String, List<String>> SPECIES = Map.of(
            "three-north",
            List.of("梭梭", "红柳", "胡杨"),
            "shelterbelt",
            List.of("沙枣", "梭梭", "柽柳"),
            "urban-greening",
            List.of("新疆杨", "白蜡", "榆树"),
            "farmland-shelter",
            List.of("新疆杨", "沙枣"));

    private final ProjectService projects;
    private final ClosureService closures;
    private final IdleLandService idleLand;
    private final Jurisdictions jurisdictions;
    private final Siting siting;
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Clock clock;

    DemoData(
            ProjectService projects,
            ClosureService closures,
            IdleLandService idleLand,
            Jurisdictions jurisdictions,
            Siting siting,
            DatabaseClient db,
            TransactionalOperator tx,
            Clock clock) {
        this.tx = tx;
        this.siting = siting;
        this.projects = projects;
        this.closures = closures;
        this.idleLand = idleLand;
        this.jurisdictions = jurisdictions;
        this.db = db;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Long present = db.sql("select count(*) from project where demo")
                .map(r -> r.get(0, Long.class))
                .one()
                .block();
        if (present != null && present > 0) {
            LOG.info("greening demo data present, skipped");
            return;
        }
        long started = System.currentTimeMillis();
        LocalDate today = LocalDate.now(clock.withZone(KASHGAR));
        Random random = new Random(2024);
        // One transaction: a start that fails half-way leaves nothing, and the next start loads it all.
        tx.transactional(closures()
                        .then(projects(today, random))
                        .then(idleLand(today, random))
                        .then(patrols(today)))
                .block();
        LOG.info("greening demo data loaded in {} ms", System.currentTimeMillis() - started);
    }

    /** Where demo projects lie: every county with a drawn boundary, Tumxuk, and two regiments hosted by counties. */
    private record Site(String county, String corpsUnit, double lon, double lat) {}

    private List<Site> sites() {
        List<Site> sites = new ArrayList<>();
        for (Jurisdiction j : jurisdictions.ofKind(Jurisdiction.Kind.COUNTY)) {
            if (j.area() != null && j.centroid() != null) {
                sites.add(new Site(j.id(), null, j.centroid()[0], j.centroid()[1]));
            }
        }
        sites.add(new Site("653130", "xpcc-3", 79.161, 39.8694)); // Tumxuk, the 3rd Division's own land
        sites.add(new Site("653127", "xpcc-3-45", 78.2328, 38.8404));
        sites.add(new Site("653129", "xpcc-3-jiashi", 77.2183, 39.5915));
        return sites;
    }

    private Mono<Void> projects(LocalDate today, Random random) {
        List<Site> sites = sites();
        List<Mono<Void>> writes = new ArrayList<>();
        for (int n = 0; n < 60; n++) {
            int yearsAgo = n / 20;
            int year = today.getYear() - yearsAgo;
            Site site = sites.get(n % sites.size());
            String programme = PROGRAMMES[n % PROGRAMMES.length];
            boolean spring = n % 3 != 2;
            LocalDate plantedOn = LocalDate.of(year, spring ? 4 : 10, 10 + n % 15);
            if (plantedOn.isAfter(today)) {
                // This year's autumn planting has not happened yet if autumn is still ahead.
                plantedOn = today.minusDays(5 + n % 20);
            }
            double plannedMu = 300 + random.nextInt(30) * 100;
            double share = yearsAgo == 0 ? 0.4 + random.nextDouble() * 0.5 : 0.85 + random.nextDouble() * 0.15;
            double plantedMu = Math.round(plannedMu * share);
            Jurisdiction county = jurisdictions.byId(site.county()).orElseThrow();
            String owner = site.corpsUnit() == null
                    ? county.nameZh()
                    : jurisdictions.byId(site.corpsUnit()).orElseThrow().nameZh();
            ProjectInput in = new ProjectInput(
                    owner + PROGRAMME_ZH.get(programme) + year + "年第" + (n + 1) + "片",
                    programme,
                    SPECIES.get(programme),
                    spring ? "spring" : "autumn",
                    year,
                    new AreaInput(plannedMu, "mu"),
                    new AreaInput(plantedMu, "mu"),
                    null,
                    site.corpsUnit(),
                    new ProjectInput.ForestChief(county.nameZh() + "总林长（示例）", "乡级林长（示例）", null));
            String id = "prj-demo-" + year + "-" + String.format("%02d", n + 1);
            LocalDate on = plantedOn;
            writes.add(place(id, in, site, random, on, true).then(survival(id, year, yearsAgo, today, random)));
        }
        return Flux.concat(writes).then();
    }

    /** A project box near the site, nudged closer until the larger share of it lies in the site's county. */
    private Mono<Void> place(String id, ProjectInput in, Site site, Random random, LocalDate on, boolean publish) {
        for (int attempt = 0; attempt < 8; attempt++) {
            double lon = site.lon() + (random.nextDouble() - 0.5) * 0.08 / (attempt + 1);
            double lat = site.lat() + (random.nextDouble() - 0.5) * 0.06 / (attempt + 1);
            double size = (0.008 + random.nextDouble() * 0.02) / (attempt + 1);
            Geometry box = Boundaries.box(lon, lat, lon + size, lat + size * 0.8);
            try {
                if (siting.site("boundary", box, site.corpsUnit())
                        .placement()
                        .jurisdiction()
                        .equals(site.county())) {
                    return projects.seed(id, in, box, site.corpsUnit(), on, publish)
                            .then();
                }
            } catch (InvalidInput e) {
                // mostly outside the prefecture's drawn units: try closer to the site
            }
        }
        return Mono.error(new IllegalStateException("no demo place in " + site.county() + " for " + id));
    }

    private Mono<Void> survival(String id, int year, int yearsAgo, LocalDate today, Random random) {
        List<Mono<Void>> checks = new ArrayList<>();
        for (int check = 0; check <= yearsAgo; check++) {
            LocalDate on = LocalDate.of(year + check, 10, 15);
            if (!on.isBefore(today)) {
                continue;
            }
            double rate = Math.round((55 + random.nextDouble() * 40 - check * 3) * 10) / 10.0;
            double replanted = rate < 70 ? Math.round(random.nextDouble() * 5 * 100) / 100.0 : 0;
            checks.add(projects.seedSurvival(id, on, rate, replanted, true));
        }
        return Flux.concat(checks).then();
    }

    private Mono<Void> closures() {
        ClosureInput kalsu = new ClosureInput(
                "莎车县喀尔苏乡国家沙化土地封禁保护区 Shache Kalsu national sand-closure area",
                "national",
                "国家林草局公告2019年第3号",
                2019,
                false,
                "Boundary approximate, drawn for demonstration: the designation's own boundary was not available.",
                null,
                null,
                Map.of(
                        "closure-facilities",
                        new ClosureInput.WorkItem("done", "围栏与界桩 fences and markers"),
                        "ranger-team",
                        new ClosureInput.WorkItem("done", "管护员 12 名 12 rangers"),
                        "sand-fixing",
                        new ClosureInput.WorkItem("in-progress", null),
                        "monitoring",
                        new ClosureInput.WorkItem("in-progress", null),
                        "publicity",
                        new ClosureInput.WorkItem("done", null),
                        "records",
                        new ClosureInput.WorkItem("in-progress", null)));
        ClosureInput maigaiti = new ClosureInput(
                "麦盖提县封禁保护区（示例） Maigaiti closure area (demo, assumed)",
                "regional",
                null,
                null,
                true,
                "ASSUMED for demonstration: no sand-closure area in Maigaiti was found (its windbreak programme is real); "
                        + "boundary made up.",
                null,
                null,
                Map.of());
        return closures.seed("closure-demo-653125-kalsu", kalsu, Boundaries.box(77.25, 38.55, 77.40, 38.67))
                .then(closures.seed(
                        "closure-demo-653127-assumed", maigaiti, Boundaries.box(77.9, 38.75, 78.05, 38.87)));
    }

    private Mono<Void> patrols(LocalDate today) {
        OffsetDateTime base = today.atTime(11, 0).atOffset(ZoneOffset.ofHours(8));
        List<Mono<Void>> writes = new ArrayList<>();
        String[] kinds = {"grazing", "reclamation", "digging"};
        for (int d = 0; d < 6; d++) {
            List<PatrolInput.Found> found = d % 2 == 0
                    ? List.of(new PatrolInput.Found(
                            kinds[d / 2], base.minusDays(d * 5L), 77.30 + d * 0.01, 38.60, "示例 demo"))
                    : List.of();
            writes.add(closures.seedPatrol(
                    "closure-demo-653125-kalsu",
                    new PatrolInput(today.minusDays(d * 5L), 3 + d % 3, 15.0 + d, null, found)));
        }
        writes.add(closures.seedPatrol(
                "closure-demo-653127-assumed", new PatrolInput(today.minusDays(3), 2, 12.0, "示例 demo", List.of())));
        return Flux.concat(writes).then();
    }

    private Mono<Void> idleLand(LocalDate today, Random random) {
        List<Site> sites = sites();
        List<Mono<Void>> writes = new ArrayList<>();
        String[] outcomes = {"greened", "paved", "covered"};
        for (int n = 0; n < 100; n++) {
            Site site = sites.get(n % sites.size());
            LocalDate idleSince = today.minusMonths(4 + n % 8).minusDays(n % 27);
            double area = 500 + random.nextInt(60) * 250;
            String taskId = "ilt-demo-" + site.county() + "-" + String.format("%04d", n + 1);
            IdleLandTask task = new IdleLandTask(
                    taskId,
                    "parcel-demo-" + String.format("%04d", n + 1),
                    area,
                    idleSince,
                    idleSince.plusMonths(6),
                    "dust.idle-land.max-idle",
                    "示例闲置地块 demo parcel " + (n + 1),
                    site.lon() + (random.nextDouble() - 0.5) * 0.05,
                    site.lat() + (random.nextDouble() - 0.5) * 0.05,
                    site.county(),
                    site.corpsUnit(),
                    "received",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
            Mono<Void> write = idleLand.seed(task);
            String outcome = outcomes[n % 3];
            if (n % 10 >= 4) {
                write = write.then(idleLand.seedPlan(taskId, outcome, today.plusDays(n % 30)));
            }
            if (n % 10 >= 7) {
                LocalDate done = today.minusDays(1 + n % 40);
                write = write.then(idleLand.seedDone(
                        task.withStatus("planned"),
                        new IdleLandService.CompletionInput(
                                outcome,
                                Math.round(area * 0.9 * 100) / 100.0,
                                done.isBefore(idleSince) ? today : done)));
            }
            writes.add(write);
        }
        return Flux.concat(writes).then();
    }
}
