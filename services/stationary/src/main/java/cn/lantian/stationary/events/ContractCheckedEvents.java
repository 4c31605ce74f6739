package cn.lantian.stationary.events;

import cn.lantian.contract.EventContract;
import io.r2dbc.postgresql.codec.Json;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks each event against the contract and records it in {@code raised_event} in the current transaction.
 * Stands in for the platform outbox until the eventing runtime is merged.
 */
@Component
class ContractCheckedEvents implements DomainEvents {

    private final DatabaseClient db;
    private final ObjectMapper json;
    private final EventContract contract = EventContract.load();
    private final Clock clock;

    ContractCheckedEvents(DatabaseClient db, ObjectMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Mono<Void> raise(Raised event) {
        return Mono.defer(() -> {
            String id = UUID.randomUUID().toString();
            OffsetDateTime now = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
            ObjectNode envelope = json.createObjectNode();
            envelope.put("specversion", "1.0").put("id", id).put("source", "/lantian/stationary")
                    .put("type", event.type()).put("subject", event.subject()).put("time", now.toString())
                    .put("datacontenttype", "application/json").put("jurisdiction", event.placement().jurisdiction())
                    .put("agency", "ecology");
            if (event.placement().corpsUnit() != null) {
                envelope.put("corpsunit", event.placement().corpsUnit());
            }
            if (event.placement().joint()) {
                envelope.put("sharing", "joint").put("partners", event.placement().corpsUnit());
            }
            if (event.severity() != null) {
                envelope.put("severity", event.severity());
            }
            envelope.set("data", json.valueToTree(event.data()));
            List<String> violations = contract.violations(envelope);
            if (!violations.isEmpty()) {
                return Mono.error(new IllegalArgumentException(event.type() + " breaks the contract: " + violations));
            }
            return db.sql("insert into raised_event (id, type, subject, jurisdiction, corps_unit, envelope, raised_at) "
                            + "values (:id, :type, :subject, :j, :corps, :envelope, :at)")
                    .bind("id", id).bind("type", event.type()).bind("subject", event.subject())
                    .bind("j", event.placement().jurisdiction())
                    .bind("corps", event.placement().corpsUnit() == null ? "" : event.placement().corpsUnit())
                    .bind("envelope", Json.of(json.writeValueAsString(envelope))).bind("at", now).then();
        });
    }
}
