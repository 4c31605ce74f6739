package cn.lantian.airquality.calculator;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the air-quality service.
 *
 * @param calculatorDefaultStandard the standard the calculator uses when none is asked for
 */
@ConfigurationProperties("lantian.air-quality")
public record AirQualityProperties(String calculatorDefaultStandard) {

    public AirQualityProperties {
        calculatorDefaultStandard = calculatorDefaultStandard == null ? "HJ633-2012" : calculatorDefaultStandard;
    }
}
