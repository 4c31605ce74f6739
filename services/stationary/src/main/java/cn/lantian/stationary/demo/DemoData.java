package cn.lantian.stationary.demo;

import cn.lantian.reference.Csv;
import cn.lantian.reference.Jurisdiction;
import cn.lantian.reference.Jurisdictions;
import cn.lantian.reference.NamedEnterprise;
import cn.lantian.reference.NamedEnterprises;
import cn.lantian.stationary.registry.CreditCode;
import cn.lantian.stationary.registry.Enterprise;
import cn.lantian.stationary.registry.Facility;
import cn.lantian.stationary.registry.Registry;
import cn.lantian.stationary.rules.RulesJob;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Demonstration data when {@code lantian.demo.enabled=true}: the plan's four named enterprises and about 200
 * facilities across the counties and Tumxuk, boilers and stations on both sides of every rule, permits, emergency
 * lists (the hourly CEMS values come from the CEMS feed, through the public intake). Deterministic ids and upserts make it idempotent; a second start skips it.
 */
@Component
@ConditionalOnProperty(name = "lantian.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final String BY = "demo";
    private static final String[] INDUSTRIES = {"heating", "building-materials", "food", "textiles", "chemicals"};
    private static final String[] GRADES = {"A", "B", "B", "C", "C", "D"};

    private final Registry registry;
    private final Jurisdictions jurisdictions;
    private final DatabaseClient db;
    private final ObjectMapper json;
    private final RulesJob rules;
    private final DemoMonitoring monitoring;
    private final Clock clock;

    DemoData(
            Registry registry,
            Jurisdictions jurisdictions,
            DatabaseClient db,
            ObjectMapper json,
            RulesJob rules,
            DemoMonitoring monitoring,
            Clock clock) {
        this.registry = registry;
        this.jurisdictions = jurisdictions;
        this.db = db;
        this.json = json;
        this.rules = rules;
        this.monitoring = monitoring;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Long done = db.sql(
                        "select count(*) from registry_history where entity = 'enterprise' and entity_id = 'demo-complete'")
                .map(r -> r.get(0, Long.class))
                .one()
                .block();
        if (done != null && done > 0) {
            LOG.info("demo data present, skipped");
            return;
        }
        long started = System.currentTimeMillis();
        Random random = new Random(2024);
        DemoPlaces places = new DemoPlaces(jurisdictions, random);
        Instant now = clock.instant();
        List<Enterprise> enterprises = new ArrayList<>();
        List<Facility> facilities = new ArrayList<>();
        List<Facility> outlets = new ArrayList<>();

        for (NamedEnterprise n : NamedEnterprises.load()) {
            DemoPlaces.Point p = places.at(n.location()[0], n.location()[1]);
            String ultraLow =
                    n.id().equals("ent-jinling") || n.id().equals("ent-tianshan-yecheng") ? "started" : "not-started";
            Enterprise e = new Enterprise(
                    n.id(),
                    code(n.county(), enterprises.size()),
                    n.nameZh(),
                    n.industry(),
                    "B",
                    ultraLow,
                    p.placement(),
                    p.lon(),
                    p.lat(),
                    1,
                    now,
                    BY);
            enterprises.add(e);
            String kind = n.industry().startsWith("steel") ? "pellet-sinter" : "cement-kiln";
            for (int line = 1; line <= 2; line++) {
                Facility l = facility(
                        n.id() + "-line-" + line,
                        "line",
                        e,
                        null,
                        line + "# 生产线 production line " + line,
                        Map.of("product", n.industry().equals("cement") ? "clinker" : "pellets"),
                        p,
                        random);
                facilities.add(l);
                facilities.add(facility(
                        n.id() + "-line-" + line + "-step-1",
                        "step",
                        e,
                        l.id(),
                        kind.equals("cement-kiln") ? "熟料煅烧 clinker burning" : "球团焙烧 pellet roasting",
                        Map.of("process", kind),
                        p,
                        random));
                Facility o = facility(
                        n.id() + "-DA00" + line,
                        "outlet",
                        e,
                        l.id(),
                        "DA00" + line + " 主排放口 main stack",
                        Map.of("code", "DA00" + line, "sourceKind", kind, "cems", List.of("PM", "SO2", "NOx")),
                        p,
                        random);
                facilities.add(o);
                outlets.add(o);
            }
        }

        List<String> units = new ArrayList<>(jurisdictions.ofKind(Jurisdiction.Kind.COUNTY).stream()
                .map(Jurisdiction::id)
                .toList());
        units.add("xpcc-3");
        int index = 0;
        for (String unit : units) {
            int count = unit.equals("xpcc-3") || unit.equals("653101") || unit.equals("653125") ? 4 : 3;
            for (int i = 1; i <= count; i++) {
                DemoPlaces.Point p = places.in(unit);
                String id = "demo-ent-" + unit + "-" + i;
                String industry = INDUSTRIES[index % INDUSTRIES.length];
                enterprises.add(new Enterprise(
                        id,
                        code(p.placement().jurisdiction(), 10 + index),
                        name(unit, industry, i),
                        industry,
                        GRADES[index % GRADES.length],
                        "not-applicable",
                        p.placement(),
                        p.lon(),
                        p.lat(),
                        1,
                        now,
                        BY));
                index++;
            }
        }

        List<Map<String, String>> boilers = read("demo/boilers.csv");
        List<Map<String, String>> stations = read("demo/stations.csv");
        List<Enterprise> ordinary =
                enterprises.stream().filter(e -> e.id().startsWith("demo-ent-")).toList();
        for (int i = 0; i < 84; i++) {
            Map<String, String> b = boilers.get(i % boilers.size());
            Enterprise owner = ordinary.get(i % ordinary.size());
            DemoPlaces.Point p = near(owner, random);
            ObjectNode a = json.createObjectNode();
            a.put("fuel", b.get("fuel"))
                    .put("capacityTph", Double.parseDouble(b.get("capacityTph")))
                    .put("builtUp", Boolean.parseBoolean(b.get("builtUp")))
                    .put("year", Integer.parseInt(b.get("year")))
                    .put("dustRemoval", b.get("dustRemoval"))
                    .put("denitration", b.get("denitration"));
            if (Boolean.parseBoolean(b.get("ultraLow"))) {
                a.put("ultraLow", true);
            }
            if (!b.get("noxMgM3").isBlank()) {
                a.put("noxMgM3", Double.parseDouble(b.get("noxMgM3")));
            }
            var cems = a.putArray("cems");
            List<String> monitored =
                    b.get("cems").isBlank() ? List.of() : List.of(b.get("cems").split(";"));
            monitored.forEach(cems::add);
            String boilerId = String.format("demo-boiler-%03d", i + 1);
            if (!monitored.isEmpty()) {
                String outletId = String.format("demo-outlet-%03d", i + 1);
                a.put("outletId", outletId);
                Facility o = facility(
                        outletId,
                        "outlet",
                        owner,
                        null,
                        "DA" + String.format("%03d", i + 1) + " 锅炉排放口 boiler stack",
                        Map.of(
                                "code",
                                String.format("DA%03d", i + 1),
                                "sourceKind",
                                b.get("fuel") + "-boiler",
                                "cems",
                                monitored),
                        p,
                        random);
                facilities.add(o);
                outlets.add(o);
            }
            facilities.add(new Facility(
                    boilerId,
                    "boiler",
                    owner.id(),
                    null,
                    (i + 1) + "# " + b.get("fuel") + " " + b.get("capacityTph") + " t/h",
                    b.get("status"),
                    p.placement(),
                    p.lon(),
                    p.lat(),
                    a,
                    1,
                    now,
                    BY));
        }
        LocalDate today = LocalDate.now(clock);
        for (int i = 0; i < 56; i++) {
            Map<String, String> s = stations.get(i % stations.size());
            Enterprise owner = ordinary.get((i * 7) % ordinary.size());
            DemoPlaces.Point p = near(owner, random);
            ObjectNode a = json.createObjectNode();
            a.put("petrolSalesTpy", Double.parseDouble(s.get("petrolSalesTpy")))
                    .put("vapourRecovery", Boolean.parseBoolean(s.get("vapourRecovery")))
                    .put("autoMonitoring", Boolean.parseBoolean(s.get("autoMonitoring")));
            if (!s.get("testAgeDays").isBlank()) {
                a.put(
                        "lastVapourTest",
                        today.minusDays(Long.parseLong(s.get("testAgeDays"))).toString());
                a.put("lastVapourTestPassed", Boolean.parseBoolean(s.get("testPassed")));
            }
            String kind = s.get("kind");
            facilities.add(new Facility(
                    String.format("demo-%s-%03d", kind, i + 1),
                    kind,
                    owner.id(),
                    null,
                    (kind.equals("oil-depot") ? "油库 oil depot " : "加油站 petrol station ") + (i + 1),
                    "operating",
                    p.placement(),
                    p.lon(),
                    p.lat(),
                    a,
                    1,
                    now,
                    BY));
        }
        for (int i = 0; i < 16; i++) {
            Enterprise owner = ordinary.get((i * 5 + 3) % ordinary.size());
            DemoPlaces.Point p = near(owner, random);
            ObjectNode a = json.createObjectNode();
            a.put("licence", "MT-" + (1000 + i))
                    .put("lastInspection", today.minusDays(20L + i * 13).toString())
                    .put("coalQualityPassed", i % 5 != 0);
            facilities.add(new Facility(
                    String.format("demo-coal-dealer-%03d", i + 1),
                    "coal-dealer",
                    owner.id(),
                    null,
                    "煤炭经营点 coal dealer " + (i + 1),
                    "operating",
                    p.placement(),
                    p.lon(),
                    p.lat(),
                    a,
                    1,
                    now,
                    BY));
        }

        Flux.fromIterable(enterprises)
                .concatMap(e -> registry.enterprise(e.id())
                        .hasElement()
                        .flatMap(exists -> exists ? Mono.empty() : registry.save(e)))
                .thenMany(Flux.fromIterable(facilities)
                        .concatMap(f -> registry.facility(f.id())
                                .hasElement()
                                .flatMap(exists -> exists ? Mono.empty() : registry.save(f))))
                .then()
                .block();
        monitoring.seed(enterprises, outlets, today);
        Long evaluated = rules.runAll().block();
        registry.history(
                        "enterprise",
                        "demo-complete",
                        1,
                        json.createObjectNode().put("facilities", facilities.size()),
                        now,
                        BY)
                .block();
        LOG.info(
                "demo data: {} enterprises, {} facilities, {} records evaluated in {} ms (hourly CEMS values come from the feeds)",
                enterprises.size(),
                facilities.size(),
                evaluated,
                System.currentTimeMillis() - started);
    }

    private Facility facility(
            String id,
            String kind,
            Enterprise owner,
            String parent,
            String name,
            Map<String, Object> attributes,
            DemoPlaces.Point p,
            Random random) {
        return new Facility(
                id,
                kind,
                owner.id(),
                parent,
                name,
                "operating",
                owner.placement(),
                owner.lon(),
                owner.lat(),
                json.valueToTree(attributes),
                1,
                clock.instant(),
                BY);
    }

    /** A point a few hundred metres from the enterprise, in the same place. */
    private DemoPlaces.Point near(Enterprise owner, Random random) {
        double lon = Math.round((owner.lon() + (random.nextDouble() - 0.5) * 0.01) * 10000) / 10000.0;
        double lat = Math.round((owner.lat() + (random.nextDouble() - 0.5) * 0.01) * 10000) / 10000.0;
        return jurisdictions
                .locate(lon, lat)
                .filter(p -> p.equals(owner.placement()))
                .map(p -> new DemoPlaces.Point(lon, lat, p))
                .orElse(new DemoPlaces.Point(owner.lon(), owner.lat(), owner.placement()));
    }

    private String name(String unit, String industry, int i) {
        String place = jurisdictions.byId(unit).map(Jurisdiction::nameZh).orElse(unit);
        String what = switch (industry) {
            case "heating" -> "热力有限公司";
            case "building-materials" -> "建材有限公司";
            case "food" -> "食品有限公司";
            case "textiles" -> "纺织有限公司";
            default -> "化工有限公司";
        };
        return place + "示范" + "一二三四五".charAt(i - 1) + what;
    }

    /** A well-formed unified social credit code (demo only: not a real enterprise's). */
    private static String code(String county, int n) {
        String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder b = new StringBuilder("91")
                .append(county.startsWith("xpcc") ? "659003" : county)
                .append("MA");
        long v = 7_000_000L + n * 7919L;
        for (int i = 0; i < 7; i++) {
            b.append(chars.charAt((int) (v % 31)));
            v /= 31;
        }
        return b + String.valueOf(CreditCode.checkCharacter(b.toString()));
    }

    private static List<Map<String, String>> read(String path) {
        try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(path)) {
            return Csv.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
