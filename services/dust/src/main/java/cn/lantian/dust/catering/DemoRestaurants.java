package cn.lantian.dust.catering;

import cn.lantian.dust.demo.DemoPlaces;
import cn.lantian.reference.Jurisdictions;
import cn.lantian.security.Caller;
import java.math.BigDecimal;
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
 * Demonstration catering premises when {@code lantian.demo.enabled=true}: 500 restaurants of 1 to 12 cooking heads;
 * about one in ten has its purifier idle, removed or short of its class's efficiency, which raises
 * {@code catering-violation} through the outbox. Fixed ids; a second start skips it.
 */
@Component
@Order(4)
@ConditionalOnProperty(name = "lantian.demo.enabled", havingValue = "true")
class DemoRestaurants implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoRestaurants.class);
    private static final Caller DEMO =
            new Caller("demo", Set.of("market-regulation"), "prefecture", Jurisdictions.PREFECTURE, true);
    private static final String[] KINDS = {"拌面馆", "烤肉店", "抓饭馆", "火锅店", "快餐店", "食堂"};

    private final Restaurants restaurants;
    private final CateringService service;
    private final Jurisdictions jurisdictions;

    DemoRestaurants(Restaurants restaurants, CateringService service, Jurisdictions jurisdictions) {
        this.restaurants = restaurants;
        this.service = service;
        this.jurisdictions = jurisdictions;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (restaurants.byId("demo-rest-0500").blockOptional().isPresent()) {
            LOG.info("demo restaurants present, skipped");
            return;
        }
        Random random = new Random(2028);
        DemoPlaces places = new DemoPlaces(jurisdictions, random);
        List<String> units = places.units();
        Flux.range(1, 500)
                .concatMap(i -> {
                    DemoPlaces.Point p = places.in(units.get(i % units.size()));
                    int heads = 1 + random.nextInt(12);
                    int roll = random.nextInt(30);
                    String status = roll == 0 ? "idle" : roll == 1 ? "removed" : "running";
                    double needed = heads < 3 ? 60 : heads < 6 ? 75 : 85;
                    double efficiency = roll == 2 ? needed - 5 - random.nextInt(10) : needed + random.nextInt(12);
                    return service.save(
                            DEMO,
                            service.check(
                                    new CateringService.RestaurantInput(
                                            "demo-rest-%04d".formatted(i),
                                            "演示%s %04d".formatted(KINDS[i % KINDS.length], i),
                                            null,
                                            null,
                                            p.lon(),
                                            p.lat(),
                                            heads,
                                            "JD-%d".formatted(heads * 100),
                                            BigDecimal.valueOf(Math.min(99, efficiency)),
                                            status,
                                            heads >= 6),
                                    null));
                })
                .then()
                .block();
        LOG.info("demo restaurants written: 500");
    }
}
