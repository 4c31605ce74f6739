package cn.lantian.airquality.aqi;

import java.util.List;

/**
 * An AQI and how it was reached.
 *
 * @param standard id of the standard version that produced every figure here, e.g. HJ633-2012
 * @param aqi the index, or null when no indicator could be indexed
 * @param primary primary pollutants (the highest IAQI, where the AQI is above the standard's threshold)
 * @param nonAttainment pollutants whose IAQI is above 100
 */
public record AqiResult(String standard, List<SubIndex> subIndices, Integer aqi, Category category,
        List<Pollutant> primary, List<Pollutant> nonAttainment) {
}
