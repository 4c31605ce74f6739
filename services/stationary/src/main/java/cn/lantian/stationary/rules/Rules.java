package cn.lantian.stationary.rules;

import cn.lantian.reference.NamedEnterprise;
import cn.lantian.stationary.registry.Enterprise;
import cn.lantian.stationary.registry.Facility;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Decides which rules of the table a facility or enterprise breaks today; no I/O. */
public final class Rules {

    /** Statuses that end every obligation of a facility (a phased-out boiler satisfies its phase-out rule). */
    private static final Set<String> RETIRED = Set.of("phased-out", "closed");

    private final RuleTable table;
    private final Set<String> named;

    public Rules(RuleTable table, List<NamedEnterprise> namedEnterprises) {
        this.table = table;
        this.named = namedEnterprises.stream().map(NamedEnterprise::id).collect(Collectors.toSet());
    }

    /** The rules the facility breaks on that day. */
    public List<Rule> broken(Facility f, LocalDate today) {
        if (RETIRED.contains(f.status())) {
            return List.of();
        }
        return table.forKind(f.kind()).stream()
                .filter(r -> r.fuel() == null || r.fuel().equals(f.text("fuel")))
                .filter(r -> r.builtUp() == null || r.builtUp() == f.flag("builtUp"))
                .filter(r -> r.compares(metric(f, r.metric(), today)))
                .filter(r -> !satisfied(f, r.requirement()))
                .toList();
    }

    /** The rules the enterprise breaks. */
    public List<Rule> broken(Enterprise e) {
        return table.forKind("enterprise").stream()
                .filter(r -> r.compares(
                        r.metric() == null ? 0 : "named".equals(r.metric()) && named.contains(e.id()) ? 1 : 0))
                .filter(r -> !("ultra-low-started".equals(r.requirement())
                        && Set.of("started", "completed", "not-applicable").contains(e.ultraLow())))
                .toList();
    }

    private static double metric(Facility f, String metric, LocalDate today) {
        if (metric == null) {
            return 0;
        }
        if (metric.equals("daysSinceVapourTest")) {
            String last = f.text("lastVapourTest");
            // Never tested counts as overdue.
            return last == null ? Double.POSITIVE_INFINITY : ChronoUnit.DAYS.between(LocalDate.parse(last), today);
        }
        return f.number(metric);
    }

    private static boolean satisfied(Facility f, String requirement) {
        if (requirement == null) {
            return false;
        }
        int colon = requirement.indexOf(':');
        String name = colon < 0 ? requirement : requirement.substring(0, colon);
        List<String> args = colon < 0
                ? List.of()
                : Arrays.asList(requirement.substring(colon + 1).split("\\+"));
        return switch (name) {
            case "phased-out" -> "phased-out".equals(f.status());
            case "ultra-low" -> f.flag("ultraLow");
            case "cems" -> args.stream().allMatch(p -> f.listed("cems", p));
            case "auto-monitoring" -> f.flag("autoMonitoring");
            case "vapour-recovery" -> f.flag("vapourRecovery");
            case "dust-removal" -> args.contains(f.text("dustRemoval"));
            default -> throw new IllegalStateException("unknown requirement " + requirement);
        };
    }
}
