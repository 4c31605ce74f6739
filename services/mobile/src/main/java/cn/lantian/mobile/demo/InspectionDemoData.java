package cn.lantian.mobile.demo;

import cn.lantian.mobile.access.Jurisdiction;
import cn.lantian.mobile.inspection.InspectionStation;
import cn.lantian.mobile.inspection.InspectionStations;
import cn.lantian.mobile.inspection.Measurement;
import cn.lantian.mobile.inspection.TestIngest;
import cn.lantian.mobile.inspection.TestReport;
import cn.lantian.mobile.inspection.TestUpload;
import cn.lantian.mobile.repair.Repair;
import cn.lantian.mobile.repair.RepairStation;
import cn.lantian.mobile.repair.Repairs;
import cn.lantian.mobile.vehicle.Vehicle;
import cn.lantian.mobile.vehicle.Vehicles;
import cn.lantian.reference.Jurisdictions;
import cn.lantian.security.Caller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Demonstration data of periodic inspection when {@code lantian.demo.enabled=true}, after the registry's
 * ({@link DemoData} runs first: this waits for the application to be ready): 10 inspection stations and 4 M stations,
 * a year of tests up to today, each registered vehicle tested on its own day of the year, failures repaired at an M
 * station and retested, and one station, {@code ims-653125-02} in Shache, with the patterns the fraud signals find
 * (retests minutes after a failure, copied process curves, one OBD calibration on several makers' vehicles, heavy
 * trucks without dynamometer, second tests within a month, a pass rate near 100 %). Some open repair obligations of
 * the remote-sensing demo are closed by a repair and a passing retest. Deterministic ids make a restart add only
 * what is new; everything goes through the same ingest as an upload, as one batch.
 */
@Component
@ConditionalOnProperty(name = "lantian.demo.enabled", havingValue = "true")
class InspectionDemoData {

    private static final Logger LOG = LoggerFactory.getLogger(InspectionDemoData.class);
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final String SUSPICIOUS = "ims-653125-02";
    private static final Caller DEMO =
            new Caller("demo", Set.of("ecology"), "prefecture", Jurisdictions.PREFECTURE, true);
    /** Station id, name, unit, lanes. */
    private static final String[][] STATIONS = {
        {"ims-653101-01", "喀什市机动车排放检验中心", "653101", "4"},
        {"ims-653101-02", "喀什市城东机动车检测站", "653101", "3"},
        {"ims-653121-01", "疏附县机动车检测站", "653121", "2"},
        {"ims-653122-01", "疏勒县机动车检测站", "653122", "2"},
        {"ims-653125-01", "莎车县机动车排放检验中心", "653125", "3"},
        {SUSPICIOUS, "莎车县某机动车检测有限公司", "653125", "2"},
        {"ims-653126-01", "叶城县机动车检测站", "653126", "2"},
        {"ims-653129-01", "伽师县机动车检测站", "653129", "2"},
        {"ims-653130-01", "巴楚县机动车检测站", "653130", "2"},
        {"ims-xpcc-3-01", "图木舒克市机动车检测站", "xpcc-3", "2"}
    };
    /** M station id, name, unit. */
    private static final String[][] M_STATIONS = {
        {"mst-653101-01", "喀什市机动车排放维修治理站 (M站)", "653101"},
        {"mst-653125-01", "莎车县机动车排放维修治理站 (M站)", "653125"},
        {"mst-653130-01", "巴楚县机动车排放维修治理站 (M站)", "653130"},
        {"mst-xpcc-3-01", "图木舒克市机动车排放维修治理站 (M站)", "xpcc-3"}
    };
    /** Where the vehicles of units without a station of their own are tested. */
    private static final Map<String, String> NEAREST = Map.ofEntries(
            Map.entry("653123", "ims-653122-01"),
            Map.entry("653124", "ims-653125-01"),
            Map.entry("653127", "ims-653125-01"),
            Map.entry("653128", "ims-653129-01"),
            Map.entry("653131", "ims-653121-01"),
            Map.entry("xpcc-3-41", "ims-653129-01"),
            Map.entry("xpcc-3-45", "ims-xpcc-3-01"),
            Map.entry("xpcc-3-jiashi", "ims-653129-01"));

    private final InspectionStations stations;
    private final Repairs repairs;
    private final TestIngest ingest;
    private final Jurisdiction access;
    private final DatabaseClient db;
    private final Clock clock;

    InspectionDemoData(
            InspectionStations stations,
            Repairs repairs,
            TestIngest ingest,
            Jurisdiction access,
            DatabaseClient db,
            Clock clock) {
        this.stations = stations;
        this.repairs = repairs;
        this.ingest = ingest;
        this.access = access;
        this.db = db;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        long started = System.currentTimeMillis();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, BEIJING);
        for (String[] s : STATIONS) {
            stations.save(new InspectionStation(
                            s[0],
                            s[1],
                            "XJ-JC-" + s[0].substring(4).toUpperCase(),
                            s[2],
                            Integer.parseInt(s[3]),
                            now,
                            "demo",
                            access.placementOf(s[2]).orElseThrow()))
                    .block();
        }
        for (String[] s : M_STATIONS) {
            repairs.save(new RepairStation(
                            s[0],
                            s[1],
                            "XJ-M-" + s[0].substring(4).toUpperCase(),
                            s[2],
                            now,
                            "demo",
                            access.placementOf(s[2]).orElseThrow()))
                    .block();
        }
        List<Vehicle> fleet = db.sql("select " + Vehicles.COLUMNS + " from vehicle where id like 'demo-veh-%' "
                        + "and status = 'registered' and fuel <> 'electric' order by id")
                .map(Vehicles::read)
                .all()
                .collectList()
                .block();
        List<TestUpload> tests = new ArrayList<>();
        List<Repair> repaired = new ArrayList<>();
        for (Vehicle v : fleet) {
            annual(v, today, now, tests, repaired);
        }
        suspicious(fleet, today, now, tests);
        closeObligations(fleet, now, tests, repaired);
        Flux.fromIterable(repaired)
                .concatMap(r -> repairs.record(r, access.placementOf(r.unit()).orElseThrow(), "demo", r.repairedAt()))
                .then()
                .block();
        TestReport report = ingest.ingestAll(DEMO, tests).block();
        LOG.info(
                "inspection demo data: {} tests stored ({} already), {} not counted, {} fraud findings, {} obligations "
                        + "closed, in {} ms",
                report.stored().size(),
                report.alreadyStored().size(),
                report.notCounted().size(),
                report.findings(),
                report.obligationsClosed(),
                System.currentTimeMillis() - started);
    }

    /**
     * The vehicle's test on its own day of the year (the latest such day up to today), and for a failure the M-station
     * repair and a passing retest a few days later, where those days have come.
     */
    private void annual(Vehicle v, LocalDate today, Instant now, List<TestUpload> tests, List<Repair> repaired) {
        Random r = new Random(v.id().hashCode());
        int dayOfYear = 1 + r.nextInt(365);
        LocalDate day = LocalDate.of(today.getYear(), 1, 1).plusDays(dayOfYear - 1);
        if (day.isAfter(today)) {
            day = LocalDate.of(today.getYear() - 1, 1, 1).plusDays(dayOfYear - 1);
        }
        Random daily = new Random(v.id().hashCode() * 31L + day.toEpochDay());
        String station = stationFor(v, daily);
        Instant at = day.atTime(9, 0).atZone(BEIJING).toInstant().plusSeconds(daily.nextInt(8 * 3600));
        if (at.isAfter(now)) {
            return;
        }
        // Old stages fail more often; the lenient station passes almost everything.
        int failPercent = SUSPICIOUS.equals(station) ? 0 : v.emissionStage().compareTo("China IV") < 0 ? 25 : 10;
        boolean fail = daily.nextInt(100) < failPercent;
        tests.add(test("imt-" + v.id().substring(5) + "-" + day, station, v, at, !fail, curve(daily), null, daily));
        if (!fail) {
            return;
        }
        Instant fixed = at.plus(Duration.ofHours(20 + daily.nextInt(72)));
        Instant retest = fixed.plus(Duration.ofHours(18 + daily.nextInt(48)));
        if (!fixed.isAfter(now)) {
            repaired.add(repair("rpr-" + v.id().substring(5) + "-" + day, v, fixed, daily));
        }
        if (!retest.isAfter(now)) {
            tests.add(test(
                    "imt-" + v.id().substring(5) + "-" + day + "-r",
                    station,
                    v,
                    retest,
                    true,
                    curve(daily),
                    null,
                    daily));
        }
    }

    /** The lenient station's patterns, all within the last year. */
    private void suspicious(List<Vehicle> fleet, LocalDate today, Instant now, List<TestUpload> tests) {
        Random r = new Random(today.getYear() * 1000L + 125);
        List<Vehicle> shache = fleet.stream()
                .filter(v -> v.home().equals("653125") || v.home().equals("653127"))
                .toList();
        Instant base = today.atTime(10, 0).atZone(BEIJING).toInstant();
        // Retests minutes after a failure, without repair.
        for (int i = 0; i < 8; i++) {
            Vehicle v = shache.get(r.nextInt(shache.size()));
            Instant at = base.minus(Duration.ofDays(20 + i * 37L));
            tests.add(test("imt-s-retest-" + i + "-a", SUSPICIOUS, v, at, false, curve(r), null, r));
            tests.add(test(
                    "imt-s-retest-" + i + "-b",
                    SUSPICIOUS,
                    v,
                    at.plus(Duration.ofMinutes(4 + r.nextInt(20))),
                    true,
                    curve(r),
                    null,
                    r));
        }
        // One process curve copied onto different vehicles within a fortnight.
        double[] template = curve(r);
        for (int i = 0; i < 12; i++) {
            Vehicle v = shache.get(r.nextInt(shache.size()));
            double[] copy = template.clone();
            for (int k = 0; k < copy.length; k++) {
                copy[k] += (r.nextInt(5) - 2) / 10.0;
            }
            Instant at = base.minus(Duration.ofDays(60 - i)).plusSeconds(r.nextInt(3600));
            tests.add(test("imt-s-copy-" + i, SUSPICIOUS, v, at, true, copy, null, r));
        }
        // Heavy diesel trucks put through free acceleration.
        List<Vehicle> heavy = shache.stream()
                .filter(v -> v.kind().equals("heavy-truck") && v.fuel().equals("diesel"))
                .toList();
        for (int i = 0; i < Math.min(8, heavy.size()); i++) {
            Vehicle v = heavy.get(i);
            Instant at = base.minus(Duration.ofDays(5 + i * 41L));
            tests.add(test("imt-s-heavy-" + i, SUSPICIOUS, v, at, true, curve(r), "free-acceleration", r));
        }
        // Outside vehicles of three makers reporting one calibration: an OBD simulator.
        String[] makers = {"LFV", "LGB", "LZZ", "LSV", "LVS", "LNB"};
        for (int i = 0; i < 6; i++) {
            String plate = "新A·" + (char) ('B' + i) + String.format("%04d", 3000 + r.nextInt(6000));
            String vin = makers[i] + String.format("%014d", 20_000_000L + r.nextInt(1_000_000));
            Instant at = base.minus(Duration.ofDays(100 - i * 3L));
            tests.add(new TestUpload(
                    "imt-s-obd-" + i,
                    SUSPICIOUS,
                    1 + r.nextInt(2),
                    plate,
                    vin,
                    1600,
                    "petrol",
                    "asm",
                    at,
                    "pass",
                    List.of(new Measurement("co", 0.2, 0.5), new Measurement("hc+nox", 60, 110)),
                    "pass",
                    "CAL-SIM-0001",
                    "5A5A5A5A",
                    curve(r)));
        }
        // Second tests within a month of a pass.
        for (int i = 0; i < 5; i++) {
            Vehicle v = shache.get(r.nextInt(shache.size()));
            Instant at = base.minus(Duration.ofDays(150 + i * 30L));
            tests.add(test("imt-s-second-" + i + "-a", SUSPICIOUS, v, at, true, curve(r), null, r));
            tests.add(test(
                    "imt-s-second-" + i + "-b",
                    SUSPICIOUS,
                    v,
                    at.plus(Duration.ofDays(6 + r.nextInt(15))),
                    true,
                    curve(r),
                    null,
                    r));
        }
        tests.removeIf(t -> t.testedAt().isAfter(now));
    }

    /** Repairs and passing retests for up to a dozen of the remote-sensing demo's open repair obligations. */
    private void closeObligations(List<Vehicle> fleet, Instant now, List<TestUpload> tests, List<Repair> repaired) {
        Map<String, Vehicle> byId = new HashMap<>();
        fleet.forEach(v -> byId.put(v.id(), v));
        List<Map<String, Object>> open = db.sql("select id, vehicle_id, failed_at from repair_obligation "
                        + "where status = 'open' and vehicle_id like 'demo-veh-%' order by id limit 12")
                .map(row -> Map.<String, Object>of(
                        "id", row.get("id", String.class),
                        "vehicle", row.get("vehicle_id", String.class),
                        "at", row.get("failed_at", OffsetDateTime.class).toInstant()))
                .all()
                .collectList()
                .block();
        for (Map<String, Object> o : open) {
            Vehicle v = byId.get((String) o.get("vehicle"));
            Instant failed = (Instant) o.get("at");
            Instant fixed = failed.plus(Duration.ofDays(2));
            Instant retest = fixed.plus(Duration.ofDays(1));
            if (v == null || retest.isAfter(now)) {
                continue;
            }
            Random r = new Random(o.get("id").hashCode());
            repaired.add(repair("rpr-" + o.get("id"), v, fixed, r));
            tests.add(test("imt-" + o.get("id"), stationFor(v, r), v, retest, true, curve(r), null, r));
        }
    }

    private static String stationFor(Vehicle v, Random r) {
        String unit = v.home();
        if (unit.equals("653125") || unit.equals("653127")) {
            // The lenient station draws more than its share of Shache's and Maigaiti's vehicles.
            return r.nextInt(100) < 55 ? SUSPICIOUS : "ims-653125-01";
        }
        if (unit.equals("653101")) {
            return r.nextBoolean() ? "ims-653101-01" : "ims-653101-02";
        }
        for (String[] s : STATIONS) {
            if (s[2].equals(unit)) {
                return s[0];
            }
        }
        return NEAREST.getOrDefault(unit, "ims-653101-01");
    }

    private static Repair repair(String id, Vehicle v, Instant at, Random r) {
        String[] work = {
            "更换三元催化器 catalytic converter replaced",
            "清洗喷油器 injectors cleaned",
            "更换颗粒捕集器 DPF replaced",
            "更换氧传感器 oxygen sensor replaced",
            "调整EGR阀 EGR valve repaired"
        };
        String station = v.home().startsWith("xpcc")
                ? "mst-xpcc-3-01"
                : v.home().equals("653125") || v.home().equals("653127")
                        ? "mst-653125-01"
                        : v.home().equals("653130") ? "mst-653130-01" : "mst-653101-01";
        String unit = station.equals("mst-xpcc-3-01") ? "xpcc-3" : station.substring(4, 10);
        return new Repair(id, station, v.plate(), v.id(), at, work[r.nextInt(work.length)], unit);
    }

    /** A test of a registered vehicle by the method its fuel and mass call for (or the one given). */
    private static TestUpload test(
            String id, String station, Vehicle v, Instant at, boolean pass, double[] curve, String method, Random r) {
        int kg = mass(v.kind(), r);
        boolean diesel = v.fuel().equals("diesel");
        String m = method != null
                ? method
                : diesel ? (kg > 3500 ? "lug-down" : "free-acceleration") : r.nextInt(10) < 8 ? "asm" : "vmas";
        List<Measurement> values = diesel
                ? List.of(
                        new Measurement("k", pass ? 0.3 + r.nextInt(60) / 100.0 : 1.3 + r.nextInt(80) / 100.0, 1.2),
                        new Measurement("nox", pass ? 300 + r.nextInt(600) : 900 + r.nextInt(400), 1500))
                : List.of(
                        new Measurement("co", pass ? 0.1 + r.nextInt(30) / 100.0 : 0.6 + r.nextInt(40) / 100.0, 0.5),
                        new Measurement("hc+nox", 40 + r.nextInt(60), 110));
        String vin = v.vin();
        int lanes = Integer.parseInt(lanes(station));
        String family = v.fuel() + "-" + v.emissionStage().replace(" ", "").replace("China", "CN");
        // OBD is read from vehicles of China III on; older ones have none to read.
        boolean obd = !Set.of("China I", "China II").contains(v.emissionStage());
        return new TestUpload(
                id,
                station,
                1 + r.nextInt(lanes),
                v.plate(),
                vin,
                kg,
                v.fuel(),
                m,
                at,
                pass ? "pass" : "fail",
                values,
                obd ? "pass" : "not-applicable",
                obd ? "CAL-" + family.toUpperCase() : null,
                obd ? Integer.toHexString(family.hashCode()).toUpperCase() : null,
                curve);
    }

    private static String lanes(String station) {
        for (String[] s : STATIONS) {
            if (s[0].equals(station)) {
                return s[3];
            }
        }
        return "1";
    }

    private static int mass(String kind, Random r) {
        return switch (kind) {
            case "heavy-truck" -> 18_000 + r.nextInt(31_000);
            case "medium-truck" -> 6_000 + r.nextInt(6_000);
            case "light-truck" -> 2_500 + r.nextInt(2_000);
            case "bus" -> 8_000 + r.nextInt(10_000);
            case "special" -> 5_000 + r.nextInt(15_000);
            default -> 1_200 + r.nextInt(1_000);
        };
    }

    /** A 20-second process curve with its own shape and noise. */
    private static double[] curve(Random r) {
        double[] c = new double[20];
        double peak = 20 + r.nextInt(40);
        int top = 6 + r.nextInt(8);
        for (int k = 0; k < c.length; k++) {
            c[k] = Math.round((peak * Math.exp(-Math.pow(k - top, 2) / 18.0) + r.nextGaussian() * 3) * 10) / 10.0;
        }
        return c;
    }
}
