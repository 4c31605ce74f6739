package cn.lantian.portal.opendata.schema;

import io.swagger.v3.oas.annotations.media.Schema;

/** A station's latest hour with every concentration (JSON). */
@Schema(description = "A station's latest hour: AQI and the six concentrations, with units and the data flag")
public record LatestConcentrations(
        LicenceField licence,
        String station,
        @Schema(format = "date-time") String hour,
        String times,
        Integer aqi,
        String primary,
        Double pm25,
        Double pm10,
        Double so2,
        Double no2,
        Double co,
        Double o3,
        String quality,
        String qualityReason,
        ObservationsPage.Units units) {}
