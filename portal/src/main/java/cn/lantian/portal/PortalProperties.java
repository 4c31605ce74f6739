package cn.lantian.portal;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The portal's settings ({@code lantian.portal.*}).
 *
 * @param upstream where the services that own the public data answer
 * @param latestRefresh how often the latest AQI of all stations is read again (events update it in between)
 * @param seriesCache how long a station's series read from air-quality is reused
 * @param pageSizeMax the largest page a list request may ask for
 * @param firstYear the first year the open data covers
 * @param publicBaseUrl the address visitors use (e.g. https://lantian.kashgar.cn); empty: the forwarded request's
 */
@ConfigurationProperties("lantian.portal")
public record PortalProperties(
        Upstream upstream,
        Duration latestRefresh,
        Duration seriesCache,
        int pageSizeMax,
        int firstYear,
        String publicBaseUrl) {

    /** Base URLs of the owners' public endpoints. */
    public record Upstream(
            URI airQuality,
            URI stationary,
            URI enforcement,
            URI dust,
            URI straw,
            URI greening,
            URI mobile,
            Duration timeout) {}
}
