package cn.lantian.contract;

import com.networknt.schema.Error;
import com.networknt.schema.ExecutionConfig;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Lantian event contract: the catalogue of event types, the CloudEvents envelope and the JSON Schema of each
 * type's {@code data}, loaded from this module's resources under {@code contract/}.
 *
 * <p>Consumers read events into their own records; this class only answers whether an event honours the contract.
 */
public final class EventContract {

    /** Dead-letter exchange that every consumer queue rejects to. */
    public static final String DEAD_LETTER_EXCHANGE = "lantian.dlx";

    /** The CloudEvents structured-mode content type of every message. */
    public static final String CONTENT_TYPE = "application/cloudevents+json";

    private static final String ROOT = "contract/";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Map<String, EventType> types;
    private final SortedSet<String> domains;
    /** Formats (date-time, uri...) are assertions here, not annotations; built once, not per validated event. */
    private static final ExecutionConfig FORMATS_ASSERTED =
            ExecutionConfig.builder().formatAssertionsEnabled(true).build();

    private final Schema envelope;
    private final Map<String, Schema> dataSchemas;

    private EventContract(
            Map<String, EventType> types, SortedSet<String> domains, Schema envelope, Map<String, Schema> dataSchemas) {
        this.types = types;
        this.domains = domains;
        this.envelope = envelope;
        this.dataSchemas = dataSchemas;
    }

    /** Loads the contract from the classpath; fails fast when a listed schema is missing or broken. */
    public static EventContract load() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        JsonNode catalog = read("catalog.json");
        Map<String, EventType> types = new LinkedHashMap<>();
        Map<String, Schema> schemas = new LinkedHashMap<>();
        for (JsonNode e : catalog.get("events")) {
            EventType type = new EventType(
                    e.get("type").asString(),
                    e.get("domain").asString(),
                    e.get("exchange").asString(),
                    e.get("routingKey").asString(),
                    e.get("schema").asString(),
                    e.get("example").asString(),
                    e.get("description").asString());
            types.put(type.type(), type);
            schemas.put(type.type(), registry.getSchema(read(type.schema()).toString()));
        }
        SortedSet<String> domains = new TreeSet<>();
        catalog.get("domains").forEach(d -> domains.add(d.asString()));
        Schema envelope = registry.getSchema(read("envelope.schema.json").toString());
        return new EventContract(Map.copyOf(types), domains, envelope, schemas);
    }

    /** Every event type, in catalogue order. */
    public List<EventType> types() {
        return List.copyOf(types.values());
    }

    /** The type of that name, if the contract knows it. */
    public Optional<EventType> type(String type) {
        return Optional.ofNullable(types.get(type));
    }

    /** Every publishing domain; each has the exchange {@link #exchangeOf(String)}. */
    public SortedSet<String> domains() {
        return domains;
    }

    /** The durable topic exchange a domain publishes to. */
    public static String exchangeOf(String domain) {
        return "lantian." + domain;
    }

    /** The domain of a type name such as {@code lantian.stationary.permit-issued.v1}, or empty when malformed. */
    public static Optional<String> domainOf(String type) {
        String[] parts = type == null ? new String[0] : type.split("\\.");
        return parts.length == 4 && parts[0].equals("lantian") ? Optional.of(parts[1]) : Optional.empty();
    }

    /** A valid example event of the type, as published. */
    public JsonNode example(EventType type) {
        return read(type.example());
    }

    /**
     * What is wrong with an event: envelope attributes, unknown type, or {@code data} against the type's schema.
     *
     * @return human-readable violations, each naming the attribute or field; empty when the event is valid
     */
    public List<String> violations(JsonNode event) {
        List<String> found = new ArrayList<>();
        if (event == null || !event.isObject()) {
            return List.of("event: not a JSON object");
        }
        envelope.validate(event, ctx -> ctx.setExecutionConfig(FORMATS_ASSERTED))
                .forEach(e -> found.add("envelope " + describe(e)));
        JsonNode typeNode = event.get("type");
        String typeName = typeNode == null ? null : typeNode.asString();
        Schema data = typeName == null ? null : dataSchemas.get(typeName);
        if (typeName != null && data == null) {
            found.add("type: unknown event type '" + typeName + "'");
        }
        JsonNode payload = event.get("data");
        if (data != null && payload != null && payload.isObject()) {
            data.validate(payload, ctx -> ctx.setExecutionConfig(FORMATS_ASSERTED))
                    .forEach(e -> found.add("data " + describe(e)));
        }
        return found;
    }

    /** Parses raw message bytes and lists violations; malformed JSON is one violation. */
    public List<String> violations(byte[] message) {
        try {
            return violations(JSON.readTree(message));
        } catch (RuntimeException e) {
            return List.of("event: not valid JSON ("
                    + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    private static String describe(Error error) {
        return error.getInstanceLocation() + ": " + error.getMessage();
    }

    private static JsonNode read(String path) {
        try (InputStream in = EventContract.class.getClassLoader().getResourceAsStream(ROOT + path)) {
            if (in == null) {
                throw new IllegalStateException("contract resource missing: " + ROOT + path);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
