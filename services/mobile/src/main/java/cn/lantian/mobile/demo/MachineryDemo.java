package cn.lantian.mobile.demo;

import cn.lantian.mobile.machinery.MachineInput;
import cn.lantian.mobile.machinery.MachineRegistry;
import cn.lantian.mobile.machinery.Photos;
import cn.lantian.mobile.machinery.SightingInput;
import cn.lantian.mobile.machinery.Sightings;
import cn.lantian.mobile.zone.LowEmissionZones;
import cn.lantian.mobile.zone.Zone;
import cn.lantian.reference.Jurisdictions;
import cn.lantian.security.Caller;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Demonstration machinery when {@code lantian.demo.enabled=true}: 300 registered non-road machines across the counties
 * and Corps units, with stages that follow their production date, and sightings over the last three months at the
 * county seats (inside and outside the low-emission zones): some old machines in zones, some black smoke, some
 * machines without a code, each violation an event. Machines have stable ids, so a restart adds only those missing;
 * sightings are added once.
 */
@Component
@ConditionalOnProperty(name = "lantian.demo.enabled", havingValue = "true")
class MachineryDemo implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(MachineryDemo.class);
    private static final int MACHINES = 300;
    private static final int SIGHTINGS = 120;
    private static final int DAYS = 91;
    private static final Caller DEMO =
            new Caller("demo", Set.of("ecology"), "prefecture", Jurisdictions.PREFECTURE, true);
    private static final String[] UNITS = {
        "653101",
        "653121",
        "653122",
        "653123",
        "653124",
        "653125",
        "653126",
        "653127",
        "653128",
        "653129",
        "653130",
        "653131",
        "xpcc-3",
        "xpcc-3-41",
        "xpcc-3-45",
        "xpcc-3-jiashi"
    };
    private static final String[] KINDS = {
        "excavator",
        "excavator",
        "excavator",
        "loader",
        "loader",
        "bulldozer",
        "road-roller",
        "grader",
        "forklift",
        "crane",
        "concrete-pump",
        "paver",
        "drilling-rig",
        "generator-set"
    };
    private static final String[] MAKERS = {"三一重工", "徐工集团", "柳工", "山推股份", "中联重科", "龙工", "临工"};
    private static final String[] OWNERS = {"喀什建工集团", "莎车县路桥公司", "巴楚县市政工程公司", "兵团三师建工", "叶城县水利工程队"};

    private final MachineRegistry registry;
    private final Sightings sightings;
    private final LowEmissionZones zones;
    private final Jurisdictions jurisdictions;
    private final DatabaseClient db;
    private final Clock clock;

    MachineryDemo(
            MachineRegistry registry,
            Sightings sightings,
            LowEmissionZones zones,
            Jurisdictions jurisdictions,
            DatabaseClient db,
            Clock clock) {
        this.registry = registry;
        this.sightings = sightings;
        this.zones = zones;
        this.jurisdictions = jurisdictions;
        this.db = db;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        long started = System.currentTimeMillis();
        Random random = new Random(845);
        LocalDate today = LocalDate.now(clock);
        Set<String> present = Set.copyOf(db.sql("select id from machine where id like 'demo-mach-%'")
                .map(r -> r.get("id", String.class))
                .all()
                .collectList()
                .block());
        List<String> codes = new ArrayList<>();
        List<String> oldCodes = new ArrayList<>();
        int added = 0;
        for (int i = 1; i <= MACHINES; i++) {
            String id = "demo-mach-" + String.format("%03d", i);
            String unit = UNITS[i % UNITS.length];
            // From new to about eighteen years old; a fifth electric forklifts and generator sets are left diesel.
            LocalDate produced = today.minusDays(random.nextInt(6500));
            String kind = KINDS[random.nextInt(KINDS.length)];
            boolean electric = kind.equals("forklift") && random.nextInt(3) == 0;
            String stage = electric ? "none" : registry.stageRequiredOn(produced);
            LocalDate acquired = produced.plusDays(random.nextInt(90));
            MachineInput in = new MachineInput(
                    kind,
                    MAKERS[random.nextInt(MAKERS.length)],
                    "M" + (100 + random.nextInt(800)),
                    produced,
                    stage,
                    electric ? "electric" : "diesel",
                    electric
                            ? List.of("none")
                            : stage.equals("China IV")
                                    ? List.of("DOC", "DPF")
                                    : List.of(random.nextBoolean() ? "DOC" : "none"),
                    OWNERS[random.nextInt(OWNERS.length)],
                    random.nextBoolean() ? null : "机手" + (i % 40),
                    "0998-" + String.format("%07d", 2_000_000 + i),
                    unit,
                    new Photos(
                            "doc://nrmm/" + id + "/machine",
                            "doc://nrmm/" + id + "/engine",
                            stage.equals("China IV") ? "doc://nrmm/" + id + "/label" : null),
                    acquired.isAfter(today) ? today : acquired);
            if (!present.contains(id)) {
                registry.register(DEMO, in, id).block();
                added++;
            }
        }
        db.sql("select code, emission_stage from machine where id like 'demo-mach-%' order by id")
                .map(r -> new String[] {r.get("code", String.class), r.get("emission_stage", String.class)})
                .all()
                .doOnNext(r -> {
                    codes.add(r[0]);
                    if (r[1].equals("pre-China I") || r[1].equals("China I") || r[1].equals("China II")) {
                        oldCodes.add(r[0]);
                    }
                })
                .blockLast();

        Long seen = db.sql("select count(*) as n from machinery_sighting where recorded_by = 'demo'")
                .map(r -> r.get("n", Long.class))
                .one()
                .block();
        int violations = 0;
        if (seen != null && seen == 0 && !codes.isEmpty()) {
            List<Zone> all = zones.all();
            OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.ofHours(8));
            for (int k = 0; k < SIGHTINGS; k++) {
                Zone zone = all.get(random.nextInt(all.size()));
                boolean inZone = random.nextInt(3) > 0;
                double lon;
                double lat;
                if (inZone) {
                    lon = zone.west() + random.nextDouble() * (zone.east() - zone.west());
                    lat = zone.south() + random.nextDouble() * (zone.north() - zone.south());
                } else {
                    double[] c = jurisdictions.byId(zone.county()).orElseThrow().centroid();
                    lon = c[0];
                    lat = c[1];
                    if (jurisdictions.locate(lon, lat).isEmpty()) {
                        continue;
                    }
                }
                int roll = random.nextInt(10);
                String code = roll == 0
                        ? null
                        : roll < 3 && !oldCodes.isEmpty()
                                ? oldCodes.get(random.nextInt(oldCodes.size()))
                                : codes.get(random.nextInt(codes.size()));
                Double smoke = random.nextInt(8) == 0 ? 2.0 + random.nextInt(2) : (double) random.nextInt(2);
                SightingInput s = new SightingInput(
                        now.minusMinutes(random.nextInt(DAYS * 24 * 60)),
                        lon,
                        lat,
                        code,
                        "工地巡查 " + (k + 1),
                        smoke,
                        code == null ? "China II" : null);
                violations += sightings.record(DEMO, s).block().violations().size();
            }
        }
        LOG.info(
                "machinery demo data: {} machines added, {} violations from sightings, in {} ms",
                added,
                violations,
                System.currentTimeMillis() - started);
    }
}
