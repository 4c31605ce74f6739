package cn.lantian.enforcement.registry;

import cn.lantian.enforcement.routing.CaseRouter;
import cn.lantian.eventing.IncomingEvent;
import cn.lantian.reference.Jurisdictions;
import cn.lantian.reference.Placement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The permitted enterprises of the prefecture as the stationary service publishes them: each permit event leaves the
 * enterprise, where it lies and its permit's status ({@code registry/registry-events.json}). Campaigns read it to give
 * teams tasks for the enterprises of their target; the stationary service stays the owner of the permits.
 */
@Service
public class PermitRegistry {

    /** The registry's data file: which events feed it and the status each leaves. */
    record Events(String source, Map<String, String> permitStatusByEvent) {

        static Events load(String resource) {
            try (InputStream in = PermitRegistry.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is missing from the classpath");
                }
                return JsonMapper.builder()
                        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .build()
                        .readValue(in, Events.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The data file the registry is fed by. */
    public static final String EVENTS = "registry/registry-events.json";

    private final DatabaseClient db;
    private final Jurisdictions jurisdictions;
    private final CaseRouter router;
    private final Map<String, String> statusByEvent = Events.load(EVENTS).permitStatusByEvent();

    public PermitRegistry(DatabaseClient db, Jurisdictions jurisdictions, CaseRouter router) {
        this.db = db;
        this.jurisdictions = jurisdictions;
        this.router = router;
    }

    /** Every event type that feeds the registry. */
    public static Set<String> types() {
        return Events.load(EVENTS).permitStatusByEvent().keySet();
    }

    /** Whether the event feeds the registry. */
    public boolean tracks(String type) {
        return statusByEvent.containsKey(type);
    }

    /**
     * Records what the permit event says about its enterprise in the current transaction; an event older than the
     * one already recorded changes nothing (events may arrive out of order).
     */
    public Mono<Void> record(IncomingEvent e) {
        JsonNode d = e.data();
        Placement placement = placement(e);
        return db.sql(
                        "insert into registry_enterprise (enterprise_id, name, permit_number, permit_status, jurisdiction, "
                                + "corps_unit, as_of, event_id) values (:id, :name, :permit, :status, :jurisdiction, :corps, :asOf, "
                                + ":event) on conflict (enterprise_id) do update set name = excluded.name, "
                                + "permit_number = excluded.permit_number, permit_status = excluded.permit_status, "
                                + "jurisdiction = excluded.jurisdiction, corps_unit = excluded.corps_unit, as_of = excluded.as_of, "
                                + "event_id = excluded.event_id where registry_enterprise.as_of <= excluded.as_of")
                .bind("id", d.get("enterpriseId").asString())
                .bind("name", text(d, "enterpriseName"))
                .bind("permit", d.get("permitNumber").asString())
                .bind("status", statusByEvent.get(e.type()))
                .bind("jurisdiction", placement.jurisdiction())
                .bind("corps", Parameter.fromOrEmpty(placement.corpsUnit(), String.class))
                .bind("asOf", e.time())
                .bind("event", e.id())
                .fetch()
                .rowsUpdated()
                .then();
    }

    /** Where the registry places the enterprise (joint when a Corps unit inside a county); empty if unknown. */
    public Mono<Placement> placementOf(String enterpriseId) {
        return db.sql("select jurisdiction, corps_unit from registry_enterprise where enterprise_id = :id")
                .bind("id", enterpriseId)
                .map((r, m) -> new Placement(r.get("jurisdiction", String.class), r.get("corps_unit", String.class)))
                .one();
    }

    private Placement placement(IncomingEvent e) {
        JsonNode loc = e.data().get("location");
        if (loc != null && loc.has("lon") && loc.has("lat")) {
            var located = jurisdictions.locate(
                    loc.get("lon").asDouble(), loc.get("lat").asDouble());
            if (located.isPresent()) {
                return located.get();
            }
        }
        return router.fromAttributes(e.jurisdiction(), e.corpsUnit());
    }

    private static Parameter text(JsonNode data, String field) {
        JsonNode v = data.get(field);
        return Parameter.fromOrEmpty(v == null || v.isNull() ? null : v.asString(), String.class);
    }
}
