package cn.lantian.airquality.sta;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the SensorThings API.
 *
 * @param pageSize entities per page when the request gives no {@code $top}
 * @param maxPageSize the largest {@code $top} accepted (the benchmark's month of one station asks for 1000)
 * @param statementTimeout the longest one statement may run; longer is answered 400 (narrow the query)
 */
@ConfigurationProperties("lantian.sta")
record SensorThingsProperties(int pageSize, int maxPageSize, java.time.Duration statementTimeout) {}
