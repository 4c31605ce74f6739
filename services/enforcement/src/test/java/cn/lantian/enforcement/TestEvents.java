package cn.lantian.enforcement;

import cn.lantian.eventing.IncomingEvent;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Builds incoming events and raw CloudEvents for tests. */
public final class TestEvents {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    /** A point inside Tumxuk (XPCC 3rd Division), whose land is a hole in Bachu county. */
    public static final double[] TUMXUK = {79.08, 39.87};

    private TestEvents() {}

    /** The data of a CEMS exceedance at an outlet of a fresh enterprise. */
    public static ObjectNode exceedance(String enterprise, double lon, double lat) {
        ObjectNode data = JSON.createObjectNode();
        data.put("enterpriseId", enterprise);
        data.put("outletId", "DA001");
        data.put("pollutant", "NOx");
        data.put("hour", "2024-11-12T08:00:00+08:00");
        data.put("value", 72.4);
        data.put("limit", 50);
        data.put("ratio", 1.448);
        data.put("unit", "mg/m3");
        ObjectNode location = data.putObject("location");
        location.put("lon", lon);
        location.put("lat", lat);
        ObjectNode rule = data.putObject("rule");
        rule.put("id", "permit-nox");
        rule.put("source", "排污许可证");
        return data;
    }

    /** The data of a stationary finding that a coal boiler in Kashgar City's built-up area must be phased out. */
    public static ObjectNode boilerFindingRaised(String findingId) {
        ObjectNode data = JSON.createObjectNode()
                .put("findingId", findingId)
                .put("facilityId", "boiler-9")
                .put("enterpriseId", "ent-boiler-" + findingId)
                .put("summary", "coal boiler in the built-up area");
        data.putObject("rule").put("id", "boiler-coal-urban-phase-out").put("source", "行动方案 三.三");
        data.putObject("location").put("lon", 76.0).put("lat", 39.47);
        return data;
    }

    /** The data of the finding above resolved: the boiler was phased out. */
    public static ObjectNode boilerFindingResolved(String findingId) {
        ObjectNode data = JSON.createObjectNode()
                .put("findingId", findingId)
                .put("facilityId", "boiler-9")
                .put("resolution", "phased-out");
        data.putObject("rule").put("id", "boiler-coal-urban-phase-out").put("source", "行动方案 三.三");
        return data;
    }

    public static IncomingEvent incoming(
            String type, String jurisdiction, String corpsUnit, String severity, ObjectNode data) {
        return new IncomingEvent(
                UUID.randomUUID().toString(),
                type,
                "/test",
                "test/" + UUID.randomUUID(),
                OffsetDateTime.now(ZoneOffset.UTC),
                jurisdiction,
                corpsUnit,
                null,
                severity,
                null,
                null,
                data,
                null);
    }

    /** A structured CloudEvent for the wire. */
    public static ObjectNode cloudEvent(
            String id,
            String type,
            String subject,
            String jurisdiction,
            String corpsUnit,
            String agency,
            ObjectNode data) {
        ObjectNode e = JSON.createObjectNode();
        e.put("specversion", "1.0");
        e.put("id", id);
        e.put("source", "/lantian/stationary");
        e.put("type", type);
        e.put("subject", subject);
        e.put("time", OffsetDateTime.now(ZoneOffset.UTC).toString());
        e.put("datacontenttype", "application/json");
        e.put("jurisdiction", jurisdiction);
        if (corpsUnit != null) {
            e.put("corpsunit", corpsUnit);
        }
        e.put("agency", agency);
        e.set("data", data);
        return e;
    }
}
