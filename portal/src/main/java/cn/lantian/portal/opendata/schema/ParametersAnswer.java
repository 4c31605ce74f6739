package cn.lantian.portal.opendata.schema;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The measured parameters with units, averaging and limits, and the data flags (JSON). */
@Schema(
        description = "The parameters the data carries, with units, averaging periods and the standard's limits; "
                + "and the HJ 212 data flags with their reasons")
public record ParametersAnswer(
        LicenceField licence,
        String source,
        @Schema(format = "date") String asOf,
        List<Parameter> items,
        String flagSource,
        List<Flag> flags) {

    /** One parameter. */
    @Schema(description = "A pollutant or the AQI; unit is a code (ug/m3, mg/m3, '1' for the index)")
    public record Parameter(
            String id,
            String nameZh,
            String nameEn,
            String unit,
            String unitLabel,
            String hourly,
            String daily,
            List<Limit> limitsInForce,
            List<Limit> limits) {}

    /** A limit of a standard. */
    @Schema(
            description = "A grade 2 limit of GB 3095 for one averaging period, in the parameter's unit; from and to "
                    + "are the days it applies (null: open)")
    public record Limit(
            String standard,
            String averaging,
            Double value,
            @Schema(format = "date") String from,
            @Schema(format = "date") String to) {}

    /** A data flag. */
    @Schema(description = "An HJ 212 data flag: whether an hour with it counts, and why not")
    public record Flag(String code, Boolean valid, String reason) {}
}
