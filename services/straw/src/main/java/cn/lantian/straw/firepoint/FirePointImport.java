package cn.lantian.straw.firepoint;

import cn.lantian.reference.Jurisdictions;
import cn.lantian.reference.Placement;
import cn.lantian.security.Caller;
import cn.lantian.straw.access.StrawAccess;
import cn.lantian.straw.alert.Activation;
import cn.lantian.straw.alert.Activations;
import cn.lantian.straw.events.FirePointDetected;
import cn.lantian.straw.events.Location;
import cn.lantian.straw.events.SourceDetection;
import cn.lantian.straw.events.StrawEvents;
import cn.lantian.straw.rules.DutyRoster;
import cn.lantian.straw.rules.StrawRules;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Imports FIRMS detections: keeps vegetation fires ({@code type} 0, or no type column), places each in its county and
 * Corps unit, skips what lies outside the prefecture or the caller's jurisdiction, merges detections of one fire into
 * one incident and raises {@code fire-point-detected} for each new incident, all in one transaction.
 */
@Service
public class FirePointImport {

    /** The reason a row outside every county and Corps unit of the prefecture is skipped. */
    static final String OUTSIDE_PREFECTURE = "outside-prefecture";

    static final String OUTSIDE_JURISDICTION = "outside-your-jurisdiction";
    static final String DUPLICATE = "already-imported";
    private static final Map<Integer, String> TYPES =
            Map.of(1, "type-1-active-volcano", 2, "type-2-static-land-source", 3, "type-3-offshore");

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FirePointImport.class);

    private final Incidents incidents;
    private final Activations activations;
    private final StrawEvents events;
    private final Jurisdictions jurisdictions;
    private final StrawAccess access;
    private final StrawRules rules;
    private final DutyRoster roster;
    private final TransactionalOperator tx;
    private final Clock clock;

    FirePointImport(
            Incidents incidents,
            Activations activations,
            StrawEvents events,
            Jurisdictions jurisdictions,
            StrawAccess access,
            StrawRules rules,
            DutyRoster roster,
            TransactionalOperator tx,
            Clock clock) {
        this.incidents = incidents;
        this.activations = activations;
        this.events = events;
        this.jurisdictions = jurisdictions;
        this.access = access;
        this.rules = rules;
        this.roster = roster;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Imports a FIRMS CSV body for the caller: rows outside what the caller governs are skipped.
     *
     * @return the per-row report; an error {@code InvalidInput} when the header is no FIRMS header
     */
    public Mono<ImportReport> importCsv(Caller caller, String body) {
        return Mono.fromCallable(() -> FirmsParser.parse(body))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(parsed -> store(caller, parsed));
    }

    /**
     * Imports a FIRMS CSV body as the prefecture's feed, raising events only for incidents first detected at or after
     * {@code eventsSince}: a backfill of past seasons (demo data) must not flood the other services with old news.
     */
    public Mono<ImportReport> backfill(Caller caller, String body, java.time.Instant eventsSince) {
        return Mono.fromCallable(() -> FirmsParser.parse(body))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(parsed -> store(caller, parsed, eventsSince));
    }

    Mono<ImportReport> store(Caller caller, FirmsParser.Parsed parsed) {
        return store(caller, parsed, null);
    }

    private Mono<ImportReport> store(Caller caller, FirmsParser.Parsed parsed, java.time.Instant eventsSince) {
        long start = System.nanoTime();
        List<RowResult> results = new ArrayList<>(parsed.rows());
        results.addAll(parsed.rejected());
        Map<String, Integer> skipped = new TreeMap<>();
        List<Placed> kept = new ArrayList<>(parsed.detections().size());
        int vegetation = rules.vegetationFireType();
        for (Detection d : parsed.detections()) {
            if (d.type() != null && d.type() != vegetation) {
                skip(results, skipped, d.line(), TYPES.getOrDefault(d.type(), "type-" + d.type()));
                continue;
            }
            Optional<Placement> placement = jurisdictions.locate(d.lon(), d.lat());
            if (placement.isEmpty()) {
                skip(results, skipped, d.line(), OUTSIDE_PREFECTURE);
            } else if (!access.mayWrite(caller, placement.get())) {
                skip(results, skipped, d.line(), OUTSIDE_JURISDICTION);
            } else {
                kept.add(new Placed(d, placement.get()));
            }
        }
        LOG.debug("{} rows placed in {} ms", parsed.detections().size(), (System.nanoTime() - start) / 1_000_000);
        Mono<ImportReport> work = kept.isEmpty()
                ? Mono.fromCallable(() -> report(parsed, results, skipped, List.of()))
                : incidents
                        .lockImports()
                        .then(merge(kept, results, skipped, eventsSince))
                        .map(opened -> report(parsed, results, skipped, opened));
        return tx.transactional(work);
    }

    private Mono<List<String>> merge(
            List<Placed> kept, List<RowResult> results, Map<String, Integer> skipped, java.time.Instant eventsSince) {
        MergeRule rule = new MergeRule(rules.mergeDistanceKm(), rules.mergeWindow());
        double minLat = Double.MAX_VALUE;
        double maxLat = -Double.MAX_VALUE;
        double minLon = Double.MAX_VALUE;
        double maxLon = -Double.MAX_VALUE;
        java.time.Instant first = kept.get(0).detection().acquiredAt();
        java.time.Instant last = first;
        for (Placed p : kept) {
            Detection d = p.detection();
            minLat = Math.min(minLat, d.lat());
            maxLat = Math.max(maxLat, d.lat());
            minLon = Math.min(minLon, d.lon());
            maxLon = Math.max(maxLon, d.lon());
            first = d.acquiredAt().isBefore(first) ? d.acquiredAt() : first;
            last = d.acquiredAt().isAfter(last) ? d.acquiredAt() : last;
        }
        double padLat = rule.distanceKm() / 110.0;
        double padLon =
                rule.distanceKm() / (111.32 * Math.cos(Math.toRadians(Math.max(Math.abs(minLat), Math.abs(maxLat)))));
        java.time.Instant from = first.minus(rule.window());
        java.time.Instant to = last.plus(rule.window());
        double absLat = Math.max(Math.abs(minLat), Math.abs(maxLat)) + padLat;
        return Mono.zip(
                        incidents
                                .detectionsNear(
                                        from, to, minLat - padLat, maxLat + padLat, minLon - padLon, maxLon + padLon)
                                .collectList(),
                        activations.overlapping(first, last).collectList())
                // Merging and the events' contract checks take seconds for a season's file: off the database's
                // event-loop threads, which other requests share.
                .publishOn(Schedulers.boundedElastic())
                .flatMap(known -> {
                    Merger merger = new Merger(rule, absLat);
                    Set<RowKey> stored = new HashSet<>(known.getT1().size() + kept.size() * 2);
                    for (Incidents.StoredDetection s : known.getT1()) {
                        merger.know(new Merger.Known(s.incidentId(), s.lat(), s.lon(), s.at()));
                        stored.add(new RowKey(s.satellite(), s.at().getEpochSecond(), s.lat(), s.lon()));
                    }
                    // By identity: a record's hash walks all its fields, for every one of a large import's rows.
                    Map<Detection, Placement> placements = new IdentityHashMap<>(kept.size() * 2);
                    List<Detection> fresh = new ArrayList<>(kept.size());
                    for (Placed p : kept) {
                        Detection d = p.detection();
                        if (!stored.add(new RowKey(d.satellite(), d.acquiredAt().getEpochSecond(), d.lat(), d.lon()))) {
                            skip(results, skipped, d.line(), DUPLICATE);
                        } else {
                            fresh.add(d);
                            placements.put(d, p.placement());
                        }
                    }
                    long m0 = System.nanoTime();
                    List<Merger.Assignment> assignments = merger.assign(fresh);
                    LOG.debug(
                            "{} known, {} merged in {} ms",
                            known.getT1().size(),
                            fresh.size(),
                            (System.nanoTime() - m0) / 1_000_000);
                    return write(assignments, placements, known.getT2(), results, eventsSince);
                });
    }

    private Mono<List<String>> write(
            List<Merger.Assignment> assignments,
            Map<Detection, Placement> placements,
            List<Activation> alerts,
            List<RowResult> results,
            java.time.Instant eventsSince) {
        Map<String, List<Detection>> opened = new LinkedHashMap<>();
        Set<String> joined = new LinkedHashSet<>();
        for (Merger.Assignment a : assignments) {
            if (a.opened()) {
                opened.put(a.incidentId(), new ArrayList<>(List.of(a.detection())));
                results.add(RowResult.accepted(a.detection().line(), a.incidentId()));
            } else {
                List<Detection> same = opened.get(a.incidentId());
                if (same != null) {
                    same.add(a.detection());
                } else {
                    joined.add(a.incidentId());
                }
                results.add(RowResult.merged(a.detection().line(), a.incidentId()));
            }
        }
        List<Incident> created = new ArrayList<>(opened.size());
        List<StrawEvents.Raised> raised = new ArrayList<>(opened.size());
        java.time.Instant now = clock.instant();
        for (Map.Entry<String, List<Detection>> e : opened.entrySet()) {
            List<Detection> ds = e.getValue();
            Detection head = ds.get(0);
            Placement placement = placements.get(head);
            String alertId = Activations.inForce(alerts, placement.jurisdiction(), head.acquiredAt())
                    .map(Activation::alertId)
                    .orElse(null);
            Incident incident = incidentOf(e.getKey(), ds, placement, alertId, now);
            created.add(incident);
            if (eventsSince != null && head.acquiredAt().isBefore(eventsSince)) {
                continue;
            }
            raised.add(new StrawEvents.Raised(
                    FirePointDetected.TYPE,
                    "fire-point/" + incident.id(),
                    placement,
                    "major",
                    head.acquiredAt(),
                    detected(incident, ds)));
        }
        long t0 = System.nanoTime();
        return incidents
                .insertIncidents(created)
                .doOnSuccess(n -> LOG.debug("incidents inserted in {} ms", (System.nanoTime() - t0) / 1_000_000))
                .then(incidents.insertDetections(assignments))
                .doOnSuccess(n -> LOG.debug("detections inserted at {} ms", (System.nanoTime() - t0) / 1_000_000))
                .then(incidents.refresh(List.copyOf(joined)))
                .then(Mono.defer(() -> events.raise(raised)).subscribeOn(Schedulers.boundedElastic()))
                .doOnSuccess(n ->
                        LOG.debug("{} events appended at {} ms", raised.size(), (System.nanoTime() - t0) / 1_000_000))
                .thenReturn(List.copyOf(opened.keySet()));
    }

    private Incident incidentOf(
            String id, List<Detection> ds, Placement placement, String alertId, java.time.Instant now) {
        Detection head = ds.get(0);
        Set<String> satellites = new java.util.TreeSet<>();
        Double maxFrp = null;
        java.time.Instant last = head.acquiredAt();
        for (Detection d : ds) {
            satellites.add(d.satellite());
            if (d.frpMw() != null && (maxFrp == null || d.frpMw() > maxFrp)) {
                maxFrp = d.frpMw();
            }
            last = d.acquiredAt().isAfter(last) ? d.acquiredAt() : last;
        }
        // A fire on Corps land is the regiment's to patrol. Township boundaries are not reference data, so a county's
        // incident goes to the county's duty office on its roster, which dispatches the township (a reassignment).
        String assignedTo = placement.corpsUnit() != null
                ? placement.corpsUnit()
                : roster.dutyOf(placement.jurisdiction())
                        .map(DutyRoster.Unit::id)
                        .orElse(null);
        return new Incident(
                id,
                head.lon(),
                head.lat(),
                head.acquiredAt(),
                last,
                ds.size(),
                List.copyOf(satellites),
                head.confidence(),
                maxFrp,
                placement.jurisdiction(),
                placement.corpsUnit(),
                assignedTo,
                assignedTo == null ? null : now,
                alertId,
                "open",
                null,
                null,
                null,
                null,
                null);
    }

    private static FirePointDetected detected(Incident incident, List<Detection> ds) {
        List<SourceDetection> sources = ds.stream()
                .sorted(Comparator.comparing(Detection::acquiredAt))
                .map(d -> new SourceDetection(
                        d.satellite(),
                        d.instrument(),
                        d.acquiredAt().toString(),
                        new Location(d.lon(), d.lat()),
                        d.confidence(),
                        d.frpMw(),
                        d.brightnessK()))
                .toList();
        return new FirePointDetected(
                incident.id(),
                new Location(incident.lon(), incident.lat()),
                incident.firstAt().toString(),
                "satellite",
                incident.confidence(),
                incident.maxFrpMw(),
                sources,
                incident.alertId());
    }

    private static ImportReport report(
            FirmsParser.Parsed parsed, List<RowResult> results, Map<String, Integer> skipped, List<String> opened) {
        results.sort(Comparator.comparingInt(RowResult::line));
        int accepted = 0;
        int merged = 0;
        int rejected = 0;
        for (RowResult r : results) {
            switch (r.status()) {
                case "accepted" -> accepted++;
                case "merged" -> merged++;
                case "rejected" -> rejected++;
                default -> {}
            }
        }
        return new ImportReport(
                parsed.dialect().name(), parsed.rows(), accepted, merged, skipped, rejected, opened, results);
    }

    private static void skip(List<RowResult> results, Map<String, Integer> skipped, int line, String reason) {
        results.add(RowResult.skipped(line, reason));
        skipped.merge(reason, 1, Integer::sum);
    }

    /** A row's identity (the detection table's unique key); FIRMS times are whole minutes, so seconds are exact. */
    private record RowKey(String satellite, long seconds, double lat, double lon) {}

    private record Placed(Detection detection, Placement placement) {}
}
