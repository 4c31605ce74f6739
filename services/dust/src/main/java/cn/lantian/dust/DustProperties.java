package cn.lantian.dust;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Operational settings of the service (rule numbers live in {@code rules/}).
 *
 * @param airQualityUrl base address of the air-quality service, whose public API gives the stations' hourly PM10
 */
@ConfigurationProperties("lantian.dust")
public record DustProperties(String airQualityUrl) {

    public DustProperties {
        airQualityUrl = airQualityUrl == null ? "http://127.0.0.1:8086" : airQualityUrl;
    }
}
