package cn.lantian.airquality.calculator;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the air-quality service.
 *
 * @param calculatorDefaultStandard the standard the calculator uses when none is asked for
 * @param correctionEventsPerBatch at most this many corrected hours of one ingest batch are published as
 *        {@code hourly-aqi-published} events, the newest first (the latest hour of each station always is)
 */
@ConfigurationProperties("lantian.air-quality")
public record AirQualityProperties(String calculatorDefaultStandard, Integer correctionEventsPerBatch) {

    public AirQualityProperties {
        calculatorDefaultStandard = calculatorDefaultStandard == null ? "HJ633-2026" : calculatorDefaultStandard;
        correctionEventsPerBatch = correctionEventsPerBatch == null ? 500 : correctionEventsPerBatch;
    }
}
