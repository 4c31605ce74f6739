package cn.lantian.portal.opendata.schema;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A page of satellite fire-point incidents as a GeoJSON FeatureCollection of points. */
@Schema(
        description =
                "A page of fire-point incidents as GeoJSON points (WGS 84); 'next' is the cursor of the next page")
public record FireIncidentsGeoJson(String type, LicenceField licence, List<IncidentFeature> features, String next) {

    /** One incident as a GeoJSON feature. */
    public record IncidentFeature(
            String type, String id, StationsGeoJson.PointGeometry geometry, IncidentProperties properties) {}

    /** An incident's properties: those of the JSON list without the coordinates. */
    public record IncidentProperties(
            String id,
            String county,
            String corpsUnit,
            Instant firstDetectedAt,
            Instant lastDetectedAt,
            Integer detections,
            List<String> satellites,
            String status,
            String verdict,
            String material,
            boolean duringAlert) {}
}
