package cn.lantian.bench.indexer;

import cn.lantian.contract.EventContract;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The benchmark's events: the contract's own example of {@code lantian.stationary.emission-limit-exceeded.v1} (a
 * typical finding with a location and nested payload), each with its own id, the run's marker in its subject, and the
 * current time.
 */
final class BenchEvents {

    static final String TYPE = "lantian.stationary.emission-limit-exceeded.v1";

    private final ObjectMapper json = new ObjectMapper();
    private final ObjectNode template;
    private final String run;

    BenchEvents(String run) {
        EventContract contract = EventContract.load();
        try {
            this.template = (ObjectNode) json.readTree(
                    contract.example(contract.type(TYPE).orElseThrow()).toString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        this.run = run;
    }

    /** The id of the n-th event of this run. */
    String id(long n) {
        return run + "-" + n;
    }

    byte[] event(long n) {
        ObjectNode event = template.deepCopy();
        event.put("id", id(n));
        event.put("subject", "outlet/" + run + "/DA" + n);
        event.put("time", OffsetDateTime.now(ZoneOffset.UTC).toString());
        try {
            return json.writeValueAsBytes(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
