package cn.lantian.portal.opendata.schema;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A page of afforestation projects and sand-closure areas (JSON, without outlines). */
@Schema(description = "A page of green areas, by id; 'next' is the cursor of the next page; outlines in GeoJSON")
public record GreenAreasPage(LicenceField licence, List<GreenArea> items, String next) {

    /** One afforestation project or sand-closure area. */
    @Schema(
            description = "kind project or closure; programme (projects: greening's code, e.g. three-north) or level"
                    + " (closure areas: national or regional); year is the planting year of a project, the designation"
                    + " year of a closure area; hectares and mu the planted area or the closure's area; survivalPercent"
                    + " a project's latest survival check (null when unchecked, and for closure areas)")
    public record GreenArea(
            String id,
            String kind,
            String name,
            String programme,
            String level,
            String county,
            String corpsUnit,
            Integer year,
            Double hectares,
            Double mu,
            Double survivalPercent) {}
}
