package cn.lantian.dust.muck;

import cn.lantian.dust.demo.DemoPlaces;
import cn.lantian.reference.Jurisdictions;
import cn.lantian.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Demonstration muck-truck violations when {@code lantian.demo.enabled=true}: for each of the last 90 days up to now,
 * none to three violations by a fleet of 40 trucks (so some are repeat offenders) across the counties and the Corps
 * division, each published as {@code muck-truck-violation}. Ids name the day, so a later start fills in the days since
 * and leaves the others as they are.
 */
@Component
@Order(6)
@ConditionalOnProperty(name = "lantian.demo.enabled", havingValue = "true")
class DemoMuckTrucks implements ApplicationRunner {

    static final int DAYS = 90;
    private static final Logger LOG = LoggerFactory.getLogger(DemoMuckTrucks.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Caller DEMO =
            new Caller("demo", Set.of("urban-management"), "prefecture", Jurisdictions.PREFECTURE, true);

    private final MuckViolations violations;
    private final Jurisdictions jurisdictions;
    private final Clock clock;

    DemoMuckTrucks(MuckViolations violations, Jurisdictions jurisdictions, Clock clock) {
        this.violations = violations;
        this.jurisdictions = jurisdictions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<MuckViolation> all = new ArrayList<>();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, CHINA);
        for (int back = DAYS - 1; back >= 0; back--) {
            LocalDate day = today.minusDays(back);
            // Seeded by the day, so a day's violations are the same whenever the platform starts.
            Random random = new Random(day.toEpochDay());
            DemoPlaces places = new DemoPlaces(jurisdictions, random);
            List<String> units = places.units();
            int count = random.nextInt(4);
            for (int n = 1; n <= count; n++) {
                Instant at = day.atTime(7 + random.nextInt(14), random.nextInt(60))
                        .atZone(CHINA)
                        .toInstant();
                if (at.isAfter(now)) {
                    continue;
                }
                DemoPlaces.Point p = places.in(units.get(random.nextInt(units.size())));
                List<String> kinds = new ArrayList<>(List.of(MuckController.KINDS.get(random.nextInt(5))));
                String second = MuckController.KINDS.get(random.nextInt(5));
                if (random.nextInt(3) == 0 && !kinds.contains(second)) {
                    kinds.add(second);
                }
                String id = "demo-muck-%s-%d".formatted(day, n);
                all.add(new MuckViolation(
                        id,
                        "新Q%c%04d".formatted((char) ('A' + random.nextInt(4)), 1000 + random.nextInt(10) * 7),
                        List.copyOf(kinds),
                        at,
                        null,
                        p.lon(),
                        p.lat(),
                        p.placement().jurisdiction(),
                        p.placement().corpsUnit(),
                        List.of("demo://muck/" + id + "-1.jpg", "demo://muck/" + id + "-2.jpg")));
            }
        }
        long written = Flux.fromIterable(all)
                .concatMap(v -> violations
                        .exists(v.id())
                        .flatMapMany(known -> known ? Flux.empty() : violations.record(DEMO, v)))
                .count()
                .block();
        LOG.info("demo muck-truck violations: {} written, {} already present", written, all.size() - written);
    }
}
