package cn.lantian.portal.opendata.schema;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A page of enterprise disclosures (JSON). */
@Schema(description = "A page of enterprise disclosures, by id; 'next' is the cursor of the next page")
public record EnterprisesPage(LicenceField licence, List<Enterprise> items, String next) {

    /** One enterprise's disclosure with its closed cases. */
    @Schema(description = "ultraLow is not-started, started, completed or not-applicable")
    public record Enterprise(
            String id,
            String name,
            String industry,
            String county,
            String corpsUnit,
            String ultraLow,
            List<Permit> permits,
            List<Exceedance> exceedances,
            List<CasesPage.ClosedCase> closedCases) {}

    /** A discharge permit. */
    @Schema(description = "A discharge permit; status is valid, revoked or expired")
    public record Permit(String number, LocalDate validFrom, LocalDate validUntil, String status) {}

    /** An hour above the permit limit. */
    @Schema(
            description =
                    "An hour whose value (mg/m3 at reference oxygen) was above the permit limit; ratio = value / limit")
    public record Exceedance(
            String outletCode,
            String pollutant,
            Instant hour,
            Double value,
            Double limit,
            Double ratio,
            boolean escalated) {}
}
