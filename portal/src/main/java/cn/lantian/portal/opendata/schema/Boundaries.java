package cn.lantian.portal.opendata.schema;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The county, development-zone and Corps boundaries as a GeoJSON FeatureCollection. */
@Schema(description = "Boundaries of the prefecture, its counties, development zones and Corps units (ODbL)")
public record Boundaries(
        String type,
        String attribution,
        @Schema(description = "SPDX id, ODbL-1.0") String licence,
        List<Boundary> features) {

    /** One unit's boundary; geometry is null where none is drawn. */
    public record Boundary(String type, BoundaryGeometry geometry, BoundaryProperties properties) {}

    /** A GeoJSON geometry: a MultiPolygon, or a Point where only the seat is known. */
    public record BoundaryGeometry(
            String type,

            @Schema(description = "GeoJSON coordinates, nested as the geometry type requires")
            List<Object> coordinates) {}

    /** A unit's names and place in the hierarchy. */
    @Schema(
            description =
                    "kind is prefecture, county, development-zone, corps-division or corps-unit; hostCounty is the county a Corps unit lies in; "
                            + "note, town, verification and inKashgar are present only where they apply")
    public record BoundaryProperties(
            String id,
            String kind,
            String nameZh,
            String nameEn,
            String nameUg,
            List<String> aliases,
            String parent,
            String hostCounty,
            List<Double> centroid,
            String note,
            String town,
            String verification,
            Boolean inKashgar) {}
}
