package cn.lantian.portal.opendata.schema;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A page of hourly or daily observations (JSON). */
@Schema(description = "A page of observations, by station then time; 'next' is the cursor of the next page")
public record ObservationsPage(LicenceField licence, String resolution,
        @Schema(description = "how to read the times: hours in UTC labelled by their end; days in Beijing time")
        String times, Units units, List<Observation> items,
        String next) {

    /** The units of the values. */
    @Schema(description = "co in mg/m3, the others in ug/m3; o3 is the 1-hour mean (hourly) or daily maximum 8-hour mean")
    public record Units(String co, String others, String o3) {
    }

    /** One station's hour or day. */
    @Schema(description = "One station's hour (hourly) or day (daily); only the pollutants asked for are present; "
            + "flag is 'invalid' for flagged hours and 'dust' for dust days")
    public record Observation(String station, @Schema(format = "date-time") String hour,
            @Schema(format = "date") String day, Integer aqi, Double pm25, Double pm10, Double so2, Double no2,
            Double co, Double o3, String primary, String flag) {
    }
}
