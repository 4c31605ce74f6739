package cn.lantian.straw.firepoint;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/**
 * Incidents as public GeoJSON features: what a reader of the map needs and nothing about people (no patroller, no
 * note, no assignee).
 */
@Repository
public class PublicIncidents {

    private static final int MAX_FEATURES = 20000;

    private final DatabaseClient db;

    PublicIncidents(DatabaseClient db) {
        this.db = db;
    }

    /** The features of incidents first detected in [from, to), of one county when given, at most 20,000. */
    public Flux<Map<String, Object>> features(Instant from, Instant to, String county) {
        String sql = """
                select id, lon, lat, first_at, last_at, detections, satellites, jurisdiction, corps_unit, status,
                       verdict, material, alert_id
                from incident where first_at >= :from and first_at < :to"""
                + (county == null ? "" : " and (jurisdiction = :county or corps_unit = :county)")
                + " order by first_at, id limit " + MAX_FEATURES;
        var spec = db.sql(sql).bind("from", from).bind("to", to);
        if (county != null) {
            spec = spec.bind("county", county);
        }
        return spec.map((r, m) -> {
                    Map<String, Object> properties = new LinkedHashMap<>();
                    properties.put("id", r.get("id", String.class));
                    properties.put("county", r.get("jurisdiction", String.class));
                    properties.put("corpsUnit", r.get("corps_unit", String.class));
                    properties.put("firstDetectedAt", r.get("first_at", Instant.class));
                    properties.put("lastDetectedAt", r.get("last_at", Instant.class));
                    properties.put("detections", r.get("detections", Integer.class));
                    properties.put("satellites", List.of(r.get("satellites", String[].class)));
                    properties.put("status", r.get("status", String.class));
                    properties.put("verdict", r.get("verdict", String.class));
                    properties.put("material", r.get("material", String.class));
                    properties.put("duringAlert", r.get("alert_id", String.class) != null);
                    Map<String, Object> feature = new LinkedHashMap<>();
                    feature.put("type", "Feature");
                    feature.put("id", r.get("id", String.class));
                    feature.put(
                            "geometry",
                            Map.of(
                                    "type",
                                    "Point",
                                    "coordinates",
                                    List.of(r.get("lon", Double.class), r.get("lat", Double.class))));
                    feature.put("properties", properties);
                    return feature;
                })
                .all();
    }
}
