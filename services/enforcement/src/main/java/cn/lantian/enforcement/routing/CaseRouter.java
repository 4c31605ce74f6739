package cn.lantian.enforcement.routing;

import cn.lantian.eventing.IncomingEvent;
import cn.lantian.reference.Jurisdiction;
import cn.lantian.reference.Jurisdictions;
import cn.lantian.reference.Placement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Turns a finding into a case decision by the routing table: where the subject lies (its location if the event has
 * one, else the event's jurisdiction and Corps unit), which units near a boundary to notify, agency, severity and
 * deadline.
 */
public class CaseRouter {

    private static final List<String> SEVERITIES = List.of("minor", "major", "critical");

    private final RoutingTable table;
    private final Jurisdictions jurisdictions;
    private final Clock clock;

    public CaseRouter(RoutingTable table, Jurisdictions jurisdictions, Clock clock) {
        this.table = table;
        this.jurisdictions = jurisdictions;
        this.clock = clock;
    }

    /** The routing table in use. */
    public RoutingTable table() {
        return table;
    }

    /** Decides what the event does to cases. */
    public Decision decide(IncomingEvent event) {
        Optional<Route> found = table.routeFor(event.type(), event.data());
        if (found.isEmpty()) {
            return new Decision.Ignore("no route for " + event.type());
        }
        Route route = found.get();
        String key = Template.fill(route.key(), event.data());
        if (!route.opens()) {
            return new Decision.Close(key, Template.fill(route.summary(), event.data()), event.id());
        }
        double[] point = location(event.data());
        Placement placement =
                point == null ? null : jurisdictions.locate(point[0], point[1]).orElse(null);
        if (placement == null) {
            placement = fromAttributes(event.jurisdiction(), event.corpsUnit());
        } else if (placement.corpsUnit() == null && event.corpsUnit() != null) {
            // Regiments have no published boundary: trust the Corps unit the event names.
            placement = new Placement(placement.jurisdiction(), event.corpsUnit());
        }
        List<String> notified = point == null
                ? List.of()
                : jurisdictions.boundariesWithin(point[0], point[1], table.boundaryNoticeKm()).stream()
                        .filter(id -> !id.equals(Jurisdictions.PREFECTURE))
                        .toList();
        Instant now = clock.instant();
        JsonNode rule = event.data().get("rule");
        String enterprise = enterpriseOf(route, event.data());
        return new Decision.Open(new CaseDraft(
                event.id(),
                event.type(),
                key,
                event.subject(),
                enterprise,
                rule == null ? null : rule.path("id").asString(null),
                rule == null ? null : rule.path("source").asString(null),
                Template.fill(route.summary(), event.data()),
                placement,
                notified,
                route.agency(),
                stronger(route.severity(), event.severity()),
                now,
                now.plus(Duration.ofDays(route.deadlineDays()))));
    }

    /**
     * Drafts the case for a finding raised inside this service by its internal route, placed where the caller found
     * the subject to lie.
     *
     * @param originId the id of what raised the finding (unique per case opened, like an event id)
     * @param data the fields the route's key and summary templates name
     */
    public CaseDraft raise(String origin, String originId, String subjectRef, JsonNode data, Placement placement) {
        Route route = table.internalRoute(origin)
                .orElseThrow(() -> new IllegalStateException("routing table has no internal route for " + origin));
        Instant now = clock.instant();
        String enterprise = enterpriseOf(route, data);
        return new CaseDraft(
                originId,
                origin,
                Template.fill(route.key(), data),
                subjectRef,
                enterprise,
                null,
                null,
                Template.fill(route.summary(), data),
                placement,
                List.of(),
                route.agency(),
                route.severity(),
                now,
                now.plus(Duration.ofDays(route.deadlineDays())));
    }

    /** The envelope's placement: a Corps unit given as jurisdiction lies in its host county where one is known. */
    public Placement fromAttributes(String jurisdiction, String corpsUnit) {
        Optional<Jurisdiction> unit = jurisdictions.byId(jurisdiction);
        if (unit.isPresent() && unit.get().isCorps()) {
            String corps = corpsUnit != null ? corpsUnit : unit.get().id();
            return new Placement(hostOf(corps).orElse(corps), corps);
        }
        return new Placement(jurisdiction, corpsUnit);
    }

    private Optional<String> hostOf(String corps) {
        Optional<Jurisdiction> unit = jurisdictions.byId(corps);
        while (unit.isPresent()) {
            if (unit.get().host().isPresent()) {
                return unit.get().host();
            }
            unit = jurisdictions.byId(unit.get().parent());
        }
        return Optional.empty();
    }

    private static String enterpriseOf(Route route, JsonNode data) {
        JsonNode value = route.enterprise() == null || data == null ? null : data.get(route.enterprise());
        return value == null ? null : value.asString();
    }

    private static double[] location(JsonNode data) {
        JsonNode loc = data == null ? null : data.get("location");
        if (loc == null || !loc.has("lon") || !loc.has("lat")) {
            return null;
        }
        return new double[] {loc.get("lon").asDouble(), loc.get("lat").asDouble()};
    }

    private static String stronger(String routed, String reported) {
        int a = SEVERITIES.indexOf(routed);
        int b = reported == null ? -1 : SEVERITIES.indexOf(reported);
        return b > a ? reported : routed;
    }
}
