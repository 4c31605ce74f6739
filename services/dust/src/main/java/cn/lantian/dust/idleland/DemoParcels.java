package cn.lantian.dust.idleland;

import cn.lantian.dust.demo.DemoPlaces;
import cn.lantian.reference.Jurisdictions;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Demonstration parcels when {@code lantian.demo.enabled=true}: 200 idle parcels, idle since 10 to 400 days ago;
 * those idle more than three months open their tasks through the outbox for the greening service. Fixed ids; a
 * second start only opens the tasks that have become due since.
 */
@Component
@Order(3)
@ConditionalOnProperty(name = "lantian.demo.enabled", havingValue = "true")
class DemoParcels implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoParcels.class);

    private final Parcels parcels;
    private final IdleLandService service;
    private final Jurisdictions jurisdictions;

    DemoParcels(Parcels parcels, IdleLandService service, Jurisdictions jurisdictions) {
        this.parcels = parcels;
        this.service = service;
        this.jurisdictions = jurisdictions;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (parcels.byId("demo-parcel-0200").blockOptional().isEmpty()) {
            Random random = new Random(2027);
            DemoPlaces places = new DemoPlaces(jurisdictions, random);
            List<String> units = places.units();
            Flux.range(1, 200)
                    .concatMap(i -> {
                        DemoPlaces.Point p = places.in(units.get(i % units.size()));
                        return parcels.insert(new Parcel(
                                "demo-parcel-%04d".formatted(i),
                                BigDecimal.valueOf(500 + random.nextInt(30_000)),
                                service.today().minusDays(10 + random.nextInt(390)),
                                "演示闲置地块 %04d 号".formatted(i),
                                p.lon(),
                                p.lat(),
                                p.placement().jurisdiction(),
                                p.placement().corpsUnit(),
                                "idle"));
                    })
                    .then()
                    .block();
        }
        LOG.info("demo parcels: {} idle-land tasks opened", service.judgeAll().block());
    }
}
