package cn.lantian.portal.opendata.schema;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A page of green areas as a GeoJSON FeatureCollection of multipolygons. */
@Schema(description = "A page of green areas as GeoJSON multipolygons (WGS 84); 'next' is the cursor of the next page")
public record GreenAreasGeoJson(String type, LicenceField licence, List<AreaFeature> features, String next) {

    /** One area as a GeoJSON feature; geometry is null where the owner holds no outline. */
    public record AreaFeature(
            String type, String id, Boundaries.BoundaryGeometry geometry, GreenAreasPage.GreenArea properties) {}
}
