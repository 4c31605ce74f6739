package cn.lantian.portal.opendata;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Completes every operation of the public document: a tag by what it serves, a description, and the answers every
 * public GET may give besides its own (304 to a current copy, 429 from the gateway's rate limit, 502 when the owner
 * of the data does not answer).
 */
@Component
class PublicApiDocument implements OpenApiCustomizer {

    private final OwnersApiDocuments owners;

    PublicApiDocument(OwnersApiDocuments owners) {
        this.owners = owners;
    }

    /** Tags by path prefix, first match wins, with their descriptions. */
    private static final List<Map.Entry<String, Tag>> TAGS = List.of(
            Map.entry(
                    "/api/public/v1/datasets/stations/",
                    tag("metadata", "What the data means: parameters, units, limits, flags, latest values")),
            Map.entry("/api/public/v1/parameters", tag("metadata", null)),
            Map.entry("/api/public/v1/datasets/", tag("datasets", "The open datasets, paged, in JSON, CSV or GeoJSON")),
            Map.entry("/api/public/v1/downloads", tag("downloads", "Yearly bulk files (CSV, gzip, byte ranges)")),
            Map.entry("/api/public/v1/live", tag("live", "Server-sent events of new hourly AQI values and alerts")),
            Map.entry(
                    "/api/public/v1/stations",
                    tag("air-quality", "Stations, AQI, targets and alerts, from the air-quality service")),
            Map.entry("/api/public/v1/aqi", tag("air-quality", null)),
            Map.entry("/api/public/v1/units", tag("air-quality", null)),
            Map.entry("/api/public/v1/targets", tag("air-quality", null)),
            Map.entry("/api/public/v1/alerts", tag("air-quality", null)),
            Map.entry(
                    "/api/public/v1/enterprises",
                    tag("enterprises", "Enterprise disclosures, from the stationary-source service")),
            Map.entry(
                    "/api/public/v1/cases",
                    tag("enforcement", "Closed cases' outcomes and assessments, from the enforcement service")),
            Map.entry("/api/public/v1/assessments", tag("enforcement", null)),
            Map.entry("/api/public/v1/dust/", tag("dust", "Construction sites and dust violations")),
            Map.entry("/api/public/v1/straw/", tag("straw", "Fire-point incidents and straw utilisation")),
            Map.entry("/api/public/v1/greening/", tag("greening", "Afforestation projects and sand-closure areas")),
            Map.entry(
                    "/api/public/v1/mobile/",
                    tag("mobile", "Vehicle inspection stations' pass rates and confirmed fraud cases (plates masked)")),
            Map.entry("/api/public/v1/", tag("catalogue", "The DCAT-AP catalogue and the licence")));

    private static Tag tag(String name, String description) {
        return new Tag().name(name).description(description);
    }

    @Override
    public void customise(OpenAPI api) {
        api.setTags(TAGS.stream()
                .map(Map.Entry::getValue)
                .filter(t -> t.getDescription() != null)
                .toList());
        if (api.getPaths() == null) {
            return;
        }
        addOwners(api);
        api.getPaths().forEach((path, item) -> {
            Operation get = item.getGet();
            if (get == null) {
                return;
            }
            // By what the path serves, in place of the controller names springdoc would put.
            TAGS.stream()
                    .filter(t -> path.startsWith(t.getKey()))
                    .findFirst()
                    .ifPresent(t -> get.setTags(List.of(t.getValue().getName())));
            if (get.getDescription() == null || get.getDescription().isBlank()) {
                get.setDescription(get.getSummary() != null ? get.getSummary() + "." : "Reads " + path + ".");
            }
            ApiResponses responses = get.getResponses();
            boolean stream = path.equals("/api/public/v1/live");
            if (!stream) {
                responses.putIfAbsent(
                        "304",
                        new ApiResponse()
                                .description(
                                        "Not modified: the copy named by If-None-Match or If-Modified-Since is current"));
            }
            responses.putIfAbsent(
                    "429",
                    problem("Too many requests from this address (the gateway's rate limit); " + "see Retry-After"));
            if (!path.equals("/api/public/v1/catalog")
                    && !path.equals("/api/public/v1/licence")
                    && !path.equals("/api/public/v1/parameters")
                    && !path.equals("/api/public/v1/datasets/boundaries")) {
                responses.putIfAbsent(
                        "502", problem("The service that owns the data did not answer; try again shortly"));
            }
        });
    }

    /** The owners' public reads beside the portal's own; a path the portal serves itself stays the portal's. */
    private void addOwners(OpenAPI api) {
        OwnersApiDocuments.Found found = owners.latest();
        com.fasterxml.jackson.databind.ObjectMapper models = io.swagger.v3.core.util.Json.mapper();
        try {
            for (var e : found.paths().entrySet()) {
                if (!api.getPaths().containsKey(e.getKey())) {
                    api.getPaths()
                            .addPathItem(
                                    e.getKey(),
                                    models.readValue(e.getValue().toString(), io.swagger.v3.oas.models.PathItem.class));
                }
            }
            if (api.getComponents() == null) {
                api.setComponents(new io.swagger.v3.oas.models.Components());
            }
            for (var e : found.schemas().entrySet()) {
                api.getComponents()
                        .addSchemas(e.getKey(), models.readValue(e.getValue().toString(), Schema.class));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("an owner's OpenAPI document does not read as OpenAPI", e);
        }
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                "application/problem+json",
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
    }
}
