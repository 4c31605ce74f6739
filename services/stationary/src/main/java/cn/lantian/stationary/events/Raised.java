package cn.lantian.stationary.events;

import cn.lantian.reference.Placement;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An event this service raises, before the eventing runtime wraps it in its CloudEvents envelope.
 *
 * @param type a contract type, {@code lantian.stationary.*}
 * @param subject kind/id of what it is about
 * @param placement where the subject lies
 * @param severity info, minor, major, critical or null
 * @param data the type's data, a record serialisable to the type's schema
 */
public record Raised(String type, String subject, Placement placement, String severity, Object data) {

    /** The location object of several schemas. */
    public record Location(double lon, double lat) {
    }

    /** The rule object of finding and exceedance schemas. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Rule(String id, String source, Double threshold, String unit) {
    }
}
