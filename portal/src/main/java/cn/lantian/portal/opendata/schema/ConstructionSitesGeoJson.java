package cn.lantian.portal.opendata.schema;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A page of construction sites as a GeoJSON FeatureCollection of points. */
@Schema(description = "A page of construction sites as GeoJSON points (WGS 84); 'next' is the cursor of the next page")
public record ConstructionSitesGeoJson(String type, LicenceField licence, List<SiteFeature> features, String next) {

    /** One site as a GeoJSON feature. */
    public record SiteFeature(
            String type, String id, StationsGeoJson.PointGeometry geometry, SiteProperties properties) {}

    /** A site's properties: those of the JSON list. */
    public record SiteProperties(
            String id,
            String project,
            String builder,
            Double areaM2,
            String phase,
            String status,
            String county,
            String corpsUnit,
            double longitude,
            double latitude,
            String monitorStatus,
            Double latestPm10,
            Instant latestHour) {}
}
