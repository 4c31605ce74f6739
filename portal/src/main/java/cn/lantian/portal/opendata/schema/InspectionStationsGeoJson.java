package cn.lantian.portal.opendata.schema;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A page of inspection stations as GeoJSON, each drawn as the unit it lies in. */
@Schema(
        description = "A page of inspection stations as GeoJSON; the owner holds no address, so each geometry is the"
                + " boundary of the county or Corps unit the station lies in (ODbL), null where none is drawn")
public record InspectionStationsGeoJson(
        String type,
        LicenceField licence,
        Instant from,
        Instant to,
        List<InspectionStationFeature> features,
        String next) {

    /** One station as a GeoJSON feature. */
    public record InspectionStationFeature(
            String type,
            String id,
            Boundaries.BoundaryGeometry geometry,
            InspectionStationsPage.InspectionStation properties) {}
}
