package cn.lantian.mobile.sensing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Reads of stored readings: where a roadside device's data stands, so that its system resumes instead of resending. */
@Repository
class StoredReadings {

    private final DatabaseClient db;

    StoredReadings(DatabaseClient db) {
        this.db = db;
    }

    /**
     * The time of the newest reading of this kind taken at exactly this place, among the units the caller sees
     * ({@code null}: every unit); empty when none is stored there.
     */
    Mono<Optional<Instant>> latest(String check, double lon, double lat, List<String> units) {
        String visible = units == null ? "" : " and (jurisdiction = any(:units) or corps_unit = any(:units))";
        DatabaseClient.GenericExecuteSpec spec = db.sql(
                        "select max(at) as latest from reading where lon = :lon and lat = :lat and check_kind = :check"
                                + visible)
                .bind("lon", lon)
                .bind("lat", lat)
                .bind("check", check);
        if (units != null) {
            spec = spec.bind("units", units.toArray(String[]::new));
        }
        return spec.map(r -> Optional.ofNullable(r.get("latest", OffsetDateTime.class))
                        .map(OffsetDateTime::toInstant))
                .one()
                .defaultIfEmpty(Optional.empty());
    }
}
