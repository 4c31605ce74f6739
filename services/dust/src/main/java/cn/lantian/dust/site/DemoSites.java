package cn.lantian.dust.site;

import cn.lantian.dust.demo.DemoPlaces;
import cn.lantian.reference.Jurisdictions;
import cn.lantian.security.Caller;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Demonstration sites when {@code lantian.demo.enabled=true}: 400 sites over the counties and the Corps division, a
 * fifth of them of 3,000 m² or more without a monitor (each raises {@code site-monitor-missing}), two fifths large
 * with a monitor ({@code demo-mon-NNNN}), the rest small; 60 six 100 % inspections of the last 30 days. Fixed ids;
 * a second start skips it.
 */
@Component
@Order(1)
@ConditionalOnProperty(name = "lantian.demo.enabled", havingValue = "true")
class DemoSites implements ApplicationRunner {

    static final int SITES = 400;
    private static final Logger LOG = LoggerFactory.getLogger(DemoSites.class);
    private static final String[] PHASES = {"earthwork", "structure", "structure", "finishing", "demolition"};
    private static final Caller DEMO =
            new Caller("demo", Set.of("housing"), "prefecture", Jurisdictions.PREFECTURE, true);

    private final DatabaseClient db;
    private final Jurisdictions jurisdictions;
    private final Sites sites;
    private final SiteService service;
    private final InspectionService inspections;
    private final Clock clock;

    DemoSites(
            DatabaseClient db,
            Jurisdictions jurisdictions,
            Sites sites,
            SiteService service,
            InspectionService inspections,
            Clock clock) {
        this.db = db;
        this.jurisdictions = jurisdictions;
        this.sites = sites;
        this.service = service;
        this.inspections = inspections;
        this.clock = clock;
    }

    static String siteId(int i) {
        return "demo-site-%04d".formatted(i);
    }

    static String monitorId(int i) {
        return "demo-mon-%04d".formatted(i);
    }

    /** Whether demo site i has a monitor (two in five do; one in five is large without one). */
    static boolean monitored(int i) {
        return i % 5 == 1 || i % 5 == 2;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (sites.byId(siteId(SITES)).blockOptional().isPresent()) {
            LOG.info("demo sites present, skipped");
            return;
        }
        Random random = new Random(2026);
        DemoPlaces places = new DemoPlaces(jurisdictions, random);
        List<String> units = places.units();
        LocalDate today = LocalDate.now(clock);
        List<Site> all = new ArrayList<>();
        for (int i = 1; i <= SITES; i++) {
            DemoPlaces.Point p = places.in(units.get(i % units.size()));
            boolean large = i % 5 <= 2;
            BigDecimal area = BigDecimal.valueOf(large ? 3000 + random.nextInt(40_000) : 400 + random.nextInt(2600))
                    .add(BigDecimal.valueOf(random.nextInt(10), 1));
            String first17 = "91"
                    + p.placement().jurisdiction().replaceAll("[^0-9]", "0").substring(0, 6) + "MA%07d".formatted(i);
            LocalDate start = today.minusDays(30 + random.nextInt(300));
            String status = i % 5 == 0 ? "active" : random.nextInt(20) == 0 ? "finished" : "active";
            all.add(new Site(
                    siteId(i),
                    "演示工程 %04d 号 demo project".formatted(i),
                    "喀什建设集团第%d分公司".formatted(i % 17 + 1),
                    first17 + CreditCode.checkCharacter(first17),
                    area,
                    PHASES[random.nextInt(PHASES.length)],
                    start,
                    start.plusDays(200 + random.nextInt(400)),
                    start,
                    null,
                    null,
                    p.lon(),
                    p.lat(),
                    p.placement().jurisdiction(),
                    p.placement().corpsUnit(),
                    status,
                    null,
                    0));
        }
        Flux.fromIterable(all).concatMap(sites::save).then().block();
        List<Integer> monitored = new ArrayList<>();
        for (int i = 1; i <= SITES; i++) {
            if (monitored(i)) {
                monitored.add(i);
            }
        }
        db.sql(
                        "insert into site_monitor (id, site_id, installed_on) select m, s, :on from unnest(:m::text[], :s::text[]) "
                                + "as u(m, s) on conflict do nothing")
                .bind("m", monitored.stream().map(DemoSites::monitorId).toArray(String[]::new))
                .bind("s", monitored.stream().map(DemoSites::siteId).toArray(String[]::new))
                .bind("on", today.minusDays(60))
                .fetch()
                .rowsUpdated()
                .block();
        // The monitor rule, through the outbox: a fifth of the sites raise site-monitor-missing.
        Flux.fromIterable(all)
                .concatMap(s -> sites.byId(s.id()).flatMap(service::judgeMonitor))
                .then()
                .block();
        // Sixty inspections of the last 30 days; about one item in twelve fails.
        Instant now = clock.instant();
        Flux.range(1, 60)
                .concatMap(n -> {
                    int site = 1 + random.nextInt(SITES);
                    List<InspectionInput.Item> items = SixItems.ALL.stream()
                            .map(item -> random.nextInt(12) == 0
                                    ? new InspectionInput.Item(
                                            item,
                                            false,
                                            List.of("photo://demo/insp-%04d-%s.jpg".formatted(n, item)),
                                            "演示 demo")
                                    : new InspectionInput.Item(item, true, List.of(), null))
                            .toList();
                    Instant at = now.minus(1 + random.nextInt(30 * 24), ChronoUnit.HOURS);
                    return inspections.record(
                            DEMO,
                            siteId(site),
                            new InspectionInput(
                                    "demo-insp-%04d".formatted(n), at.toString().replace("Z", "+00:00"), items, false));
                })
                .then()
                .block();
        LOG.info("demo sites written: {} sites, {} monitors, 60 inspections", SITES, monitored.size());
    }
}
