package cn.lantian.dust.emergency;

import cn.lantian.dust.access.Access;
import cn.lantian.dust.db.Binds;
import cn.lantian.security.Callers;
import java.time.Instant;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The alerts in force in the caller's jurisdiction, with the dust measures of their level. */
@RestController
class EmergencyController {

    /** An alert and its measures. */
    record InForce(String alertId, String county, String level, Instant effectiveFrom, List<Measure> measures) {}

    private final DatabaseClient db;
    private final EmergencyService emergency;
    private final Access access;

    EmergencyController(DatabaseClient db, EmergencyService emergency, Access access) {
        this.db = db;
        this.emergency = emergency;
        this.access = access;
    }

    @GetMapping("/api/dust/v1/emergencies")
    Mono<List<InForce>> inForce() {
        return Callers.current().flatMap(caller -> {
            List<String> units = access.visibleUnits(caller);
            var spec = db.sql("select * from emergency_alert where lifted_at is null"
                    + (units == null ? "" : " and county = any(:units)") + " order by effective_from desc");
            if (units != null) {
                spec = spec.bind("units", units.toArray(String[]::new));
            }
            return spec.map(r -> new InForce(
                            r.get("alert_id", String.class),
                            r.get("county", String.class),
                            r.get("level", String.class),
                            Binds.instant(r, "effective_from"),
                            emergency.measures(r.get("level", String.class))))
                    .all()
                    .collectList();
        });
    }
}
