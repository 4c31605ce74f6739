package cn.lantian.enforcement.routing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The routing table as shipped in {@code routing/case-routes.json}: routes, the boundary-notice distance and the
 * escalation ladder, each with its source.
 *
 * @param routes routes for the contract event types the service consumes
 * @param internalRoutes opening routes for findings raised inside this service (a campaign team's confirmed
 *     violation): their {@code type} names an origin, not a contract event type, so no queue is bound to it
 */
public record RoutingTable(
        String source,
        double boundaryNoticeKm,
        List<EscalationStep> escalationLadder,
        List<Route> routes,
        List<Route> internalRoutes) {

    public RoutingTable {
        routes = List.copyOf(routes);
        internalRoutes = internalRoutes == null ? List.of() : List.copyOf(internalRoutes);
    }

    /** One rung of the escalation ladder; {@code graceDays} null on the last rung. */
    public record EscalationStep(String kind, String nameZh, Integer graceDays) {}

    /** Loads the table from the classpath. */
    public static RoutingTable load(String resource) {
        try (InputStream in = RoutingTable.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            JsonMapper json = JsonMapper.builder()
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build();
            RoutingTable table = json.readValue(in, RoutingTable.class);
            table.check();
            return table;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void check() {
        for (Route r : routes) {
            if (r.key() == null || !(r.opens() || "close".equals(r.action()))) {
                throw new IllegalStateException("route for " + r.type() + " needs a key and action open or close");
            }
            if (r.opens() && (r.agency() == null || r.severity() == null || r.deadlineDays() == null)) {
                throw new IllegalStateException(
                        "opening route for " + r.type() + " needs agency, severity, deadlineDays");
            }
        }
        for (Route r : internalRoutes) {
            if (!r.opens() || r.when() != null) {
                throw new IllegalStateException("internal route for " + r.type() + " must open a case unconditionally");
            }
        }
    }

    /** The opening route for a finding raised inside this service, by its origin. */
    public Optional<Route> internalRoute(String origin) {
        return internalRoutes.stream().filter(r -> r.type().equals(origin)).findFirst();
    }

    /** The first route of that type whose condition the event's data meets. */
    public Optional<Route> routeFor(String type, JsonNode data) {
        return routes.stream()
                .filter(r -> r.type().equals(type))
                .filter(r -> meets(r.when(), data))
                .findFirst();
    }

    /** Every event type the table's consumed routes name (internal origins are not event types). */
    public Set<String> types() {
        return routes.stream().map(Route::type).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** The rung after {@code level} (0 = not escalated yet), or empty past the last. */
    public Optional<EscalationStep> escalationAfter(int level) {
        return level < escalationLadder.size() ? Optional.of(escalationLadder.get(level)) : Optional.empty();
    }

    private static boolean meets(Route.Condition when, JsonNode data) {
        if (when == null) {
            return true;
        }
        JsonNode value = data == null ? null : data.get(when.field());
        return value != null && when.in().contains(value.asString());
    }
}
