package cn.lantian.portal.emergency;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The measures each domain announced for each alert in force ({@code emergency-measures-activated}), until it
 * announces their end ({@code emergency-measures-ended}). Held in memory: after a restart the page shows what the
 * domains announce from then on.
 */
@Component
public class DomainMeasures {

    /** The order the page lists the domains in. */
    static final List<String> DOMAINS = List.of("stationary", "mobile", "dust", "straw", "greening");

    /** At most this many alerts are held, so a flood of bad alert ids cannot grow the map without bound. */
    private static final int MAX_ALERTS = 500;

    /** One domain's measures under an alert; {@code subjects}: enterprises (or areas) they apply to. */
    public record InForce(String domain, String level, List<String> measures, int subjects) {}

    private record Held(String level, Set<String> measures, Set<String> subjects) {}

    private final Map<String, Map<String, Held>> byAlert = new ConcurrentHashMap<>();

    /** A domain put measures of a level in force for the subject (an enterprise, or the alert itself). */
    public void activated(String alertId, String domain, String level, String subject, List<String> measures) {
        if (byAlert.size() >= MAX_ALERTS && !byAlert.containsKey(alertId)) {
            return;
        }
        byAlert.computeIfAbsent(alertId, k -> new ConcurrentHashMap<>()).compute(domain, (d, held) -> {
            Held h = held == null || !held.level().equals(level)
                    ? new Held(level, new LinkedHashSet<>(), new LinkedHashSet<>())
                    : held;
            h.measures().addAll(measures);
            h.subjects().add(subject);
            return h;
        });
    }

    /** A domain ended measures: all of them when the alert was lifted or superseded, else the ones named. */
    public void ended(String alertId, String domain, String reason, List<String> measures) {
        Map<String, Held> domains = byAlert.get(alertId);
        if (domains == null) {
            return;
        }
        if ("level-changed".equals(reason)) {
            domains.computeIfPresent(domain, (d, held) -> {
                held.measures().removeAll(measures);
                return held.measures().isEmpty() ? null : held;
            });
        } else {
            domains.remove(domain);
        }
        if (domains.isEmpty()) {
            byAlert.remove(alertId);
        }
    }

    /** The measures in force under the alert, by domain in the page's order. */
    public List<InForce> of(String alertId) {
        Map<String, Held> domains = byAlert.getOrDefault(alertId, Map.of());
        List<InForce> out = new ArrayList<>();
        domains.forEach((domain, held) -> out.add(new InForce(
                domain,
                held.level(),
                List.copyOf(held.measures()),
                held.subjects().size())));
        out.sort(Comparator.comparingInt(m -> DOMAINS.indexOf(m.domain())));
        return out;
    }

    /** Every alert's measures, for the pages. */
    public Map<String, List<InForce>> all() {
        Map<String, List<InForce>> out = new LinkedHashMap<>();
        byAlert.keySet().forEach(id -> out.put(id, of(id)));
        return out;
    }
}
