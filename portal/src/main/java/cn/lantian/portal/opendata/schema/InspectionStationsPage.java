package cn.lantian.portal.opendata.schema;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A page of vehicle inspection stations with their pass rates (JSON). */
@Schema(
        description = "A page of inspection stations, by id, with their tests over [from, to) (the year up to the"
                + " owner's answer); 'next' is the cursor of the next page")
public record InspectionStationsPage(
        LicenceField licence, Instant from, Instant to, List<InspectionStation> items, String next) {

    /** One emission-inspection (I/M) station. */
    @Schema(
            description = "licence is the station's inspection-body qualification number; unit the county or Corps"
                    + " unit it lies in; passRate passes over tests in percent with one decimal (null without tests);"
                    + " confirmedFraudCases the fraud findings the regulator confirmed")
    public record InspectionStation(
            String id,
            String name,
            String licence,
            String unit,
            Integer lanes,
            long tests,
            long passes,
            Double passRate,
            long confirmedFraudCases) {}
}
