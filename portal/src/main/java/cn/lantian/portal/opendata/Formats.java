package cn.lantian.portal.opendata;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;

/** The representation a client asked for: the {@code format} parameter first, else the Accept header. */
final class Formats {

    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");
    static final MediaType JSON_LD = MediaType.parseMediaType("application/ld+json");

    private Formats() {}

    static String choose(Params params, String format, ServerWebExchange exchange, List<String> allowed) {
        if (format != null) {
            return params.oneOf("format", format, "json", allowed);
        }
        for (MediaType accepted : exchange.getRequest().getHeaders().getAccept()) {
            if (allowed.contains("csv") && accepted.isCompatibleWith(CSV) && !accepted.isWildcardType()) {
                return "csv";
            }
            if (allowed.contains("geojson") && accepted.isCompatibleWith(GEO_JSON) && !accepted.isWildcardType()) {
                return "geojson";
            }
        }
        return "json";
    }

    static MediaType mediaType(String format) {
        return switch (format) {
            case "csv" -> CSV;
            case "geojson" -> GEO_JSON;
            default -> MediaType.APPLICATION_JSON;
        };
    }
}
