package cn.lantian.portal.opendata.schema;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A page of heavy-pollution alerts (JSON). */
@Schema(description = "A page of heavy-pollution alerts, by id; 'next' is the cursor of the next page")
public record AlertsPage(LicenceField licence, List<Alert> items, String next) {

    /** One alert. */
    @Schema(description = "A heavy-pollution alert; endedAt is null while it is in force (active)")
    public record Alert(
            String id,
            String county,
            String level,
            Instant effectiveFrom,
            Instant endedAt,
            String basis,
            List<String> measures,
            boolean active) {}
}
