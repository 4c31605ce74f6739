package cn.lantian.portal.opendata;

import cn.lantian.portal.PortalProperties;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The public operations ({@code /api/public/v1/**}) of the services that own the data, read from their own OpenAPI
 * documents ({@code /v3/api-docs}), so that the one public document lists them beside the portal's. Each owner's
 * schemas come along under the owner's prefix (two owners may both call a schema {@code Page}), only those its public
 * operations reference.
 */
@Component
class OwnersApiDocuments implements org.springframework.beans.factory.DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OwnersApiDocuments.class);
    private static final String PUBLIC = "/api/public/v1/";
    private static final String SCHEMAS = "#/components/schemas/";

    /** What the owners publish: their paths and the schemas those reference (prefixed). */
    record Found(Map<String, JsonNode> paths, Map<String, JsonNode> schemas) {}

    /** The public paths each owner answers (as the gateway routes them): an owner's document adds no others. */
    static final Map<String, List<String>> OWNED = Map.of(
            "airQuality",
            List.of(PUBLIC + "stations", PUBLIC + "aqi", PUBLIC + "targets", PUBLIC + "alerts", PUBLIC + "units"),
            "stationary",
            List.of(PUBLIC + "enterprises"),
            "enforcement",
            List.of(PUBLIC + "cases", PUBLIC + "assessments"),
            "dust",
            List.of(PUBLIC + "dust/"),
            "straw",
            List.of(PUBLIC + "straw/"),
            "greening",
            List.of(PUBLIC + "greening/"),
            "mobile",
            List.of(PUBLIC + "mobile/"));

    private final Map<String, WebClient> owners = new LinkedHashMap<>();
    private final Duration timeout;
    private final Duration every;
    private volatile Found latest = new Found(Map.of(), Map.of());
    private volatile Disposable refreshing;

    OwnersApiDocuments(WebClient.Builder builder, PortalProperties properties) {
        PortalProperties.Upstream up = properties.upstream();
        Map<String, URI> bases = new LinkedHashMap<>();
        bases.put("airQuality", up.airQuality());
        bases.put("stationary", up.stationary());
        bases.put("enforcement", up.enforcement());
        bases.put("dust", up.dust());
        bases.put("straw", up.straw());
        bases.put("greening", up.greening());
        bases.put("mobile", up.mobile());
        bases.forEach((name, base) -> owners.put(
                name,
                builder.clone()
                        .baseUrl(base.toString())
                        .codecs(c -> c.defaultCodecs().maxInMemorySize(8 * 1024 * 1024))
                        .build()));
        this.timeout = up.timeout();
        this.every = properties.latestRefresh();
    }

    /**
     * The owners' public operations as last read. The document is built on a request thread that must not wait, so
     * the owners' documents are read in the background, at start and then every {@code latest-refresh}; an owner
     * that does not answer is left out until it does.
     */
    Found latest() {
        return latest;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        refreshing = Flux.interval(Duration.ZERO, every)
                .onBackpressureDrop()
                .concatMap(tick -> load(), 1)
                .subscribe(found -> latest = found);
    }

    @Override
    public void destroy() {
        if (refreshing != null) {
            refreshing.dispose();
        }
    }

    private Mono<Found> load() {
        return Flux.fromIterable(owners.entrySet())
                .concatMap(e -> e.getValue()
                        .get()
                        .uri("/v3/api-docs")
                        .retrieve()
                        .bodyToMono(JsonNode.class)
                        .timeout(timeout)
                        .map(doc -> Map.entry(e.getKey(), doc))
                        .onErrorResume(error -> {
                            log.warn("the OpenAPI document of {} is not available: {}", e.getKey(), error.toString());
                            return Mono.empty();
                        }))
                .collectList()
                .map(docs -> {
                    Map<String, JsonNode> paths = new LinkedHashMap<>();
                    Map<String, JsonNode> schemas = new LinkedHashMap<>();
                    for (var d : docs) {
                        take(d.getKey(), d.getValue(), paths, schemas);
                    }
                    return new Found(paths, schemas);
                });
    }

    /** Copies one owner's public GET operations and the schemas they reach, with the schema names prefixed. */
    static void take(String owner, JsonNode doc, Map<String, JsonNode> paths, Map<String, JsonNode> schemas) {
        JsonNode ownPaths = doc.path("paths");
        JsonNode ownSchemas = doc.path("components").path("schemas");
        String prefix = Character.toUpperCase(owner.charAt(0)) + owner.substring(1);
        Set<String> reached = new TreeSet<>();
        List<String> queue = new ArrayList<>();
        for (var p : ownPaths.properties()) {
            if (OWNED.getOrDefault(owner, List.of()).stream().noneMatch(p.getKey()::startsWith)
                    || !p.getValue().has("get")) {
                continue;
            }
            // Only the reads: the public part of an owner is read-only.
            ObjectNode item = ((ObjectNode) p.getValue()).objectNode();
            ObjectNode get = (ObjectNode) p.getValue().get("get").deepCopy();
            // Operation ids are unique per document: two owners (or an owner and the portal) may use the same one.
            if (get.hasNonNull("operationId")) {
                String id = get.get("operationId").asString();
                get.put("operationId", owner + Character.toUpperCase(id.charAt(0)) + id.substring(1));
            }
            // Says whose operation it is: the portal's own checks of its answers leave the owners' to the owners.
            get.put("x-lantian-owner", owner);
            item.set("get", get);
            refs(item, queue);
            paths.put(p.getKey(), renamed(item, prefix));
        }
        while (!queue.isEmpty()) {
            String name = queue.remove(queue.size() - 1);
            if (reached.add(name) && ownSchemas.has(name)) {
                refs(ownSchemas.get(name), queue);
            }
        }
        for (String name : reached) {
            if (ownSchemas.has(name)) {
                schemas.put(prefix + name, renamed(ownSchemas.get(name).deepCopy(), prefix));
            }
        }
    }

    private static void refs(JsonNode node, List<String> into) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isString() && ref.asString().startsWith(SCHEMAS)) {
                into.add(ref.asString().substring(SCHEMAS.length()));
            }
            node.values().forEach(v -> refs(v, into));
        } else if (node.isArray()) {
            node.forEach(v -> refs(v, into));
        }
    }

    private static JsonNode renamed(JsonNode node, String prefix) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            JsonNode ref = o.get("$ref");
            if (ref != null && ref.isString() && ref.asString().startsWith(SCHEMAS)) {
                o.put("$ref", SCHEMAS + prefix + ref.asString().substring(SCHEMAS.length()));
            }
            for (var e : o.properties()) {
                renamed(e.getValue(), prefix);
            }
        } else if (node.isArray()) {
            node.forEach(v -> renamed(v, prefix));
        }
        return node;
    }
}
