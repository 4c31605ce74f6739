package cn.lantian.portal.upstream;

import cn.lantian.portal.PortalProperties;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Straw's public datasets (fire-point incidents and straw use), read from its public endpoints into the portal's
 * records field by field, so that nothing straw might add later reaches the open data unread.
 */
@Component
public class StrawDisclosures {

    private final WebClient straw;
    private final PortalProperties.Upstream upstream;
    private final TtlCache<String, List<FireIncident>> incidents;
    private final TtlCache<String, List<StrawUseRow>> use;

    public StrawDisclosures(WebClient.Builder builder, PortalProperties properties) {
        this.upstream = properties.upstream();
        this.straw = builder.clone()
                .baseUrl(upstream.straw().toString())
                // Straw answers at most 20,000 features (a few MB).
                .codecs(c -> c.defaultCodecs().maxInMemorySize(32 * 1024 * 1024))
                .build();
        this.incidents = new TtlCache<>(properties.latestRefresh());
        this.use = new TtlCache<>(properties.latestRefresh());
    }

    /** Incidents first detected in [from, to), of one county or Corps unit when given, in straw's order. */
    public Mono<List<FireIncident>> incidents(Instant from, Instant to, String county) {
        return incidents.get(
                from + "|" + to + "|" + county,
                k -> straw.get()
                        .uri(b -> {
                            b.path("/api/public/v1/straw/incidents")
                                    .queryParam("from", from.toString())
                                    .queryParam("to", to.toString());
                            return (county == null ? b : b.queryParam("county", county)).build();
                        })
                        .retrieve()
                        .bodyToMono(JsonNode.class)
                        .timeout(upstream.timeout())
                        .map(StrawDisclosures::incidents));
    }

    /** Straw use of every unit in the season, or in every season when none is given. */
    public Mono<List<StrawUseRow>> strawUse(String season) {
        return use.get(
                String.valueOf(season),
                k -> straw.get()
                        .uri(b -> {
                            b.path("/api/public/v1/straw/utilisation");
                            return (season == null ? b : b.queryParam("season", season)).build();
                        })
                        .retrieve()
                        .bodyToMono(JsonNode.class)
                        .timeout(upstream.timeout())
                        .map(StrawDisclosures::strawUse));
    }

    /** Reads straw's GeoJSON, naming each property the portal shows; a feature without a point is dropped. */
    static List<FireIncident> incidents(JsonNode collection) {
        List<FireIncident> out = new ArrayList<>();
        for (JsonNode f : Json.items(collection, "features")) {
            JsonNode coordinates = f.path("geometry").path("coordinates");
            JsonNode p = f.path("properties");
            if (!coordinates.isArray()
                    || coordinates.size() < 2
                    || !coordinates.get(0).isNumber()
                    || !coordinates.get(1).isNumber()
                    || Json.text(p, "id") == null) {
                continue;
            }
            out.add(new FireIncident(
                    Json.text(p, "id"),
                    Json.text(p, "county"),
                    Json.text(p, "corpsUnit"),
                    coordinates.get(0).asDouble(),
                    coordinates.get(1).asDouble(),
                    Json.instant(p, "firstDetectedAt"),
                    Json.instant(p, "lastDetectedAt"),
                    Json.integer(p, "detections"),
                    Json.texts(p, "satellites"),
                    Json.text(p, "status"),
                    Json.text(p, "verdict"),
                    Json.text(p, "material"),
                    Json.flag(p, false, "duringAlert")));
        }
        return List.copyOf(out);
    }

    /** Reads straw's utilisation table, each row with the target's source named once for the table. */
    static List<StrawUseRow> strawUse(JsonNode table) {
        String source = Json.text(table, "targetSource");
        List<StrawUseRow> out = new ArrayList<>();
        for (JsonNode r : Json.items(table, "rows")) {
            if (Json.text(r, "unit") == null || Json.text(r, "season") == null) {
                continue;
            }
            out.add(new StrawUseRow(
                    Json.text(r, "unit"),
                    Json.text(r, "season"),
                    Json.number(r, "cropAreaHa"),
                    Json.number(r, "producedT"),
                    Json.number(r, "returnedT"),
                    Json.number(r, "feedT"),
                    Json.number(r, "fuelT"),
                    Json.number(r, "rawMaterialT"),
                    Json.number(r, "baseMaterialT"),
                    Json.number(r, "utilisationRate"),
                    Json.number(r, "target"),
                    Json.flag(r, false, "meetsTarget"),
                    Json.integer(r, "burningIncidents"),
                    Json.number(r, "incidentsPer1000Ha"),
                    source));
        }
        return List.copyOf(out);
    }
}
