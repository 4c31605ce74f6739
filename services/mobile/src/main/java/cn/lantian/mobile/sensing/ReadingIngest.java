package cn.lantian.mobile.sensing;

import cn.lantian.mobile.access.Jurisdiction;
import cn.lantian.mobile.events.DomainEvents;
import cn.lantian.mobile.events.Raised;
import cn.lantian.mobile.vehicle.Vehicle;
import cn.lantian.mobile.vehicle.Vehicles;
import cn.lantian.reference.Jurisdictions;
import cn.lantian.reference.Placement;
import cn.lantian.security.Caller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Takes a batch of readings whole, in one transaction: stores each new reading, records every pollutant over its
 * limit, judges the vehicle, and for a failure opens a repair obligation and raises
 * {@code lantian.mobile.vehicle-emission-exceeded.v1} through the outbox. A batch with any bad line stores nothing.
 */
@Service
public class ReadingIngest {

    static final String EXCEEDED = "lantian.mobile.vehicle-emission-exceeded.v1";
    /** Clocks of roadside devices run a little fast; a reading further ahead than this is refused. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

    private final DatabaseClient db;
    private final Vehicles vehicles;
    private final Jurisdictions jurisdictions;
    private final Jurisdiction access;
    private final SensingRules rules;
    private final DomainEvents events;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final List<ReadingListener> listeners;

    public ReadingIngest(
            DatabaseClient db,
            Vehicles vehicles,
            Jurisdictions jurisdictions,
            Jurisdiction access,
            SensingRules rules,
            DomainEvents events,
            TransactionalOperator tx,
            Clock clock,
            List<ReadingListener> listeners) {
        this.db = db;
        this.vehicles = vehicles;
        this.jurisdictions = jurisdictions;
        this.access = access;
        this.rules = rules;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.listeners = List.copyOf(listeners);
    }

    /** Takes readings already read, as one batch (demo data and other in-process producers). */
    public Mono<IngestReport> ingestAll(Caller caller, List<Reading> readings) {
        List<Integer> lines = java.util.stream.IntStream.rangeClosed(1, readings.size())
                .boxed()
                .toList();
        return ingest(caller, new ReadingParser.Parsed(readings, lines, List.of()));
    }

    /** Takes the parsed batch, or fails with {@link RejectedReadings} naming every bad line. */
    Mono<IngestReport> ingest(Caller caller, ReadingParser.Parsed parsed) {
        List<Rejection> rejections = new ArrayList<>(parsed.rejections());
        List<Placed> placed = new ArrayList<>();
        Instant latest = clock.instant().plus(CLOCK_SKEW);
        for (int i = 0; i < parsed.readings().size(); i++) {
            Reading r = parsed.readings().get(i);
            int line = parsed.lines().get(i);
            if (r.at().isAfter(latest)) {
                rejections.add(new Rejection(line, "at", "lies in the future"));
                continue;
            }
            Placement place = jurisdictions.locate(r.lon(), r.lat()).orElse(null);
            if (place == null) {
                rejections.add(new Rejection(line, "lon", "the place lies outside Kashgar Prefecture"));
            } else if (!access.mayWrite(caller, place)) {
                rejections.add(new Rejection(line, "lon", "the place lies outside your jurisdiction"));
            } else {
                placed.add(new Placed(r, place));
            }
        }
        if (!rejections.isEmpty()) {
            return Mono.error(new RejectedReadings(rejections));
        }
        if (placed.isEmpty()) {
            return Mono.error(new RejectedReadings(List.of(new Rejection(1, "body", "holds no reading"))));
        }
        placed.sort(Comparator.comparing(p -> p.reading().at()));
        Tally tally = new Tally();
        List<String> plates =
                placed.stream().map(p -> p.reading().plate()).distinct().toList();
        Mono<IngestReport> work = vehicles.byPlates(plates)
                .flatMap(known -> Flux.fromIterable(placed)
                        .concatMap(p -> store(p, known.get(p.reading().plate()), tally))
                        .then(Mono.fromSupplier(() -> new IngestReport(
                                placed.size(),
                                tally.stored.get(),
                                tally.overLimit.get(),
                                tally.failures.get(),
                                tally.unregistered.get()))));
        return tx.transactional(work);
    }

    private Mono<Void> store(Placed p, Vehicle vehicle, Tally tally) {
        Reading r = p.reading();
        DatabaseClient.GenericExecuteSpec spec = db.sql("insert into reading (plate, vehicle_id, at, lon, lat, "
                        + "jurisdiction, corps_unit, check_kind, opacity, ringelmann, nox, speed, acceleration, wind, "
                        + "received_at) values (:plate, :vehicle, :at, :lon, :lat, :jurisdiction, :corps, :check, "
                        + ":opacity, :ringelmann, :nox, :speed, :acceleration, :wind, :received) "
                        + "on conflict (plate, at, check_kind) do nothing returning id")
                .bind("plate", r.plate())
                .bind("at", OffsetDateTime.ofInstant(r.at(), ZoneOffset.UTC))
                .bind("lon", r.lon())
                .bind("lat", r.lat())
                .bind("jurisdiction", p.place().jurisdiction())
                .bind("check", r.check())
                .bind("received", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        spec = nullable(spec, "vehicle", vehicle == null ? null : vehicle.id(), String.class);
        spec = nullable(spec, "corps", p.place().corpsUnit(), String.class);
        Map<String, Double> values = new java.util.LinkedHashMap<>();
        values.put("opacity", r.opacity());
        values.put("ringelmann", r.ringelmann());
        values.put("nox", r.nox());
        values.put("speed", r.speed());
        values.put("acceleration", r.acceleration());
        values.put("wind", r.wind());
        for (Map.Entry<String, Double> v : values.entrySet()) {
            spec = nullable(spec, v.getKey(), v.getValue(), Double.class);
        }
        return spec.map(row -> row.get("id", Long.class)).one().flatMap(id -> {
            tally.stored.incrementAndGet();
            if (vehicle == null) {
                tally.unregistered.incrementAndGet();
                return Mono.empty();
            }
            return Flux.fromIterable(SensingRules.POLLUTANTS.stream().sorted().toList())
                    .concatMap(pollutant -> judge(id, p, vehicle, pollutant, tally))
                    .thenMany(Flux.fromIterable(listeners))
                    .concatMap(l -> l.stored(r, vehicle, p.place()))
                    .then();
        });
    }

    private Mono<Void> judge(long readingId, Placed p, Vehicle vehicle, String pollutant, Tally tally) {
        Reading r = p.reading();
        Double value = r.value(pollutant);
        Limit limit = rules.limit(vehicle.fuel(), pollutant).orElse(null);
        if (value == null || limit == null || !limit.exceededBy(value)) {
            return Mono.empty();
        }
        tally.overLimit.incrementAndGet();
        Judgement judgement = rules.judgement();
        OffsetDateTime at = OffsetDateTime.ofInstant(r.at(), ZoneOffset.UTC);
        OffsetDateTime from = OffsetDateTime.ofInstant(
                r.at().atZone(Judgement.ZONE)
                        .minusMonths(judgement.windowMonths())
                        .toInstant(),
                ZoneOffset.UTC);
        return db.sql("insert into reading_exceedance (reading_id, plate, pollutant, value, limit_value, at) "
                        + "values (:id, :plate, :pollutant, :value, :limit, :at)")
                .bind("id", readingId)
                .bind("plate", r.plate())
                .bind("pollutant", pollutant)
                .bind("value", value)
                .bind("limit", limit.value())
                .bind("at", at)
                .then()
                .then(db.sql("select at from reading_exceedance where plate = :plate and pollutant = :pollutant "
                                + "and at >= :from and at <= :at and reading_id <> :id")
                        .bind("plate", r.plate())
                        .bind("pollutant", pollutant)
                        .bind("from", from)
                        .bind("at", at)
                        .bind("id", readingId)
                        .map(row -> row.get("at", OffsetDateTime.class).toInstant())
                        .all()
                        .collectList())
                .flatMap(earlier -> !judgement.fails(earlier, r.at())
                        ? Mono.empty()
                        : open(p, vehicle, pollutant, value, limit, earlier.size() + 1, tally));
    }

    /** Opens the repair obligation and raises the event, unless one is already open for the vehicle and pollutant. */
    private Mono<Void> open(
            Placed p, Vehicle vehicle, String pollutant, double value, Limit limit, int failures, Tally tally) {
        Reading r = p.reading();
        String id = "rep-" + UUID.randomUUID().toString().substring(0, 12);
        DatabaseClient.GenericExecuteSpec spec = db.sql("insert into repair_obligation (id, vehicle_id, plate, "
                        + "pollutant, failed_at, jurisdiction, corps_unit) values (:id, :vehicle, :plate, :pollutant, "
                        + ":at, :jurisdiction, :corps) on conflict do nothing returning id")
                .bind("id", id)
                .bind("vehicle", vehicle.id())
                .bind("plate", vehicle.plate())
                .bind("pollutant", pollutant)
                .bind("at", OffsetDateTime.ofInstant(r.at(), ZoneOffset.UTC))
                .bind("jurisdiction", vehicle.placement().jurisdiction());
        spec = nullable(spec, "corps", vehicle.placement().corpsUnit(), String.class);
        return spec.map(row -> row.get("id", String.class)).one().flatMap(opened -> {
            tally.failures.incrementAndGet();
            Judgement j = rules.judgement();
            VehicleEmissionExceeded data = new VehicleEmissionExceeded(
                    vehicle.plate(),
                    vehicle.kind(),
                    "none".equals(vehicle.emissionStage()) ? null : vehicle.emissionStage(),
                    r.check(),
                    pollutant,
                    value,
                    limit.value(),
                    new VehicleEmissionExceeded.Location(r.lon(), r.lat()),
                    java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(r.at().atOffset(BEIJING)),
                    "remote-sensing-" + pollutant + "-" + j.failures() + "-in-" + j.windowMonths() + "-months",
                    limit.source() + "; " + j.source(),
                    limit.status(),
                    failures);
            return events.raise(new Raised(EXCEEDED, "vehicle/" + vehicle.plate(), vehicle.placement(), "major", data));
        });
    }

    private static <T> DatabaseClient.GenericExecuteSpec nullable(
            DatabaseClient.GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    private record Placed(Reading reading, Placement place) {}

    private static final class Tally {
        final AtomicInteger stored = new AtomicInteger();
        final AtomicInteger overLimit = new AtomicInteger();
        final AtomicInteger failures = new AtomicInteger();
        final AtomicInteger unregistered = new AtomicInteger();
    }
}
