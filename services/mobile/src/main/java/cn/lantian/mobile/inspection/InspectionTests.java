package cn.lantian.mobile.inspection;

import cn.lantian.reference.Placement;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Inspection tests in PostgreSQL. */
@Repository
class InspectionTests {

    /** Rows per insert statement: one round trip each, whatever the upload's size. */
    private static final int CHUNK = 1000;

    private static final String FACTS = "id, station_id, plate, vin, gross_mass_kg, method, tested_at, result, "
            + "obd_cal_id, obd_cvn, process, counts";
    private static final String COLUMNS = "id, station_id, lane, plate, vehicle_id, vin, gross_mass_kg, fuel, method, "
            + "tested_at, result, measurements, obd_result, obd_cal_id, obd_cvn, counts, counts_reason, jurisdiction, "
            + "corps_unit";

    private final DatabaseClient db;
    private final ObjectMapper json;

    InspectionTests(DatabaseClient db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /** A new test with what the closed loop decided, ready to store. */
    record NewTest(TestUpload test, String vehicleId, boolean counts, String countsReason, Placement placement) {}

    /** The ids among these that are stored already. */
    Mono<List<String>> existing(Collection<String> ids) {
        return db.sql("select id from inspection_test where id = any(:ids)")
                .bind("ids", ids.toArray(String[]::new))
                .map(r -> r.get("id", String.class))
                .all()
                .collectList();
    }

    /**
     * The tests the signals and the closed loop compare new tests with: those of the stations and vehicles between the
     * two instants, and each vehicle's latest counted test before them.
     */
    Mono<List<Stored>> context(Collection<String> stations, Collection<String> plates, Instant from, Instant to) {
        Mono<List<Stored>> window = db.sql("select " + FACTS + " from inspection_test where (station_id = any(:s) "
                        + "or plate = any(:p)) and tested_at >= :from and tested_at <= :to")
                .bind("s", stations.toArray(String[]::new))
                .bind("p", plates.toArray(String[]::new))
                .bind("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .bind("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .map(InspectionTests::stored)
                .all()
                .collectList();
        Mono<List<Stored>> latest = db.sql("select distinct on (plate) " + FACTS + " from inspection_test "
                        + "where plate = any(:p) and counts and tested_at < :from order by plate, tested_at desc")
                .bind("p", plates.toArray(String[]::new))
                .bind("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .map(InspectionTests::stored)
                .all()
                .collectList();
        return window.zipWith(latest, (w, l) -> {
            List<Stored> all = new ArrayList<>(l);
            all.addAll(w);
            return all;
        });
    }

    /** Every test of one station between the two instants, as the signals see them (the benchmark's query). */
    Flux<TestFacts> ofStation(String station, Instant from, Instant to) {
        return db.sql("select " + FACTS + " from inspection_test where station_id = :s and tested_at >= :from "
                        + "and tested_at <= :to")
                .bind("s", station)
                .bind("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .bind("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .map(r -> stored(r).facts())
                .all();
    }

    /** Stores the tests, a chunk of rows per statement; an id stored already is left as it is. */
    Mono<Long> insert(List<NewTest> tests, Instant received) {
        List<List<NewTest>> chunks = new ArrayList<>();
        for (int i = 0; i < tests.size(); i += CHUNK) {
            chunks.add(tests.subList(i, Math.min(tests.size(), i + CHUNK)));
        }
        return Flux.fromIterable(chunks)
                .concatMap(chunk -> insertChunk(chunk, received))
                .reduce(0L, Long::sum);
    }

    private Mono<Long> insertChunk(List<NewTest> chunk, Instant received) {
        int n = chunk.size();
        String[][] c = new String[19][n];
        for (int i = 0; i < n; i++) {
            NewTest nt = chunk.get(i);
            TestUpload t = nt.test();
            c[0][i] = t.id();
            c[1][i] = t.stationId();
            c[2][i] = String.valueOf(t.lane());
            c[3][i] = t.plate();
            c[4][i] = nt.vehicleId();
            c[5][i] = t.vin();
            c[6][i] = String.valueOf(t.grossMassKg());
            c[7][i] = t.fuel();
            c[8][i] = t.method();
            c[9][i] = t.testedAt().toString();
            c[10][i] = t.result();
            c[11][i] = json.writeValueAsString(t.measurements());
            c[12][i] = t.obdResult();
            c[13][i] = t.obdCalId();
            c[14][i] = t.obdCvn();
            c[15][i] = t.process() == null
                    ? null
                    : Arrays.stream(t.process()).mapToObj(Double::toString).collect(Collectors.joining(",", "{", "}"));
            c[16][i] = String.valueOf(nt.counts());
            c[17][i] = nt.countsReason();
            c[18][i] = nt.placement().jurisdiction() + "|"
                    + (nt.placement().corpsUnit() == null ? "" : nt.placement().corpsUnit());
        }
        StringBuilder unnest = new StringBuilder("unnest(");
        for (int k = 0; k < c.length; k++) {
            unnest.append(k == 0 ? "" : ", ").append(":c").append(k).append("::text[]");
        }
        unnest.append(")");
        DatabaseClient.GenericExecuteSpec spec = db.sql("insert into inspection_test (" + COLUMNS
                        + ", process, received_at) select id, station_id, lane::integer, plate, vehicle_id, vin, "
                        + "mass::integer, fuel, method, at::timestamptz, result, measurements::jsonb, obd_result, "
                        + "cal, cvn, counts::boolean, reason, split_part(place, '|', 1), "
                        + "nullif(split_part(place, '|', 2), ''), process::double precision[], :received from "
                        + unnest + " as t(id, station_id, lane, plate, vehicle_id, vin, mass, fuel, method, at, "
                        + "result, measurements, obd_result, cal, cvn, process, counts, reason, place) "
                        + "on conflict (id) do nothing")
                .bind("received", OffsetDateTime.ofInstant(received, ZoneOffset.UTC));
        for (int k = 0; k < c.length; k++) {
            spec = spec.bind("c" + k, c[k]);
        }
        return spec.fetch().rowsUpdated();
    }

    /** Tests and passes per station between the two instants: the pass-rate signal's input. */
    Mono<List<FraudSignals.StationTally>> tallies(Instant from, Instant to) {
        return db.sql("select station_id, count(*) as tests, count(*) filter (where result = 'pass') as passes "
                        + "from inspection_test where tested_at > :from and tested_at <= :to group by station_id")
                .bind("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .bind("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .map(r -> new FraudSignals.StationTally(
                        r.get("station_id", String.class), r.get("tests", Long.class), r.get("passes", Long.class)))
                .all()
                .collectList();
    }

    /** One page ordered by id, filtered to the visible units (null for all). */
    Flux<InspectionTest> page(List<String> units, Map<String, Object> filters, String after, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from inspection_test where true");
        Map<String, Object> binds = new LinkedHashMap<>();
        if (units != null) {
            sql.append(" and (jurisdiction = any(:units) or corps_unit = any(:units))");
            binds.put("units", units.toArray(String[]::new));
        }
        Map<String, String> columns = Map.of(
                "station", "station_id", "plate", "plate", "result", "result", "method", "method", "counts", "counts");
        for (Map.Entry<String, String> col : columns.entrySet()) {
            Object v = filters.get(col.getKey());
            if (v != null) {
                sql.append(" and ").append(col.getValue()).append(" = :f_").append(col.getKey());
                binds.put("f_" + col.getKey(), v);
            }
        }
        if (filters.get("from") != null) {
            sql.append(" and tested_at >= :from");
            binds.put("from", OffsetDateTime.ofInstant((Instant) filters.get("from"), ZoneOffset.UTC));
        }
        if (filters.get("to") != null) {
            sql.append(" and tested_at < :to");
            binds.put("to", OffsetDateTime.ofInstant((Instant) filters.get("to"), ZoneOffset.UTC));
        }
        if (after != null) {
            sql.append(" and id > :after");
            binds.put("after", after);
        }
        sql.append(" order by id limit :limit");
        binds.put("limit", limit);
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString());
        for (Map.Entry<String, Object> b : binds.entrySet()) {
            spec = spec.bind(b.getKey(), b.getValue());
        }
        return spec.map(this::read).all();
    }

    private InspectionTest read(Readable r) {
        String jurisdiction = r.get("jurisdiction", String.class);
        String corps = r.get("corps_unit", String.class);
        List<Measurement> measurements = json.readValue(
                r.get("measurements", io.r2dbc.postgresql.codec.Json.class).asString(),
                new TypeReference<List<Measurement>>() {});
        return new InspectionTest(
                r.get("id", String.class),
                r.get("station_id", String.class),
                r.get("lane", Integer.class),
                r.get("plate", String.class),
                r.get("vehicle_id", String.class),
                r.get("vin", String.class),
                r.get("gross_mass_kg", Integer.class),
                r.get("fuel", String.class),
                r.get("method", String.class),
                r.get("tested_at", OffsetDateTime.class).toInstant(),
                r.get("result", String.class),
                measurements,
                new InspectionTest.Obd(
                        r.get("obd_result", String.class),
                        r.get("obd_cal_id", String.class),
                        r.get("obd_cvn", String.class)),
                Boolean.TRUE.equals(r.get("counts", Boolean.class)),
                r.get("counts_reason", String.class),
                corps != null ? corps : jurisdiction);
    }

    private static Stored stored(Readable r) {
        Double[] process = r.get("process", Double[].class);
        return new Stored(
                new TestFacts(
                        r.get("id", String.class),
                        r.get("station_id", String.class),
                        r.get("plate", String.class),
                        r.get("vin", String.class),
                        r.get("gross_mass_kg", Integer.class),
                        r.get("method", String.class),
                        r.get("tested_at", OffsetDateTime.class).toInstant(),
                        "pass".equals(r.get("result", String.class)),
                        r.get("obd_cal_id", String.class),
                        r.get("obd_cvn", String.class),
                        process == null
                                ? null
                                : Arrays.stream(process)
                                        .mapToDouble(Double::doubleValue)
                                        .toArray()),
                Boolean.TRUE.equals(r.get("counts", Boolean.class)));
    }
}
