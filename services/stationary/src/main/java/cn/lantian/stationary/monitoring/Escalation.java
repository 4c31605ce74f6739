package cn.lantian.stationary.monitoring;

import cn.lantian.eventing.Outbox;
import cn.lantian.eventing.OutgoingEvent;
import cn.lantian.stationary.StationaryProperties;
import cn.lantian.stationary.access.PermitAccess;
import cn.lantian.stationary.events.Location;
import cn.lantian.stationary.events.RuleReference;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Raises a batch's new exceedances and escalates the runs its hours belong to once a run holds the configured number
 * of exceeding hours, whatever order the hours came in: new exceeding hours extend or bridge runs, and so do flagged
 * hours. A run escalates once: its hours are marked, a run that holds a marked hour never escalates again (two runs
 * bridged by a late hour included), and hours joining an escalated run are marked too.
 */
@Component
class Escalation {

    /** Hours either side of a new hour within which its run is followed (a run longer than that is seen in part). */
    private static final int REACH = 72;

    private final CemsHours hours;
    private final Outbox outbox;
    private final StationaryProperties properties;

    Escalation(CemsHours hours, Outbox outbox, StationaryProperties properties) {
        this.hours = hours;
        this.outbox = outbox;
        this.properties = properties;
    }

    /** Takes the run locks of the batch's series; call it before any of the batch's rows is written. */
    Mono<Void> lockRuns(List<CheckedHour> rows) {
        return hours.lockRuns(rows.stream()
                .filter(c -> c.exceeds() || !c.valid())
                .map(CheckedHour::series)
                .distinct()
                .sorted()
                .toArray(String[]::new));
    }

    /** Raises the new exceedances and the escalations they and the flagged hours cause; emits how many escalations. */
    Mono<Integer> escalate(List<CheckedHour> rows, List<CheckedHour> fresh) {
        List<CheckedHour> touching = new ArrayList<>(fresh);
        rows.stream().filter(c -> !c.valid()).forEach(touching::add);
        if (touching.isEmpty()) {
            return Mono.just(0);
        }
        Instant from = touching.stream()
                .map(c -> c.reading().hour())
                .min(Instant::compareTo)
                .orElseThrow()
                .minus(Duration.ofHours(REACH));
        Instant to = touching.stream()
                .map(c -> c.reading().hour())
                .max(Instant::compareTo)
                .orElseThrow()
                .plus(Duration.ofHours(REACH));
        String[] ids =
                touching.stream().map(c -> c.reading().outletId()).distinct().toArray(String[]::new);
        return hours.runHours(ids, from, to).flatMap(found -> {
            Map<String, Map<Instant, Streaks.Hour>> known = new HashMap<>();
            found.forEach(e -> known.computeIfAbsent(
                            e.getKey().outlet() + "|" + e.getKey().pollutant(), k -> new HashMap<>())
                    .put(e.getKey().hour(), e.getValue()));
            List<OutgoingEvent> raised = new ArrayList<>();
            for (CheckedHour c : fresh) {
                raised.add(exceeded(
                        c, runAround(c, known).map(Streaks.Run::exceeding).orElse(1)));
            }
            List<HourKey> mark = new ArrayList<>();
            int escalations = 0;
            for (CheckedHour c : touching) {
                Streaks.Run run = runAround(c, known).orElse(null);
                if (run == null || (!run.escalated() && run.exceeding() < properties.escalationHours())) {
                    continue;
                }
                if (!run.escalated()) {
                    escalations++;
                    raised.add(escalated(c, run));
                }
                Map<Instant, Streaks.Hour> series = known.get(c.series());
                for (Instant h : run.exceedingHours()) {
                    Streaks.Hour hour = series.get(h);
                    if (!hour.escalated()) {
                        series.put(h, new Streaks.Hour(true, hour.ratio(), true));
                        mark.add(new HourKey(c.reading().outletId(), c.reading().pollutant(), h));
                    }
                }
            }
            return outbox.appendAll(raised).then(hours.markEscalated(mark)).thenReturn(escalations);
        });
    }

    private static Optional<Streaks.Run> runAround(CheckedHour c, Map<String, Map<Instant, Streaks.Hour>> known) {
        return Streaks.around(c.reading().hour(), known.getOrDefault(c.series(), Map.of()), REACH);
    }

    private static OutgoingEvent escalated(CheckedHour c, Streaks.Run run) {
        Outlet o = c.outlet();
        return OutgoingEvent.of(
                        "lantian.stationary.emission-exceedance-escalated.v1",
                        "outlet/" + o.id(),
                        o.placement(),
                        PermitAccess.AGENCY,
                        new ExceedanceEvents.Escalated(
                                o.enterpriseId(),
                                o.id(),
                                c.reading().pollutant(),
                                run.from().toString(),
                                run.to().toString(),
                                run.exceeding(),
                                run.maxRatio(),
                                new Location(o.lon(), o.lat())))
                .withSeverity("critical");
    }

    private static OutgoingEvent exceeded(CheckedHour c, int consecutive) {
        Reading r = c.reading();
        Outlet o = c.outlet();
        double ratio = Math.round(c.valueRef() / c.limit() * 1000) / 1000.0;
        return OutgoingEvent.of(
                        "lantian.stationary.emission-limit-exceeded.v1",
                        "outlet/" + o.id(),
                        o.placement(),
                        PermitAccess.AGENCY,
                        new ExceedanceEvents.Exceeded(
                                o.enterpriseId(),
                                o.id(),
                                r.pollutant(),
                                r.hour().toString(),
                                c.valueRef(),
                                c.limit(),
                                ratio,
                                "mg/m3",
                                c.referenceO2(),
                                consecutive,
                                new Location(o.lon(), o.lat()),
                                new RuleReference(
                                        "permit-limit-" + r.pollutant(),
                                        "排污许可证 pollutant-discharge permit",
                                        c.limit(),
                                        "mg/m3")))
                .withSeverity("major");
    }
}
