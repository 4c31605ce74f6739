package cn.lantian.portal.opendata.schema;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A page of monitoring stations with their latest hourly AQI (JSON). */
@Schema(description = "A page of stations; 'next' is the cursor of the next page, null on the last")
public record StationsPage(LicenceField licence, List<Station> items, String next) {

    /** One monitoring station. */
    @Schema(
            description =
                    "A monitoring station; county is the division code, corpsUnit the Corps unit id when it is one")
    public record Station(
            String id,
            String nameZh,
            String nameEn,

            @Schema(description = "Uyghur name; null when the owner has none")
            String nameUg,

            String kind,
            String county,
            String corpsUnit,
            Double longitude,
            Double latitude,

            @Schema(description = "the station's local time zone (IANA); published hours are UTC")
            String timeZone,

            @Schema(description = "who runs the station; null when not known")
            String operator,

            @Schema(description = "metres above sea level; null when not known")
            Double elevationM,

            @Schema(format = "date", description = "the first day the station reported; null when not known")
            String operatingSince,

            LatestHour latest) {}

    /** A station's latest hourly AQI and its category; null when the station has none. */
    @Schema(description = "The latest hourly AQI (HJ 633) with its category; null when the station has no value")
    public record LatestHour(
            @Schema(format = "date-time") String hour,
            Integer aqi,
            Integer category,
            String categoryZh,
            String categoryEn,
            String colour,
            String primary,
            String standard) {}
}
