package cn.lantian.portal.opendata.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/** The DCAT-AP catalogue of the open datasets, as JSON-LD. */
@Schema(description = "DCAT-AP 3 catalogue (JSON-LD); IRIs are absolute for the host the client used")
public record Catalog(
        @JsonProperty("@context") Map<String, String> context,
        @JsonProperty("@id") String id,
        @JsonProperty("@type") String type,
        @JsonProperty("dct:title") List<LangString> title,
        @JsonProperty("dct:description") List<LangString> description,
        @JsonProperty("dct:publisher") Agent publisher,
        @JsonProperty("dct:language") List<IdRef> language,
        @JsonProperty("dct:license") IdRef license,
        @JsonProperty("dct:rights") RightsStatement rights,
        @JsonProperty("foaf:homepage") IdRef homepage,
        @JsonProperty("dcat:dataset") List<CatalogDataset> dataset) {

    /** A text in one language. */
    public record LangString(
            @JsonProperty("@value") String value,
            @JsonProperty("@language") String language) {}

    /** A typed literal, such as a date or a WKT polygon. */
    public record TypedLiteral(
            @JsonProperty("@value") String value,
            @JsonProperty("@type") String type) {}

    /** A reference to a resource by its IRI, with the resource's class as DCAT-AP asks. */
    public record IdRef(
            @JsonProperty("@id") String id,
            @JsonProperty("@type") String type) {}

    /** A theme of the EU data-theme table, with its English label as DCAT-AP's shapes ask of a concept. */
    public record Theme(
            @JsonProperty("@id") String id,
            @JsonProperty("@type") String type,
            @JsonProperty("skos:prefLabel") LangString prefLabel) {}

    /** The rights: the attribution to show. */
    public record RightsStatement(
            @JsonProperty("@type") String type,
            @JsonProperty("rdfs:label") String label) {}

    /** The publisher. */
    public record Agent(
            @JsonProperty("@type") String type,
            @JsonProperty("foaf:name") List<LangString> name) {}

    /** One dataset of the catalogue. */
    public record CatalogDataset(
            @JsonProperty("@id") String id,
            @JsonProperty("@type") String type,
            @JsonProperty("dct:identifier") String identifier,
            @JsonProperty("dct:title") List<LangString> title,
            @JsonProperty("dct:description") List<LangString> description,
            @JsonProperty("dct:publisher") Agent publisher,
            @JsonProperty("dcat:keyword") List<String> keyword,
            @JsonProperty("dcat:theme") Theme theme,
            @JsonProperty("dct:accrualPeriodicity") IdRef accrualPeriodicity,
            @JsonProperty("dct:spatial") Location spatial,
            @JsonProperty("dct:temporal") PeriodOfTime temporal,
            @JsonProperty("dcat:distribution") List<Distribution> distribution) {}

    /** Where a dataset applies: its bounding box as a WKT polygon. */
    public record Location(
            @JsonProperty("@type") String type,
            @JsonProperty("dcat:bbox") TypedLiteral bbox) {}

    /** When a dataset starts and, for a fixed window such as the last year's pass rates, ends. */
    public record PeriodOfTime(
            @JsonProperty("@type") String type,
            @JsonProperty("dcat:startDate") TypedLiteral startDate,
            @JsonProperty("dcat:endDate") TypedLiteral endDate) {}

    /** One representation of a dataset and where to get it. */
    public record Distribution(
            @JsonProperty("@type") String type,
            @JsonProperty("dct:title") String title,
            @JsonProperty("dcat:mediaType") IdRef mediaType,
            @JsonProperty("dct:format") IdRef format,
            @JsonProperty("dcat:accessURL") IdRef accessUrl,
            @JsonProperty("dcat:downloadURL") IdRef downloadUrl,
            @JsonProperty("dct:license") IdRef license) {}
}
