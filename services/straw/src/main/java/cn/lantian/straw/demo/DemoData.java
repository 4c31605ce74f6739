package cn.lantian.straw.demo;

import cn.lantian.reference.Jurisdictions;
import cn.lantian.reference.Placement;
import cn.lantian.security.Caller;
import cn.lantian.straw.access.StrawAccess;
import cn.lantian.straw.firepoint.FirePointImport;
import cn.lantian.straw.firepoint.ImportReport;
import cn.lantian.straw.firepoint.Incident;
import cn.lantian.straw.firepoint.Incidents;
import cn.lantian.straw.patrol.Patrols;
import cn.lantian.straw.patrol.Verification;
import cn.lantian.straw.rules.DutyRoster;
import cn.lantian.straw.rules.Season;
import cn.lantian.straw.rules.StrawRules;
import cn.lantian.straw.strawuse.StrawUseInput;
import cn.lantian.straw.strawuse.StrawUseTable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Demonstration data when {@code lantian.demo.enabled=true}, relative to today: satellite fire points of the last two
 * autumn seasons in the oasis counties' farmland and in Tumxuk (with detections of one fire by several satellites,
 * static industrial sources of FIRMS type 2 and points outside the prefecture, both skipped), a few fire points of the
 * last days, patrol outcomes of the past seasons and straw-use figures. Each season's rows come from a generator
 * seeded by the season, so a restart imports the same rows again and they are skipped as already imported. The rows
 * take the intake of real FIRMS files and the outcomes the patrols' own path, so every incident and verdict raises its
 * events through the outbox (enforcement and the joint index hold them); incidents of the last {@value #EVENT_DAYS}
 * days are left open for the duty offices. All figures are made up for demonstration.
 */
@Component
@ConditionalOnProperty(name = "lantian.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    static final int EVENT_DAYS = 14;
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final Caller DEMO =
            new Caller("demo-data", Set.of(StrawAccess.AGENCY), "prefecture", Jurisdictions.PREFECTURE, true);
    private static final String HEADER = "latitude,longitude,bright_ti4,scan,track,acq_date,acq_time,satellite,"
            + "instrument,confidence,version,bright_ti5,frp,daynight,type\n";
    /** Farmland of the oasis counties and Tumxuk: [lon, lat] near which fires are drawn, and the unit they must fall in. */
    private static final List<Object[]> FARMLAND = List.of(
            new Object[] {"653121", 75.75, 39.38},
            new Object[] {"653122", 76.10, 39.30},
            new Object[] {"653123", 76.20, 38.95},
            new Object[] {"653124", 77.25, 38.20},
            new Object[] {"653125", 77.20, 38.42},
            new Object[] {"653126", 77.42, 37.90},
            new Object[] {"653127", 77.70, 38.90},
            new Object[] {"653128", 76.80, 39.20},
            new Object[] {"653129", 76.90, 39.50},
            new Object[] {"653130", 78.55, 39.78},
            new Object[] {"xpcc-3", 79.16, 39.87});
    /** Static heat sources (FIRMS type 2): a cement kiln and two plants seen every week. */
    private static final double[][] STATIC = {{75.98, 39.47}, {77.29, 38.19}, {79.05, 39.83}};
    /** Outside Kashgar: Aksu and Hotan farmland. */
    private static final double[][] OUTSIDE = {{80.26, 41.17}, {79.92, 37.11}};

    private static final String[] SATELLITES = {"N", "N20", "N21"};

    private final FirePointImport imports;
    private final Incidents incidents;
    private final Patrols patrols;
    private final StrawUseTable strawUse;
    private final StrawRules rules;
    private final Jurisdictions jurisdictions;
    private final DutyRoster roster;
    private final Clock clock;

    DemoData(
            FirePointImport imports,
            Incidents incidents,
            Patrols patrols,
            StrawUseTable strawUse,
            StrawRules rules,
            Jurisdictions jurisdictions,
            DutyRoster roster,
            Clock clock) {
        this.imports = imports;
        this.incidents = incidents;
        this.patrols = patrols;
        this.strawUse = strawUse;
        this.rules = rules;
        this.jurisdictions = jurisdictions;
        this.roster = roster;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Instant now = clock.instant();
        Instant leftOpen = now.minus(Duration.ofDays(EVENT_DAYS));
        List<Season> seasons = lastTwoAutumns(now);
        for (Season season : seasons) {
            ImportReport report =
                    imports.importCsv(DEMO, seasonRows(season, now)).block();
            LOG.info(
                    "demo {}: {} rows, {} incidents opened, {} merged, skipped {}",
                    season.id(),
                    report.rows(),
                    report.accepted(),
                    report.merged(),
                    report.skipped());
            handle(report.incidents(), season.id().hashCode(), leftOpen).block();
            figures(season).block();
        }
        ImportReport recent = imports.importCsv(DEMO, recentRows(now)).block();
        LOG.info("demo last days: {} incidents opened, skipped {}", recent.accepted(), recent.skipped());
    }

    /** The two latest autumn seasons that have begun. */
    private List<Season> lastTwoAutumns(Instant now) {
        int year = now.atZone(Season.ZONE).getYear();
        Season current = rules.season(year + "-autumn").orElseThrow();
        int latest = now.isBefore(current.start()) ? year - 1 : year;
        return List.of(
                rules.season((latest - 1) + "-autumn").orElseThrow(),
                rules.season(latest + "-autumn").orElseThrow());
    }

    private String seasonRows(Season season, Instant now) {
        Random random = new Random(season.id().hashCode());
        StringBuilder csv = new StringBuilder(HEADER);
        LocalDate day = season.from();
        while (day.isBefore(season.until())) {
            // Most fires at the height of the harvest (October), a few at its edges.
            int fires = day.getMonthValue() == 10 ? 4 + random.nextInt(5) : random.nextInt(3);
            for (int i = 0; i < fires; i++) {
                Object[] farmland = FARMLAND.get(random.nextInt(FARMLAND.size()));
                double[] at = placedIn((String) farmland[0], (Double) farmland[1], (Double) farmland[2], random);
                int minute = 5 * 60 + random.nextInt(180);
                int satellite = random.nextInt(SATELLITES.length);
                row(csv, at, day, minute, SATELLITES[satellite], 0, random, now);
                if (random.nextInt(10) < 4) {
                    // The same fire seen again by another satellite: a few hundred metres and up to three hours on.
                    double[] again = {
                        at[0] + (random.nextDouble() - 0.5) * 0.006, at[1] + (random.nextDouble() - 0.5) * 0.004
                    };
                    row(
                            csv,
                            again,
                            day,
                            minute + 10 + random.nextInt(170),
                            SATELLITES[(satellite + 1) % SATELLITES.length],
                            0,
                            random,
                            now);
                }
            }
            if (day.getDayOfWeek().getValue() == 3) {
                for (double[] source : STATIC) {
                    row(csv, source, day, 7 * 60 + 30, "N", 2, random, now);
                }
                for (double[] outside : OUTSIDE) {
                    row(csv, outside, day, 7 * 60 + 30, "N20", 0, random, now);
                }
            }
            day = day.plusDays(1);
        }
        return csv.toString();
    }

    /** A handful of fire points of the last three days (leaves and rubbish burn in winter too), seeded per day. */
    private String recentRows(Instant now) {
        StringBuilder csv = new StringBuilder(HEADER);
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        for (int back = 3; back >= 0; back--) {
            LocalDate day = today.minusDays(back);
            Random random = new Random(day.toEpochDay());
            for (int i = 0; i < 2; i++) {
                Object[] farmland = FARMLAND.get(random.nextInt(FARMLAND.size()));
                double[] at = placedIn((String) farmland[0], (Double) farmland[1], (Double) farmland[2], random);
                row(
                        csv,
                        at,
                        day,
                        5 * 60 + random.nextInt(240),
                        SATELLITES[random.nextInt(SATELLITES.length)],
                        0,
                        random,
                        now);
            }
        }
        return csv.toString();
    }

    private double[] placedIn(String unit, double lon, double lat, Random random) {
        for (int attempt = 0; attempt < 20; attempt++) {
            double x = lon + (random.nextDouble() - 0.5) * 0.3;
            double y = lat + (random.nextDouble() - 0.5) * 0.2;
            Placement p = jurisdictions.locate(x, y).orElse(null);
            if (p != null && (unit.equals(p.jurisdiction()) || unit.equals(p.corpsUnit()))) {
                return new double[] {x, y};
            }
        }
        return new double[] {lon, lat};
    }

    private static void row(
            StringBuilder csv,
            double[] at,
            LocalDate day,
            int minuteOfDay,
            String satellite,
            int type,
            Random random,
            Instant now) {
        int minute = Math.min(minuteOfDay, 23 * 60 + 59);
        Instant when = day.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofMinutes(minute));
        if (when.isAfter(now)) {
            return;
        }
        String confidence = new String[] {"l", "n", "n", "h"}[random.nextInt(4)];
        csv.append(String.format(
                Locale.ROOT,
                "%.5f,%.5f,%.1f,0.39,0.36,%s,%s,%s,VIIRS,%s,2.0NRT,290.0,%.1f,D,%d%n",
                at[1],
                at[0],
                300 + random.nextDouble() * 60,
                day,
                DateTimeFormatter.ofPattern("HHmm").format(java.time.LocalTime.of(minute / 60, minute % 60)),
                satellite,
                confidence,
                0.5 + random.nextDouble() * 15,
                type));
    }

    /** Patrol outcomes of the incidents detected before {@code leftOpen}, through the patrols' path with its events. */
    private Mono<Void> handle(List<String> opened, int seed, Instant leftOpen) {
        Random random = new Random(seed);
        return Flux.fromIterable(opened)
                .concatMap(id -> incidents.find(id))
                .filter(i -> i.firstAt().isBefore(leftOpen) && "open".equals(i.status()))
                .concatMap(incident -> {
                    int roll = random.nextInt(100);
                    String verdict = roll < 70 ? "burning-confirmed" : roll < 90 ? "false-alarm" : "industrial-source";
                    int r = random.nextInt(100);
                    String material = !"burning-confirmed".equals(verdict)
                            ? null
                            : r < 80 ? "straw" : r < 95 ? "leaves" : "rubbish";
                    int minutes = 45 + random.nextInt(600);
                    String verifiedAt = incident.firstAt()
                            .plus(Duration.ofMinutes(minutes))
                            .atOffset(ZoneOffset.ofHours(8))
                            .toString();
                    return assignIfNeeded(incident)
                            .then(patrols.verify(
                                    DEMO, incident.id(), new Verification(verdict, material, verifiedAt, null)));
                })
                .then();
    }

    /**
     * The duty office dispatches a town or township on the county's roster, the same one for the same incident
     * (Corps land is its regiment's already; urban subdistricts, farms and parks are left out of the made-up fields).
     */
    private Mono<Long> assignIfNeeded(Incident incident) {
        if (incident.corpsUnit() != null) {
            return Mono.just(0L);
        }
        List<DutyRoster.Unit> rural = roster.unitsOf(incident.jurisdiction()).stream()
                .filter(u ->
                        !u.duty() && (u.nameZh().endsWith("镇") || u.nameZh().endsWith("乡")))
                .toList();
        if (rural.isEmpty()) {
            return Mono.just(0L);
        }
        DutyRoster.Unit u = rural.get(Math.floorMod(incident.id().hashCode(), rural.size()));
        return incidents.assign(incident.id(), u.id(), incident.firstAt().plus(Duration.ofMinutes(20)));
    }

    /** Straw-use figures of every oasis county and the Corps for the season (made up, around the 86 % target). */
    private Mono<Void> figures(Season season) {
        Random random = new Random(season.id().hashCode() * 31L);
        return Flux.fromIterable(FARMLAND)
                .concatMap(f -> {
                    double area = 20000 + random.nextInt(130000);
                    double produced = Math.round(area * (4.5 + random.nextDouble() * 2.5));
                    double rate = 0.78 + random.nextDouble() * 0.16;
                    double used = produced * rate;
                    StrawUseInput in = new StrawUseInput(
                            area,
                            produced,
                            Math.round(used * 0.55) * 1.0,
                            Math.round(used * 0.25) * 1.0,
                            Math.round(used * 0.08) * 1.0,
                            Math.round(used * 0.07) * 1.0,
                            Math.round(used * 0.05) * 1.0);
                    return strawUse.save((String) f[0], season.id(), in, DEMO.username());
                })
                .then();
    }
}
