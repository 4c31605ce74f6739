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

    /** Tags by path prefix, first match wins, with their descriptions. */
    private static final List<Map.Entry<String, Tag>> TAGS = List.of(
            Map.entry(
                    "/api/public/v1/datasets/stations/",
                    tag("metadata", "What the data means: parameters, units, limits, flags, latest values")),
            Map.entry("/api/public/v1/parameters", tag("metadata", null)),
            Map.entry("/api/public/v1/datasets/", tag("datasets", "The open datasets, paged, in JSON, CSV or GeoJSON")),
            Map.entry("/api/public/v1/downloads", tag("downloads", "Yearly bulk files (CSV, gzip, byte ranges)")),
            Map.entry("/api/public/v1/live", tag("live", "Server-sent events of new hourly AQI values and alerts")),
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
                get.setDescription(get.getSummary() + ".");
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

    private static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                "application/problem+json",
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
    }
}
