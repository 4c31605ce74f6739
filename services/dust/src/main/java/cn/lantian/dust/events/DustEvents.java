package cn.lantian.dust.events;

import cn.lantian.dust.rules.Rule;
import java.util.LinkedHashMap;
import java.util.Map;

/** The contract types this service publishes, and the parts their data share. */
public final class DustEvents {

    public static final String SITE_MONITOR_MISSING = "lantian.dust.site-monitor-missing.v1";
    public static final String SITE_DUST_VIOLATION = "lantian.dust.site-dust-violation.v1";
    public static final String SITE_MONITOR_SILENT = "lantian.dust.site-monitor-silent.v1";
    public static final String IDLE_LAND_TASK_OPENED = "lantian.dust.idle-land-task-opened.v1";
    public static final String EMERGENCY_MEASURES_ACTIVATED = "lantian.dust.emergency-measures-activated.v1";
    public static final String CATERING_VIOLATION = "lantian.dust.catering-violation.v1";
    public static final String MUCK_TRUCK_VIOLATION = "lantian.dust.muck-truck-violation.v1";
    public static final String EMERGENCY_NONCOMPLIANCE = "lantian.dust.emergency-noncompliance.v1";
    public static final String EMERGENCY_MEASURES_ENDED = "lantian.dust.emergency-measures-ended.v1";

    /** The agency named on events about sites, monitors, idle land, roads and yards. */
    public static final String HOUSING = "housing";

    private DustEvents() {}

    /** A {@code location} member. */
    public static Map<String, Object> location(double lon, double lat) {
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("lon", lon);
        location.put("lat", lat);
        return location;
    }

    /** A {@code rule} member: id, source, threshold and unit where the rule is a number. */
    public static Map<String, Object> rule(Rule rule) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("id", rule.id());
        value.put("source", rule.source());
        try {
            value.put("threshold", rule.number());
        } catch (NumberFormatException e) {
            // a textual rule has no threshold
        }
        value.put("unit", rule.unit());
        return value;
    }
}
