package cn.lantian.mobile.demo;

import cn.lantian.mobile.access.Jurisdiction;
import cn.lantian.mobile.scrapping.Deregistration;
import cn.lantian.mobile.sensing.Reading;
import cn.lantian.mobile.sensing.ReadingIngest;
import cn.lantian.mobile.vehicle.Vehicle;
import cn.lantian.mobile.vehicle.Vehicles;
import cn.lantian.reference.Jurisdictions;
import cn.lantian.reference.Placement;
import cn.lantian.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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
import reactor.core.publisher.Flux;

/**
 * Demonstration data when {@code lantian.demo.enabled=true}: about 5,000 vehicles across the counties and Corps units
 * with stages that follow their certification year, three months of remote-sensing readings up to the current hour
 * (a few gross emitters among them, which the judgement turns into events and repair obligations; each day's
 * readings from that day's seed, so that a restart adds only the hours passed since), and the
 * scrapping of some old trucks over the last months. Deterministic ids make it idempotent: a second start adds only
 * what is missing and readings already stored are taken without effect. Events go through the outbox, bounded: only
 * failures and scrappings raise any (a few dozen), never the registrations.
 */
@Component
@ConditionalOnProperty(name = "lantian.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final int VEHICLES = 5000;
    private static final int READING_DAYS = 91;
    private static final int READINGS_PER_DAY = 240;
    private static final int GROSS_EMITTERS = 25;
    private static final int SCRAPPED = 40;
    private static final Caller DEMO =
            new Caller("demo", Set.of("traffic-police"), "prefecture", Jurisdictions.PREFECTURE, true);
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
    private static final String[] SURNAMES = {"阿不都", "艾买提", "王", "李", "张", "买买提", "刘", "陈", "吐尔逊", "赵"};
    private static final String PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";

    private final java.util.TreeMap<LocalDate, String> stageDates = stageDates();
    private final Vehicles vehicles;
    private final Jurisdiction access;
    private final Jurisdictions jurisdictions;
    private final ReadingIngest ingest;
    private final Deregistration deregistration;
    private final DatabaseClient db;
    private final Clock clock;

    DemoData(
            Vehicles vehicles,
            Jurisdiction access,
            Jurisdictions jurisdictions,
            ReadingIngest ingest,
            Deregistration deregistration,
            DatabaseClient db,
            Clock clock) {
        this.vehicles = vehicles;
        this.access = access;
        this.jurisdictions = jurisdictions;
        this.ingest = ingest;
        this.deregistration = deregistration;
        this.db = db;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        long started = System.currentTimeMillis();
        Random random = new Random(2026);
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        List<Vehicle> fleet = new ArrayList<>();
        for (int i = 1; i <= VEHICLES; i++) {
            fleet.add(vehicle(i, random, today, now));
        }
        Set<String> present = Set.copyOf(db.sql("select id from vehicle where id like 'demo-veh-%'")
                .map(r -> r.get("id", String.class))
                .all()
                .collectList()
                .block());
        Long added = Flux.fromIterable(fleet)
                .filter(v -> !present.contains(v.id()))
                .flatMap(vehicles::save, 4)
                .count()
                .block();

        // Old diesel trucks and a few others on the road in front of the remote-sensing stations.
        List<Vehicle> diesel =
                fleet.stream().filter(v -> v.fuel().equals("diesel")).toList();
        List<Vehicle> gross = diesel.subList(0, Math.min(GROSS_EMITTERS, diesel.size()));
        List<double[]> stations = stations();
        int failures = 0;
        for (int day = READING_DAYS; day >= 0; day--) {
            // Each day's readings come from that day's own seed: a restart the same day produces the same readings
            // (stored already, so without effect) plus those whose time has come since.
            LocalDate date = today.minusDays(day);
            Random daily = new Random(date.toEpochDay());
            Instant dayStart = date.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            List<Reading> batch = new ArrayList<>();
            for (int k = 0; k < READINGS_PER_DAY; k++) {
                Instant at = dayStart.plusSeconds(daily.nextInt(86_400));
                Vehicle v = daily.nextInt(12) == 0
                        ? gross.get(daily.nextInt(gross.size()))
                        : fleet.get(daily.nextInt(fleet.size()));
                boolean dirty = gross.contains(v) && daily.nextInt(3) > 0;
                double[] s = stations.get(daily.nextInt(stations.size()));
                Reading reading = new Reading(
                        v.plate(),
                        at,
                        s[0],
                        s[1],
                        "remote-sensing",
                        (double) (dirty ? 32 + daily.nextInt(30) : 2 + daily.nextInt(15)),
                        (double) (dirty ? 1 + daily.nextInt(2) : 0),
                        200.0 + daily.nextInt(dirty ? 1800 : 800),
                        20.0 + daily.nextInt(50),
                        Math.round(daily.nextGaussian() * 5) / 10.0,
                        daily.nextInt(40) / 10.0);
                if (!at.isAfter(now)) {
                    batch.add(reading);
                }
            }
            if (!batch.isEmpty()) {
                failures += ingest.ingestAll(DEMO, batch).block().failures();
            }
        }

        // Scrapping progress: some of the listed trucks left the register over the last half year.
        List<Vehicle> toScrap = fleet.stream()
                .filter(v -> v.fuel().equals("diesel")
                        && v.operatingFreight()
                        && v.emissionStage().equals("China III"))
                .skip(GROSS_EMITTERS)
                .limit(SCRAPPED)
                .toList();
        int scrapped = 0;
        for (Vehicle v : toScrap) {
            Boolean off = vehicles.byId(v.id()).map(Vehicle::registered).block();
            if (Boolean.TRUE.equals(off)) {
                deregistration
                        .deregister(DEMO, v.id(), today.minusDays(random.nextInt(180)))
                        .block();
                scrapped++;
            }
        }
        LOG.info(
                "demo data: {} vehicles added, {} failures judged, {} trucks scrapped, in {} ms",
                added,
                failures,
                scrapped,
                System.currentTimeMillis() - started);
    }

    private Vehicle vehicle(int i, Random random, LocalDate today, Instant now) {
        String unit = UNITS[i % UNITS.length];
        Placement placement = access.placementOf(unit).orElseThrow();
        int roll = random.nextInt(100);
        String kind = roll < 9
                ? "heavy-truck"
                : roll < 15
                        ? "medium-truck"
                        : roll < 26 ? "light-truck" : roll < 30 ? "bus" : roll < 32 ? "special" : "car";
        boolean truck = kind.endsWith("-truck");
        int fuelRoll = random.nextInt(100);
        String fuel = truck || kind.equals("bus") || kind.equals("special")
                ? fuelRoll < 85 ? "diesel" : fuelRoll < 92 ? "gas" : fuelRoll < 95 ? "lean-burn-gas" : "electric"
                : fuelRoll < 78
                        ? "petrol"
                        : fuelRoll < 86
                                ? "electric"
                                : fuelRoll < 92 ? "gas" : fuelRoll < 95 ? "converted-petrol-gas" : "hybrid";
        // Ages from new to about twenty years, older among trucks.
        int ageDays = random.nextInt(truck ? 7300 : 5500);
        LocalDate certified = today.minusDays(ageDays);
        String stage = fuel.equals("electric") ? "none" : stage(certified);
        String plate = "新" + "QABCDE".charAt(i % 6) + "·" + PLATE_LETTERS.charAt((i / 10_000) % PLATE_LETTERS.length())
                + String.format("%04d", i % 10_000);
        String vin = "LDEMZ" + String.format("%012d", i);
        String owner = truck ? SURNAMES[i % SURNAMES.length] + "运输有限公司" : SURNAMES[i % SURNAMES.length] + "某";
        return new Vehicle(
                "demo-veh-" + String.format("%05d", i),
                plate,
                vin,
                kind,
                fuel,
                stage,
                certified,
                truck && random.nextInt(10) < 8,
                owner,
                unit,
                "registered",
                null,
                1,
                now,
                "demo",
                placement);
    }

    /** The stage a new heavy vehicle had to meet on that date, from the stage dates of the rule data. */
    private String stage(LocalDate certified) {
        String stage = "China II";
        for (java.util.Map.Entry<LocalDate, String> e : stageDates.entrySet()) {
            if (!certified.isBefore(e.getKey())) {
                stage = e.getValue();
            }
        }
        return stage;
    }

    /** The stage dates in use (one China IV date: the one marked used), by date. */
    private static java.util.TreeMap<LocalDate, String> stageDates() {
        try (java.io.InputStream in = DemoData.class.getClassLoader().getResourceAsStream("rules/china-iv-dates.csv")) {
            java.util.TreeMap<LocalDate, String> dates = new java.util.TreeMap<>();
            for (java.util.Map<String, String> r : cn.lantian.reference.Csv.read(
                    new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))) {
                if (!r.get("stage").equals("China IV") || r.get("used").equals("true")) {
                    dates.put(LocalDate.parse(r.get("applies_to_all_from")), r.get("stage"));
                }
            }
            return dates;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Remote-sensing stations at the county seats and Tumxuk: each centroid that lies inside its own unit. */
    private List<double[]> stations() {
        List<double[]> points = new ArrayList<>();
        for (String unit : UNITS) {
            jurisdictions
                    .byId(unit)
                    .map(cn.lantian.reference.Jurisdiction::centroid)
                    .filter(c -> jurisdictions.locate(c[0], c[1]).isPresent())
                    .ifPresent(points::add);
        }
        return points;
    }
}
