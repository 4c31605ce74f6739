package cn.lantian.airquality.sta;

import cn.lantian.airquality.sta.EntityType.Property;
import cn.lantian.airquality.sta.EntityType.Relation;
import cn.lantian.airquality.sta.ResourcePath.Segment;
import cn.lantian.web.InvalidInput;
import cn.lantian.web.NotFound;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.ForwardedHeaderUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * OGC SensorThings API 1.1 (read) at {@value #ROOT}: the service root, entity sets and entities, navigation, property
 * and {@code $value} paths, {@code $ref}, and the query options {@code $filter $select $expand $orderby $top $skip
 * $count}. Open to everyone: stations and their hours are public in the plan.
 */
@RestController
class SensorThingsController {

    /** The service root's path. */
    static final String ROOT = "/api/public/sta/v1.1";

    /** The conformance classes this service claims in its root document. */
    private static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/iot_sensing/1.1/req/datamodel",
            "http://www.opengis.net/spec/iot_sensing/1.1/req/resource-path/resource-path-to-entities",
            "http://www.opengis.net/spec/iot_sensing/1.1/req/request-data");

    private final StaReads reads;
    private final SensorThingsProperties limits;

    SensorThingsController(StaReads reads, SensorThingsProperties limits) {
        this.reads = reads;
        this.limits = limits;
    }

    @GetMapping(ROOT)
    Map<String, Object> root(ServerHttpRequest request) {
        String base = base(request);
        List<Map<String, String>> sets = new ArrayList<>();
        for (EntityType t : EntityType.values()) {
            sets.add(Map.of("name", t.plural, "url", base + "/" + t.plural));
        }
        return Map.of("value", sets, "serverSettings", Map.of("conformance", CONFORMANCE));
    }

    @GetMapping(ROOT + "/**")
    Mono<ResponseEntity<Object>> read(ServerHttpRequest request) {
        String base = base(request);
        String below = request.getPath().pathWithinApplication().value().substring(ROOT.length() + 1);
        ResourcePath path;
        QueryOptions options;
        try {
            path = ResourcePath.parse(below);
            options = QueryOptions.of(queryOptions(request.getURI().getRawQuery()));
        } catch (ResourcePath.NotFoundAtPath e) {
            return Mono.error(new NotFound("Nothing is found at this path."));
        } catch (QueryException e) {
            return Mono.error(InvalidInput.of("query", e.getMessage()));
        }
        // deferred: a bad $top or $select is found while the answer is built, and is a 400 like the rest
        Mono<ResponseEntity<Object>> answer = Mono.defer(
                () -> path.collection() ? collection(base, request, path, options) : single(base, path, options));
        return answer.onErrorMap(QueryException.class, e -> InvalidInput.of("query", e.getMessage()));
    }

    private Mono<ResponseEntity<Object>> collection(
            String base, ServerHttpRequest request, ResourcePath path, QueryOptions options) {
        List<Segment> segments = path.segments();
        int top = top(options);
        Mono<Boolean> parentExists =
                segments.size() == 1 ? Mono.just(true) : reads.exists(segments, segments.size() - 2);
        return parentExists.flatMap(exists -> {
            if (!exists) {
                return Mono.error(new NotFound("Nothing is found at this path."));
            }
            EntityType type = path.last().type();
            return reads.page(segments, options, top).flatMap(page -> {
                Map<String, Object> body = new LinkedHashMap<>();
                if (page.count() != null) {
                    body.put("@iot.count", page.count());
                }
                if (page.more()) {
                    body.put("@iot.nextLink", nextLink(request, base, options.skip() + top));
                }
                if (path.ref()) {
                    body.put(
                            "value",
                            page.rows().stream()
                                    .map(r -> Map.of("@iot.selfLink", EntityJson.selfLink(base, type, r.get("id"))))
                                    .toList());
                    return Mono.just(ResponseEntity.ok((Object) body));
                }
                return render(base, type, page.rows(), options).map(values -> {
                    body.put("value", values);
                    return ResponseEntity.ok((Object) body);
                });
            });
        });
    }

    private Mono<ResponseEntity<Object>> single(String base, ResourcePath path, QueryOptions options) {
        EntityType type = path.last().type();
        return reads.page(path.segments(), QueryOptions.NONE, 1).flatMap(page -> {
            if (page.rows().isEmpty()) {
                return Mono.error(new NotFound("Nothing is found at this path."));
            }
            Map<String, Object> row = page.rows().get(0);
            if (path.ref()) {
                return Mono.just(ResponseEntity.ok(
                        (Object) Map.of("@iot.selfLink", EntityJson.selfLink(base, type, row.get("id")))));
            }
            if (path.property() != null) {
                Property p = type.properties().get(path.property());
                if (path.value()) {
                    return Mono.just(ResponseEntity.ok()
                            .contentType(MediaType.TEXT_PLAIN)
                            .body((Object) EntityJson.raw(type, p, row)));
                }
                Map<String, Object> body = new LinkedHashMap<>();
                body.put(p.name(), EntityJson.value(type, p, row));
                return Mono.just(ResponseEntity.ok((Object) body));
            }
            return render(base, type, List.of(row), options).map(list -> ResponseEntity.ok((Object) list.get(0)));
        });
    }

    /** Renders rows and adds their expanded relations, one statement per relation and level. */
    private Mono<List<Map<String, Object>>> render(
            String base, EntityType type, List<Map<String, Object>> rows, QueryOptions options) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            out.add(EntityJson.entity(base, type, row, options.select()));
        }
        if (options.expand().isEmpty() || rows.isEmpty()) {
            return Mono.just(out);
        }
        return Flux.fromIterable(options.expand())
                .concatMap(expand -> {
                    Relation relation = type.relation(expand.relation());
                    if (relation == null) {
                        return Mono.error(new QueryException("$expand names '" + expand.relation() + "', which "
                                + type.singular + " does not have"));
                    }
                    List<Object> keys =
                            rows.stream().map(r -> r.get(relation.column())).toList();
                    int top = top(expand.options());
                    return reads.related(relation, keys, expand.options(), top).flatMap(grouped -> {
                        List<Map<String, Object>> children = new ArrayList<>();
                        grouped.values().forEach(children::addAll);
                        return render(base, relation.target(), children, expand.options())
                                .map(rendered -> {
                                    // rendered children are in the order of 'children': hand them back to their parents
                                    Map<Map<String, Object>, Map<String, Object>> byRow =
                                            new java.util.IdentityHashMap<>();
                                    for (int i = 0; i < children.size(); i++) {
                                        byRow.put(children.get(i), rendered.get(i));
                                    }
                                    for (int i = 0; i < rows.size(); i++) {
                                        Object key = rows.get(i).get(relation.column());
                                        List<Map<String, Object>> mine = key == null
                                                ? List.of()
                                                : grouped.getOrDefault(((Number) key).longValue(), List.of());
                                        List<Map<String, Object>> json =
                                                mine.stream().map(byRow::get).toList();
                                        out.get(i)
                                                .put(
                                                        relation.name(),
                                                        relation.many() ? json : json.isEmpty() ? null : json.get(0));
                                    }
                                    return out;
                                });
                    });
                })
                .then(Mono.just(out));
    }

    private int top(QueryOptions options) {
        int top = options.top() == null ? limits.pageSize() : options.top();
        if (top > limits.maxPageSize()) {
            throw new QueryException("$top may be at most " + limits.maxPageSize());
        }
        return top;
    }

    /**
     * The service root as the caller reached it: behind the gateway its forwarded host and scheme, so that every link
     * in an answer works for the caller.
     */
    private static String base(ServerHttpRequest request) {
        return ForwardedHeaderUtils.adaptFromForwardedHeaders(request.getURI(), request.getHeaders())
                .replacePath(ROOT)
                .replaceQuery(null)
                .fragment(null)
                .build()
                .toUriString();
    }

    private static String nextLink(ServerHttpRequest request, String base, int skip) {
        String rawPath = request.getURI().getRawPath().substring(ROOT.length());
        String raw = request.getURI().getRawQuery();
        List<String> kept = new ArrayList<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String name = URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8);
                if (!name.equals("$skip") && !pair.isEmpty()) {
                    kept.add(pair);
                }
            }
        }
        kept.add("$skip=" + skip);
        return base + rawPath + "?" + String.join("&", kept);
    }

    /**
     * The query's options, percent-decoded. A raw '+' is a space (form encoding, as many clients send
     * {@code $filter=id+eq+1}) except between two digits, where it is the offset of a date-time
     * ({@code 2026-12-01T00:00:00+08:00}) that a client did not encode.
     */
    static Map<String, String> queryOptions(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            String name = decode(kv[0]);
            String value = kv.length > 1 ? decode(kv[1]) : "";
            if (out.put(name, value) != null) {
                throw new QueryException("query option " + name + " is given twice");
            }
        }
        return out;
    }

    private static String decode(String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '+') {
                boolean between = i > 0
                        && i + 1 < raw.length()
                        && Character.isDigit(raw.charAt(i - 1))
                        && Character.isDigit(raw.charAt(i + 1));
                sb.append(between ? "%2B" : "%20");
            } else {
                sb.append(c);
            }
        }
        try {
            return URLDecoder.decode(sb.toString(), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new QueryException("the query is not percent-encoded correctly");
        }
    }
}
