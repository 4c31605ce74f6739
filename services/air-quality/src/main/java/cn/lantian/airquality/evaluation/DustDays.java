package cn.lantian.airquality.evaluation;

import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Days the meteorological service flagged as sand and dust, per unit, with their basis. */
@Repository
class DustDays {

    private final DatabaseClient db;

    DustDays(DatabaseClient db) {
        this.db = db;
    }

    /** The year's flagged days: unit, then day, then basis. */
    Mono<Map<String, Map<LocalDate, String>>> ofYear(int year) {
        return db.sql("select jurisdiction, day, basis from dust_day where day between :from and :to")
                .bind("from", LocalDate.of(year, 1, 1))
                .bind("to", LocalDate.of(year, 12, 31))
                .map(r -> new Object[] {
                    r.get("jurisdiction", String.class), r.get("day", LocalDate.class), r.get("basis", String.class)
                })
                .all()
                .collect(Collectors.groupingBy(
                        a -> (String) a[0], Collectors.toMap(a -> (LocalDate) a[1], a -> (String) a[2])));
    }
}
