package cn.lantian.airquality.aqi;

import java.util.List;

/**
 * An AQI and how it was reached.
 *
 * @param standard id of the standard version that produced every figure here, e.g. HJ633-2012
 * @param aqi the index, or null when no indicator could be indexed or the missing-data rule withholds it (NA)
 * @param category the AQI's category, null with the AQI
 * @param primary primary pollutants (the highest IAQI, where the AQI is above the standard's threshold)
 * @param nonAttainment pollutants whose IAQI is above 100, where the standard still has that notion (HJ 633-2012);
 *        always empty under HJ 633-2026
 * @param missing indicators of the report that were missing or could not be indexed; empty for a plain calculation
 * @param note why the AQI is what it is when a rule of the standard decided it (the missing-data rule), else null
 */
public record AqiResult(
        String standard,
        List<SubIndex> subIndices,
        Integer aqi,
        Category category,
        List<Pollutant> primary,
        List<Pollutant> nonAttainment,
        List<Indicator> missing,
        String note) {

    /** Whether the AQI is withheld: the single values are published, the AQI and its category are NA. */
    public boolean notAvailable() {
        return aqi == null;
    }
}
