package cn.lantian.enforcement.cases;

import cn.lantian.eventing.OutgoingEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the contract event of a transition, placed where the case lies and shared with every unit it concerns. */
final class CaseEvents {

    private CaseEvents() {}

    static OutgoingEvent of(String type, EnforcementCase c, String by, String note, Map<String, Object> extra) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("caseId", c.id());
        data.put("status", c.status().wire());
        data.put("agency", c.agency());
        data.put("severity", c.severity());
        put(data, "deadline", c.deadline() == null ? null : c.deadline().toString());
        put(data, "originEventId", c.originEventId());
        put(data, "originType", c.originType());
        put(data, "subjectRef", c.subjectRef());
        put(data, "note", note);
        put(data, "by", by);
        put(data, "jointWith", c.joint() ? c.corpsUnit() : null);
        extra.forEach((k, v) -> put(data, k, v));
        List<String> others = new ArrayList<>(c.notified());
        if (!c.lead().equals(c.jurisdiction()) && !c.lead().equals(c.corpsUnit())) {
            others.add(c.lead());
        }
        if (c.referralJurisdiction() != null) {
            others.add(c.referralJurisdiction());
        }
        return OutgoingEvent.of(type, "case/" + c.id(), c.placement(), c.agency(), data)
                .withSeverity(c.severity())
                .sharedWith(others);
    }

    private static void put(Map<String, Object> data, String key, Object value) {
        if (value != null
                && !(value instanceof String s && s.isBlank())
                && !(value instanceof List<?> l && l.isEmpty())) {
            data.put(key, value);
        }
    }
}
