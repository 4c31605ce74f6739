package cn.lantian.mobile.inspection;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the I/M half ({@code lantian.mobile.inspection.*}).
 *
 * @param thresholds per signal, overriding the rule table's threshold
 */
@ConfigurationProperties("lantian.mobile.inspection")
record InspectionProperties(Map<String, Double> thresholds) {

    InspectionProperties {
        thresholds = thresholds == null ? Map.of() : Map.copyOf(thresholds);
    }
}
