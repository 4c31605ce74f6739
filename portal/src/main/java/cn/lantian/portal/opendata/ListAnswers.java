package cn.lantian.portal.opendata;

import cn.lantian.portal.PortalProperties;
import cn.lantian.reference.Jurisdictions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared shape of the portal's list datasets held in memory (disclosures, cases, alerts): the same parameters
 * ({@code format}, {@code county}, {@code limit}, {@code cursor}), pages in id order, and answers with the licence,
 * ETag and Last-Modified.
 */
@Component
class ListAnswers {

    private static final int DEFAULT_LIMIT = 100;

    private final Jurisdictions jurisdictions;
    private final PortalProperties properties;
    private final Licence licence;
    private final JsonMapper json;

    ListAnswers(Jurisdictions jurisdictions, PortalProperties properties, Licence licence, JsonMapper json) {
        this.jurisdictions = jurisdictions;
        this.properties = properties;
        this.licence = licence;
        this.json = json;
    }

    /** One page of a list sorted by id, and the cursor of the next page (null on the last). */
    record Page<T>(List<T> items, String next) {}

    /** The checked parameters both lists take. */
    record Query(boolean csv, String unit, int size, String[] after) {}

    static final List<String> PARAMETERS = List.of("format", "county", "limit", "cursor");

    Query query(ServerWebExchange exchange, String format, String county, String limit, String cursor) {
        Params params = new Params();
        params.onlyKnown(exchange.getRequest().getQueryParams().keySet(), PARAMETERS);
        String chosen = Formats.choose(params, format, exchange, List.of("json", "csv"));
        String unit = params.county(county, jurisdictions);
        int size = params.limit(limit, DEFAULT_LIMIT, properties.pageSizeMax());
        String[] after = params.cursor(cursor);
        params.check();
        return new Query(chosen.equals("csv"), unit, size, after);
    }

    /** A CSV as it is, or JSON items wrapped with the licence and the next cursor; with ETag and Last-Modified. */
    ResponseEntity<byte[]> respond(ServerWebExchange exchange, Query q, Object body, String next, Instant modified) {
        NextLink.add(exchange, next);
        String text;
        if (body instanceof Csv csv) {
            text = csv.toString();
        } else {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("licence", licence.field(false));
            root.put("items", body);
            root.put("next", next);
            text = json.writeValueAsString(root);
        }
        return Conditional.respond(
                exchange, text, Formats.mediaType(q.csv() ? "csv" : "json"), modified, Duration.ofSeconds(60));
    }

    static Instant newest(Stream<Instant> times) {
        return times.filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
    }

    boolean within(String unit, String county, String corpsUnit) {
        return unit == null
                || unit.equals(county)
                || unit.equals(corpsUnit)
                || (corpsUnit != null && jurisdictions.isWithin(corpsUnit, unit));
    }

    <T> Page<T> page(Stream<T> items, Function<T, String> id, String[] after, int size) {
        List<T> sorted = new ArrayList<>(items.filter(x -> id.apply(x) != null)
                .filter(x -> after == null || id.apply(x).compareTo(after[0]) > 0)
                .sorted(Comparator.comparing(id))
                .toList());
        if (sorted.size() <= size) {
            return new Page<>(sorted, null);
        }
        List<T> first = List.copyOf(sorted.subList(0, size));
        return new Page<>(first, Params.cursorOf(id.apply(first.get(size - 1)), ""));
    }
}
