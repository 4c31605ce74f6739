package cn.lantian.dust.monitor;

import cn.lantian.dust.access.Access;
import cn.lantian.dust.emergency.EmergencyService;
import cn.lantian.dust.events.DustEvents;
import cn.lantian.dust.rules.DustRules;
import cn.lantian.eventing.Outbox;
import cn.lantian.eventing.OutgoingEvent;
import cn.lantian.reference.Jurisdictions;
import cn.lantian.security.Caller;
import cn.lantian.web.FieldError;
import cn.lantian.web.InvalidInput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

/**
 * Takes a batch of readings whole in one transaction: stores the new ones, adds them to their sites' hourly means,
 * judges each touched hour by {@link ExceedanceRule} and appends a {@code site-dust-violation} per new breach to the
 * outbox. Hours whose nearest station hour is not known yet are judged again when it arrives ({@link #rejudge}).
 */
@Service
class MonitorIngest {

    /** The writer of readings that arrive by AMQP: the broker's permissions decide who may publish there. */
    static final Caller BROKER =
            new Caller("amqp-readings", Set.of("housing"), "prefecture", Jurisdictions.PREFECTURE, true);

    private final Monitors monitors;
    private final Stations stations;
    private final Access access;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final ObjectMapper json;
    private final ExceedanceRule rule;
    private final String measure;
    private final EmergencyService emergency;

    MonitorIngest(
            Monitors monitors,
            Stations stations,
            Access access,
            Outbox outbox,
            TransactionalOperator tx,
            ObjectMapper json,
            DustRules rules,
            EmergencyService emergency) {
        this.emergency = emergency;
        this.monitors = monitors;
        this.stations = stations;
        this.access = access;
        this.outbox = outbox;
        this.tx = tx;
        this.json = json;
        this.rule = new ExceedanceRule(rules);
        this.measure = rules.rule(DustRules.EXCEEDANCE_MEASURE).value();
    }

    /**
     * Stores a checked batch written by the caller; every monitor must exist on a site the caller governs, else the
     * whole batch is refused naming each bad reading.
     */
    Mono<IngestReport> ingest(Caller caller, List<Reading> readings) {
        List<String> ids = readings.stream().map(Reading::monitorId).distinct().toList();
        return tx.transactional(monitors.sitesOf(ids).flatMap(sites -> {
            List<FieldError> errors = new ArrayList<>();
            for (int i = 0; i < readings.size(); i++) {
                MonitoredSite site = sites.get(readings.get(i).monitorId());
                if (site == null || !access.mayWrite(caller, Access.DUST_AGENCIES, site.placement())) {
                    errors.add(new FieldError(
                            "[" + i + "].monitorId",
                            "no monitor " + readings.get(i).monitorId() + " on a site you govern"));
                }
            }
            if (!errors.isEmpty()) {
                return Mono.error(new InvalidInput(errors));
            }
            return monitors.insert(readings).collectList().flatMap(fresh -> store(readings.size(), fresh, sites));
        }));
    }

    private Mono<IngestReport> store(int received, List<Reading> fresh, Map<String, MonitoredSite> sites) {
        if (fresh.isEmpty()) {
            return Mono.just(new IngestReport(received, 0, 0));
        }
        // One row per site and hour, sorted, so that concurrent batches take row locks in the same order.
        TreeMap<String, double[]> sums = new TreeMap<>();
        Map<String, Instant> latest = new HashMap<>();
        for (Reading r : fresh) {
            String siteId = sites.get(r.monitorId()).siteId();
            Instant hour = Hours.label(r.at());
            double[] sum = sums.computeIfAbsent(siteId + "|" + hour, k -> new double[2]);
            sum[0] += r.pm10();
            sum[1]++;
            latest.merge(r.monitorId(), r.at(), (a, b) -> a.isAfter(b) ? a : b);
        }
        List<String> siteIds = new ArrayList<>();
        List<Instant> hours = new ArrayList<>();
        List<Double> totals = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        sums.forEach((key, sum) -> {
            int bar = key.indexOf('|');
            siteIds.add(key.substring(0, bar));
            hours.add(Instant.parse(key.substring(bar + 1)));
            totals.add(sum[0]);
            counts.add((int) sum[1]);
        });
        Map<String, MonitoredSite> bySite = new HashMap<>();
        sites.values().forEach(s -> bySite.putIfAbsent(s.siteId(), s));
        return monitors.addToHours(siteIds, hours, totals, counts)
                .collectList()
                .flatMap(touched -> judge(
                        touched.stream()
                                .map(h -> new Monitors.SiteAtHour(h, bySite.get(h.siteId())))
                                .toList(),
                        true))
                .flatMap(raised -> monitors.heard(latest).thenReturn(new IngestReport(received, fresh.size(), raised)));
    }

    /**
     * Judges site hours against the nearest known station's same hour (and, when {@code absolute}, the alarm level),
     * recording and publishing each new breach; returns how many events were raised.
     */
    Mono<Integer> judge(List<Monitors.SiteAtHour> touched, boolean absolute) {
        if (touched.isEmpty()) {
            return Mono.just(0);
        }
        return stations.all().flatMap(known -> {
            Map<Monitors.SiteAtHour, Station> nearest = new LinkedHashMap<>();
            for (Monitors.SiteAtHour h : touched) {
                Stations.nearest(known, h.site().lon(), h.site().lat()).ifPresent(s -> nearest.put(h, s));
            }
            List<String> stationIds = new ArrayList<>();
            List<Instant> stationHours = new ArrayList<>();
            nearest.forEach((h, s) -> {
                stationIds.add(s.id());
                stationHours.add(h.hour().hour());
            });
            return stations.pm10(stationIds, stationHours).flatMap(pm10 -> record(touched, nearest, pm10, absolute));
        });
    }

    /** Judges again the site hours of station hours that just arrived or changed (only the station comparison). */
    Mono<Integer> rejudge(List<Stations.StationHour> arrived) {
        if (arrived.isEmpty()) {
            return Mono.just(0);
        }
        List<Instant> hours =
                arrived.stream().map(Stations.StationHour::hour).distinct().toList();
        return tx.transactional(monitors.siteHoursAt(hours).collectList().flatMap(all -> judge(all, false)));
    }

    private Mono<Integer> record(
            List<Monitors.SiteAtHour> touched,
            Map<Monitors.SiteAtHour, Station> nearest,
            Map<String, Double> pm10,
            boolean absolute) {
        List<String> ids = new ArrayList<>();
        List<String> siteIds = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<Instant> at = new ArrayList<>();
        List<String> details = new ArrayList<>();
        Map<String, OutgoingEvent> events = new HashMap<>();
        List<Monitors.SiteAtHour> alarmed = new ArrayList<>();
        for (Monitors.SiteAtHour h : touched) {
            Station station = nearest.get(h);
            Double stationPm10 = station == null
                    ? null
                    : pm10.get(Stations.key(station.id(), h.hour().hour()));
            List<ExceedanceRule.Breach> breaches =
                    new ArrayList<>(absolute ? rule.absolute(h.hour().mean()) : List.of());
            breaches.addAll(rule.relative(h.hour().mean(), stationPm10));
            for (ExceedanceRule.Breach b : breaches) {
                if (b.kind().equals(ExceedanceRule.ALARM)) {
                    alarmed.add(h);
                }
                String id = h.site().siteId() + "/" + h.hour().hour() + "/" + b.kind();
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("siteId", h.site().siteId());
                data.put("measure", measure);
                data.put(
                        "location", DustEvents.location(h.site().lon(), h.site().lat()));
                data.put("at", h.hour().hour().toString());
                data.put("evidence", "monitor");
                data.put("hour", h.hour().hour().toString());
                data.put("pm10", Math.round(h.hour().mean() * 10) / 10.0);
                data.put("limit", Math.round(b.limit() * 10) / 10.0);
                if (station != null) {
                    data.put("stationId", station.id());
                }
                if (stationPm10 != null) {
                    data.put("stationPm10", stationPm10);
                }
                data.put("rule", DustEvents.rule(b.rule()));
                ids.add(id);
                siteIds.add(h.site().siteId());
                kinds.add(b.kind());
                at.add(h.hour().hour());
                details.add(json.writeValueAsString(data));
                events.put(
                        id,
                        OutgoingEvent.of(
                                        DustEvents.SITE_DUST_VIOLATION,
                                        "site/" + h.site().siteId(),
                                        h.site().placement(),
                                        DustEvents.HOUSING,
                                        data)
                                .withSeverity("major"));
            }
        }
        if (ids.isEmpty()) {
            return Mono.just(0);
        }
        // An hour above the alarm level while a stop-work measure is in force shows the site working against it.
        return monitors.violations(ids, siteIds, kinds, measure, at, details)
                .collectList()
                .flatMap(fresh -> outbox.appendAll(
                                fresh.stream().map(events::get).toList())
                        .then(reactor.core.publisher.Flux.fromIterable(alarmed)
                                .concatMap(h -> emergency.workingAgainstMeasure(
                                        h.site().siteId(),
                                        h.site().placement(),
                                        h.site().phase(),
                                        h.site().lon(),
                                        h.site().lat(),
                                        "monitor",
                                        h.hour().hour()))
                                .then())
                        .thenReturn(fresh.size()));
    }
}
