package cn.lantian.portal.upstream;

import cn.lantian.portal.PortalProperties;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The new domains' public lists, read from their owners into the portal's records field by field: construction
 * sites and confirmed violations (dust), fire-point incidents (straw), afforestation projects and sand-closure areas
 * (greening). Nothing else of an owner's answer reaches a page.
 */
@Component
public class Domains {

    /** dust's largest page ({@code limit} 1 to 500). */
    private static final int DUST_PAGE = 500;

    private final WebClient dust;
    private final WebClient straw;
    private final WebClient greening;
    private final PortalProperties.Upstream upstream;
    private final TtlCache<String, List<ConstructionSite>> sites;
    private final TtlCache<String, List<DustViolation>> violations;
    private final TtlCache<String, List<FireIncident>> incidents;
    private final TtlCache<String, List<GreenArea>> areas;

    public Domains(WebClient.Builder builder, PortalProperties properties) {
        this.upstream = properties.upstream();
        this.dust = client(builder, upstream.dust());
        this.straw = client(builder, upstream.straw());
        this.greening = client(builder, upstream.greening());
        this.sites = new TtlCache<>(properties.latestRefresh());
        this.violations = new TtlCache<>(properties.latestRefresh());
        this.incidents = new TtlCache<>(properties.latestRefresh());
        this.areas = new TtlCache<>(properties.latestRefresh());
    }

    private static WebClient client(WebClient.Builder builder, java.net.URI base) {
        return builder.clone()
                .baseUrl(base.toString())
                .codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build();
    }

    /** Every construction site with its monitor status and newest PM10, by id. */
    public Mono<List<ConstructionSite>> sites() {
        return sites.get(
                "all",
                k -> sitesPage(null)
                        .expand(page ->
                                Json.text(page, "next") == null ? Mono.empty() : sitesPage(Json.text(page, "next")))
                        .flatMapIterable(page -> Json.items(page, "items"))
                        .filter(s -> Json.text(s, "id") != null
                                && Json.number(s, "lon") != null
                                && Json.number(s, "lat") != null)
                        .map(Domains::site)
                        .collectList());
    }

    private Mono<JsonNode> sitesPage(String after) {
        return get(dust, b -> {
            b.path("/api/public/v1/dust/sites").queryParam("limit", DUST_PAGE);
            return (after == null ? b : b.queryParam("after", after)).build();
        });
    }

    static ConstructionSite site(JsonNode s) {
        return new ConstructionSite(
                Json.text(s, "id"),
                Json.text(s, "project"),
                Json.text(s, "builderName"),
                Json.number(s, "areaM2"),
                Json.text(s, "phase"),
                Json.text(s, "status"),
                Json.text(s, "jurisdiction"),
                Json.text(s, "corpsUnit"),
                Json.number(s, "lon"),
                Json.number(s, "lat"),
                Json.text(s, "monitorStatus"),
                Json.number(s, "latestPm10"),
                Json.instant(s, "latestHour"));
    }

    /** Confirmed violations of dust's default window (the last 30 days), newest first. */
    public Mono<List<DustViolation>> violations() {
        return violations.get(
                "recent",
                k -> violationsPage(null)
                        .expand(page -> Json.text(page, "next") == null
                                ? Mono.empty()
                                : violationsPage(Json.text(page, "next")))
                        .flatMapIterable(page -> Json.items(page, "items"))
                        .map(v -> new DustViolation(
                                Json.text(v, "id"),
                                Json.text(v, "siteId"),
                                Json.text(v, "project"),
                                Json.text(v, "jurisdiction"),
                                Json.text(v, "kind"),
                                Json.text(v, "measure"),
                                Json.instant(v, "at")))
                        .collectSortedList(Comparator.comparing(
                                DustViolation::at, Comparator.nullsLast(Comparator.reverseOrder()))));
    }

    private Mono<JsonNode> violationsPage(String after) {
        return get(dust, b -> {
            b.path("/api/public/v1/dust/violations").queryParam("limit", DUST_PAGE);
            return (after == null ? b : b.queryParam("after", after)).build();
        });
    }

    /** Fire-point incidents first detected since {@code from}, newest first. */
    public Mono<List<FireIncident>> incidents(Instant from) {
        return incidents.get(
                from.toString(),
                k -> get(
                                straw,
                                b -> b.path("/api/public/v1/straw/incidents")
                                        .queryParam("from", from.toString())
                                        .build())
                        .map(root -> {
                            List<FireIncident> out = new ArrayList<>(StrawDisclosures.incidents(root));
                            out.sort(Comparator.comparing(
                                    FireIncident::firstDetectedAt, Comparator.nullsLast(Comparator.reverseOrder())));
                            return List.copyOf(out);
                        }));
    }

    /** Afforestation projects and sand-closure areas, projects first. */
    public Mono<List<GreenArea>> greenAreas() {
        return areas.get(
                "all",
                k -> Mono.zip(
                                get(
                                        greening,
                                        b -> b.path("/api/public/v1/greening/projects")
                                                .build()),
                                get(
                                        greening,
                                        b -> b.path("/api/public/v1/greening/closure-areas")
                                                .build()))
                        .map(t -> {
                            List<GreenArea> out = new ArrayList<>();
                            for (JsonNode f : Json.items(t.getT1(), "features")) {
                                JsonNode p = Json.field(f, "properties");
                                out.add(new GreenArea(
                                        Json.text(p, "id"),
                                        "project",
                                        Json.text(p, "name"),
                                        Json.text(p, "programme"),
                                        Json.text(p, "jurisdiction"),
                                        Json.text(p, "corpsUnit"),
                                        Json.integer(p, "plantingYear"),
                                        Json.number(Json.field(p, "planted"), "hectares"),
                                        Json.number(Json.field(p, "planted"), "mu"),
                                        Json.number(p, "survivalPercent"),
                                        polygons(Json.field(f, "geometry"))));
                            }
                            for (JsonNode f : Json.items(t.getT2(), "features")) {
                                JsonNode p = Json.field(f, "properties");
                                out.add(new GreenArea(
                                        Json.text(p, "id"),
                                        "closure",
                                        Json.text(p, "name"),
                                        Json.text(p, "level"),
                                        Json.text(p, "jurisdiction"),
                                        Json.text(p, "corpsUnit"),
                                        Json.integer(p, "designatedYear"),
                                        Json.number(Json.field(p, "area"), "hectares"),
                                        Json.number(Json.field(p, "area"), "mu"),
                                        null,
                                        polygons(Json.field(f, "geometry"))));
                            }
                            out.removeIf(a -> a.id() == null);
                            return List.copyOf(out);
                        }));
    }

    /** A GeoJSON Polygon or MultiPolygon as polygons of rings; anything else as none (the list still shows it). */
    static List<List<double[][]>> polygons(JsonNode geometry) {
        String type = Json.text(geometry, "type");
        JsonNode coordinates = Json.field(geometry, "coordinates");
        List<List<double[][]>> out = new ArrayList<>();
        if (coordinates == null || !coordinates.isArray()) {
            return out;
        }
        if ("Polygon".equals(type)) {
            out.add(rings(coordinates));
        } else if ("MultiPolygon".equals(type)) {
            for (JsonNode polygon : coordinates) {
                out.add(rings(polygon));
            }
        }
        out.removeIf(List::isEmpty);
        return out;
    }

    private static List<double[][]> rings(JsonNode polygon) {
        List<double[][]> rings = new ArrayList<>();
        for (JsonNode ring : polygon) {
            List<double[]> points = new ArrayList<>();
            for (JsonNode p : ring) {
                if (p.size() >= 2 && p.get(0).isNumber() && p.get(1).isNumber()) {
                    points.add(new double[] {p.get(0).asDouble(), p.get(1).asDouble()});
                }
            }
            if (points.size() >= 3) {
                rings.add(points.toArray(double[][]::new));
            }
        }
        return rings;
    }

    private Mono<JsonNode> get(WebClient client, Function<UriBuilder, java.net.URI> uri) {
        return client.get().uri(uri).retrieve().bodyToMono(JsonNode.class).timeout(upstream.timeout());
    }
}
