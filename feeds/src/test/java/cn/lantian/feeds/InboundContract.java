package cn.lantian.feeds;

import com.networknt.schema.ExecutionConfig;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The raw inbound formats of the event contract ({@code contract/inbound/catalog.json}): checks a feed's message
 * against the format its exchange and routing key name, the content type, and every row against the row's JSON Schema.
 */
public final class InboundContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ExecutionConfig FORMATS_ASSERTED =
            ExecutionConfig.builder().formatAssertionsEnabled(true).build();
    private static final InboundContract LOADED = load();

    private record Format(
            String name,
            String exchange,
            String routingKey,
            String contentType,
            String rows,
            String header,
            JsonNode schemaNode,
            Schema schema) {}

    private final List<Format> formats;

    private InboundContract(List<Format> formats) {
        this.formats = formats;
    }

    /** The contract's inbound formats, from the classpath. */
    public static InboundContract get() {
        return LOADED;
    }

    /** Every exchange the contract names. */
    public List<String> exchanges() {
        return formats.stream().map(Format::exchange).distinct().toList();
    }

    /** What is wrong with a message; empty when it has a format and every row follows it. */
    public List<String> violations(String exchange, String routingKey, String contentType, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        String firstLine = text.lines().findFirst().orElse("");
        List<Format> candidates = formats.stream()
                .filter(f -> f.exchange().equals(exchange) && topicMatches(f.routingKey(), routingKey))
                .filter(f -> f.header() == null || List.of(firstLine.split(",")).contains(f.header()))
                .toList();
        if (candidates.isEmpty()) {
            return List.of("no inbound format for " + exchange + " with routing key " + routingKey);
        }
        Format format = candidates.get(0);
        List<String> found = new ArrayList<>();
        if (!format.contentType().equals(contentType)) {
            found.add(format.name() + ": content type " + contentType + ", not " + format.contentType());
        }
        List<JsonNode> rows = format.rows().equals("csv") ? csvRows(text, format.schemaNode()) : jsonLines(text);
        if (rows.isEmpty()) {
            found.add(format.name() + ": no rows");
        }
        for (int i = 0; i < rows.size(); i++) {
            int row = i + 1;
            format.schema()
                    .validate(rows.get(i), ctx -> ctx.setExecutionConfig(FORMATS_ASSERTED))
                    .forEach(e -> found.add(
                            format.name() + " row " + row + " " + e.getInstanceLocation() + ": " + e.getMessage()));
        }
        return found;
    }

    static boolean topicMatches(String pattern, String key) {
        return matches(pattern.split("\\."), 0, key.split("\\."), 0);
    }

    private static boolean matches(String[] p, int i, String[] k, int j) {
        if (i == p.length) {
            return j == k.length;
        }
        if (p[i].equals("#")) {
            for (int rest = j; rest <= k.length; rest++) {
                if (matches(p, i + 1, k, rest)) {
                    return true;
                }
            }
            return false;
        }
        return j < k.length && (p[i].equals("*") || p[i].equals(k[j])) && matches(p, i + 1, k, j + 1);
    }

    private static List<JsonNode> jsonLines(String text) {
        List<JsonNode> rows = new ArrayList<>();
        text.lines().filter(l -> !l.isBlank()).forEach(l -> rows.add(JSON.readTree(l)));
        return rows;
    }

    /** CSV rows as objects of the header's columns: empty cells left out, numbers as numbers unless a string. */
    private static List<JsonNode> csvRows(String text, JsonNode schema) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        String[] header = lines.get(0).split(",", -1);
        List<JsonNode> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            ObjectNode row = JSON.createObjectNode();
            for (int c = 0; c < header.length && c < cells.length; c++) {
                String name = header[c].trim();
                String cell = cells[c].trim();
                if (cell.isEmpty()) {
                    continue;
                }
                JsonNode property = schema.path("properties").path(name);
                boolean textual = property.path("type").asString("").equals("string");
                if (!textual && cell.matches("-?\\d+")) {
                    row.put(name, Long.parseLong(cell));
                } else if (!textual && cell.matches("-?\\d*\\.\\d+([eE][-+]?\\d+)?")) {
                    row.put(name, Double.parseDouble(cell));
                } else {
                    row.put(name, cell);
                }
            }
            rows.add(row);
        }
        return rows;
    }

    private static InboundContract load() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        JsonNode catalog = read("contract/inbound/catalog.json");
        List<Format> formats = new ArrayList<>();
        Map<String, JsonNode> schemas = new LinkedHashMap<>();
        for (JsonNode f : catalog.get("formats")) {
            String path = "contract/" + f.get("schema").asString();
            JsonNode schemaNode = schemas.computeIfAbsent(path, InboundContract::read);
            formats.add(new Format(
                    f.get("name").asString(),
                    f.get("exchange").asString(),
                    f.get("routingKey").asString(),
                    f.get("contentType").asString(),
                    f.get("rows").asString(),
                    f.has("header") ? f.get("header").asString() : null,
                    schemaNode,
                    registry.getSchema(schemaNode.toString())));
        }
        return new InboundContract(List.copyOf(formats));
    }

    private static JsonNode read(String resource) {
        try (InputStream in = InboundContract.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return JSON.readTree(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
