package cn.lantian.portal.opendata;

import cn.lantian.portal.opendata.schema.Boundaries;
import cn.lantian.portal.opendata.schema.Catalog;
import cn.lantian.portal.opendata.schema.LicenceAnswer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The DCAT-AP catalogue of the datasets (JSON-LD), the licence, and the county boundaries. The catalogue's datasets
 * are data ({@code data/datasets.json}); here they get absolute IRIs for the host the client used.
 */
@RestController
class CatalogController {

    private static final Instant STARTED = Instant.now();

    private final Licence licence;
    private final JsonMapper json;
    private final JsonNode datasets;
    private final byte[] boundaries;

    private final PublicAddress publicAddress;
    private final Coverage coverage;
    private final DomainCoverage domainCoverage;

    CatalogController(
            Licence licence,
            JsonMapper json,
            PublicAddress publicAddress,
            Coverage coverage,
            DomainCoverage domainCoverage) {
        this.publicAddress = publicAddress;
        this.coverage = coverage;
        this.domainCoverage = domainCoverage;
        this.licence = licence;
        this.json = json;
        this.datasets = read("/data/datasets.json");
        try (InputStream in = CatalogController.class.getResourceAsStream("/reference/jurisdictions.geojson")) {
            this.boundaries = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode read(String resource) {
        try (InputStream in = CatalogController.class.getResourceAsStream(resource)) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Operation(summary = "DCAT-AP catalogue of the open datasets (JSON-LD)")
    @ApiResponse(
            responseCode = "200",
            description = "The catalogue",
            content = @Content(mediaType = "application/ld+json", schema = @Schema(implementation = Catalog.class)))
    @GetMapping(
            path = "/api/public/v1/catalog",
            produces = {"application/ld+json", "application/json"})
    Mono<ResponseEntity<byte[]>> catalog(ServerWebExchange exchange) {
        // An owner that does not answer leaves the periods out rather than the catalogue unanswered.
        return Mono.zip(
                        coverage.firstDays().onErrorReturn(Map.of()),
                        domainCoverage.periods().onErrorReturn(Map.of()))
                .map(t -> {
                    Map<String, DomainCoverage.Period> periods = new java.util.HashMap<>(t.getT2());
                    t.getT1().forEach((id, first) -> periods.put(id, new DomainCoverage.Period(first, null)));
                    return catalog(exchange, periods);
                });
    }

    private ResponseEntity<byte[]> catalog(ServerWebExchange exchange, Map<String, DomainCoverage.Period> periods) {
        String base = publicAddress.base(exchange);
        String year =
                String.valueOf(java.time.LocalDate.now(DatasetsController.CHINA).getYear());
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("@context", datasets.get("@context"));
        root.put("@id", base + "/api/public/v1/catalog");
        root.put("@type", "dcat:Catalog");
        root.put("dct:title", datasets.get("title"));
        root.put("dct:description", datasets.get("description"));
        root.put("dct:publisher", datasets.get("publisher"));
        root.put("dct:language", datasets.get("language"));
        // DCAT-AP types every referenced resource: a licence is a dct:LicenseDocument, the rights a statement.
        root.put("dct:license", Map.of("@id", licence.url(), "@type", "dct:LicenseDocument"));
        root.put("dct:rights", Map.of("@type", "dct:RightsStatement", "rdfs:label", licence.attribution()));
        root.put("foaf:homepage", Map.of("@id", base + "/", "@type", "foaf:Document"));
        List<Object> list = new ArrayList<>();
        for (JsonNode d : datasets.get("datasets")) {
            ObjectNode copy = (ObjectNode) d.deepCopy();
            copy.put(
                    "@id",
                    base + "/api/public/v1/catalog#" + d.get("dct:identifier").asString());
            copy.put("@type", "dcat:Dataset");
            String id = d.get("dct:identifier").asString();
            if (Coverage.DATED.contains(id) || DomainCoverage.DATED.contains(id)) {
                // The period is the data's own: from its first day, open-ended while it is updated (or, for a
                // window such as the last year's pass rates, to its last day).
                copy.remove("dct:temporal");
                DomainCoverage.Period found = periods.get(id);
                if (found != null) {
                    ObjectNode period = copy.putObject("dct:temporal");
                    period.put("@type", "dct:PeriodOfTime");
                    period.putObject("dcat:startDate")
                            .put("@value", found.start().toString())
                            .put("@type", "xsd:date");
                    if (found.end() != null) {
                        period.putObject("dcat:endDate")
                                .put("@value", found.end().toString())
                                .put("@type", "xsd:date");
                    }
                }
            }
            if (!copy.has("dcat:distribution")) {
                continue;
            }
            for (JsonNode item : copy.get("dcat:distribution")) {
                ObjectNode o = (ObjectNode) item;
                o.put("@type", "dcat:Distribution");
                for (String iri : List.of("dcat:accessURL", "dcat:downloadURL")) {
                    if (o.has(iri)) {
                        o.set(
                                iri,
                                json.createObjectNode()
                                        .put("@id", base + o.get(iri).asString().replace("{year}", year)));
                    }
                }
                o.set(
                        "dct:license",
                        json.createObjectNode()
                                .put("@id", d.path("spatial").asBoolean(false) ? licence.mapUrl() : licence.url())
                                .put("@type", "dct:LicenseDocument"));
            }
            copy.remove("spatial");
            list.add(copy);
        }
        root.put("dcat:dataset", list);
        return Conditional.respond(
                exchange, json.writeValueAsString(root), Formats.JSON_LD, STARTED, Duration.ofHours(1));
    }

    @Operation(summary = "The licence and attribution of the open data")
    @ApiResponse(
            responseCode = "200",
            description = "The licences",
            content = {@Content(mediaType = "application/json", schema = @Schema(implementation = LicenceAnswer.class))
            })
    @GetMapping("/api/public/v1/licence")
    ResponseEntity<byte[]> licence(ServerWebExchange exchange) {
        Map<String, Object> root = new LinkedHashMap<>(licence.field(false));
        root.put("licence", licence.field(false));
        root.put(
                "maps",
                Map.of("id", licence.mapId(), "url", licence.mapUrl(), "attribution", licence.mapAttribution()));
        return Conditional.respond(
                exchange, json.writeValueAsString(root), MediaType.APPLICATION_JSON, STARTED, Duration.ofHours(1));
    }

    @Operation(summary = "County, development-zone and Corps boundaries (GeoJSON, © OpenStreetMap contributors, ODbL)")
    @ApiResponse(
            responseCode = "200",
            description = "The boundaries",
            content = @Content(mediaType = "application/geo+json", schema = @Schema(implementation = Boundaries.class)))
    @GetMapping("/api/public/v1/datasets/boundaries")
    ResponseEntity<byte[]> boundaries(ServerWebExchange exchange) {
        return Conditional.respond(
                exchange,
                new String(boundaries, StandardCharsets.UTF_8),
                Formats.GEO_JSON,
                STARTED,
                Duration.ofDays(1));
    }
}
