package cn.lantian.portal.opendata.schema;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A page of satellite fire-point incidents (JSON). */
@Schema(description = "A page of satellite fire-point incidents, by id; 'next' is the cursor of the next page")
public record FireIncidentsPage(LicenceField licence, List<FireIncident> items, String next) {

    /** One incident: one fire, merged from the detections of one or more satellites. */
    @Schema(
            description = "An incident: place (WGS 84), times, satellites and the patrol's verdict; status open or "
                    + "handled, verdict burning-confirmed, false-alarm or industrial-source, material straw, leaves "
                    + "or rubbish")
    public record FireIncident(
            String id,
            String county,
            String corpsUnit,
            double longitude,
            double latitude,
            Instant firstDetectedAt,
            Instant lastDetectedAt,
            Integer detections,
            List<String> satellites,
            String status,
            String verdict,
            String material,
            boolean duringAlert) {}
}
