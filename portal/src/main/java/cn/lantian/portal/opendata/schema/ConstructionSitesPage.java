package cn.lantian.portal.opendata.schema;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A page of construction sites with their dust monitors (JSON). */
@Schema(description = "A page of construction sites, by id; 'next' is the cursor of the next page")
public record ConstructionSitesPage(LicenceField licence, List<ConstructionSite> items, String next) {

    /** One construction site. */
    @Schema(
            description = "A site: place (WGS 84), phase and status (dust's codes), monitorStatus monitored, silent,"
                    + " missing or not-required, latestPm10 in µg/m³ (null without a reading) for the hour ending at"
                    + " latestHour (UTC)")
    public record ConstructionSite(
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
