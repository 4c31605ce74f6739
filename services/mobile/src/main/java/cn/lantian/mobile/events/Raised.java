package cn.lantian.mobile.events;

import cn.lantian.reference.Placement;

/**
 * An event this service raises, before the eventing runtime wraps it in its CloudEvents envelope.
 *
 * @param type a contract type, {@code lantian.mobile.*}
 * @param subject kind/id of what it is about ({@code vehicle/<plate>})
 * @param placement where the subject belongs
 * @param severity info, minor, major, critical or null
 * @param data the type's data, a record serialisable to the type's schema
 */
public record Raised(String type, String subject, Placement placement, String severity, Object data) {}
