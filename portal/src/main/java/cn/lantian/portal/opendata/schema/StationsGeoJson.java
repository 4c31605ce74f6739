package cn.lantian.portal.opendata.schema;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A page of monitoring stations as a GeoJSON FeatureCollection of points. */
@Schema(description = "A page of stations as GeoJSON points (WGS 84); 'next' is the cursor of the next page")
public record StationsGeoJson(String type, LicenceField licence, List<StationFeature> features, String next) {

    /** One station as a GeoJSON feature. */
    public record StationFeature(String type, String id, PointGeometry geometry, StationProperties properties) {}

    /** A GeoJSON point: longitude, latitude. */
    public record PointGeometry(String type, List<Double> coordinates) {}

    /** A station's properties: those of the JSON list without the coordinates. */
    public record StationProperties(
            String id,
            String nameZh,
            String nameEn,
            String nameUg,
            String kind,
            String county,
            String corpsUnit,
            String timeZone,
            String operator,
            Double elevationM,
            String operatingSince,
            StationsPage.LatestHour latest) {}
}
