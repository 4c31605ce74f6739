package cn.lantian.portal.opendata.schema;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A page of straw use per unit and season (JSON). */
@Schema(description = "A page of straw use per county or Corps unit and season; 'next' is the cursor of the next page")
public record StrawUsePage(LicenceField licence, List<StrawUse> items, String next) {

    /** One unit's straw use in one season. */
    @Schema(
            description = "Crop area (ha), straw produced and used by way (t), the utilisation rate against the "
                    + "national target with its source, and burning incidents per 1,000 ha of cropland")
    public record StrawUse(
            String unit,
            String season,
            Double cropAreaHa,
            Double producedT,
            Double returnedT,
            Double feedT,
            Double fuelT,
            Double rawMaterialT,
            Double baseMaterialT,
            Double utilisationRate,
            Double target,
            boolean meetsTarget,
            Integer burningIncidents,
            Double incidentsPer1000Ha,
            String targetSource) {}
}
