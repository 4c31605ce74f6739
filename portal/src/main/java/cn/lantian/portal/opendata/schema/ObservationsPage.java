package cn.lantian.portal.opendata.schema;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A page of hourly or daily observations (JSON). */
@Schema(description = "A page of observations, by station then time; 'next' is the cursor of the next page")
public record ObservationsPage(
        LicenceField licence,
        String resolution,

        @Schema(description = "how to read the times: hours in UTC labelled by their end; days in Beijing time")
        String times,

        Units units,
        Averaging averaging,
        List<Observation> items,
        String next) {

    /** The unit of each value. */
    @Schema(description = "the unit of each value: ug/m3, co mg/m3, aqi the dimensionless index ('1')")
    public record Units(String aqi, String pm25, String pm10, String so2, String no2, String co, String o3) {}

    /** The averaging period of each value. */
    @Schema(
            description = "what each value averages: the 1-hour mean (hourly); the 24-hour mean or, for o3, the daily "
                    + "maximum 8-hour mean (daily)")
    public record Averaging(String aqi, String pm25, String pm10, String so2, String no2, String co, String o3) {}

    /** One station's hour or day. */
    @Schema(
            description = "One station's hour (hourly) or day (daily); only the pollutants asked for are present; "
                    + "flag is 'invalid' for flagged hours and 'dust' for dust days")
    public record Observation(
            String station,
            @Schema(format = "date-time") String hour,
            @Schema(format = "date") String day,
            Integer aqi,
            Double pm25,
            Double pm10,
            Double so2,
            Double no2,
            Double co,
            Double o3,
            String primary,
            String flag,

            @Schema(description = "hourly: the HJ 212 data flag (N normal, M maintenance, C calibration, D fault, ...)")
            String quality,

            @Schema(description = "hourly: why a flagged hour does not count; null for a normal hour")
            String qualityReason) {}
}
