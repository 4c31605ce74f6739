package cn.lantian.indexer.search;

import cn.lantian.contract.EventContract;
import cn.lantian.reference.Jurisdictions;
import cn.lantian.security.Callers;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/** The joint search API over every domain's events, filtered by the caller's jurisdiction. */
@RestController
@RequestMapping("/api/search/v1")
class SearchController {

    private static final Logger LOG = LoggerFactory.getLogger(SearchController.class);

    private final EventSearch search;
    private final EventContract contract;
    private final Jurisdictions jurisdictions;
    private final SearchProperties limits;

    SearchController(EventSearch search, EventContract contract, Jurisdictions jurisdictions, SearchProperties limits) {
        this.search = search;
        this.contract = contract;
        this.jurisdictions = jurisdictions;
        this.limits = limits;
    }

    @Operation(summary = "Events the caller may see, newest first; follow 'next' for the following page")
    @GetMapping("/events")
    Mono<EventSearch.Page> events(
            @Parameter(description = "full text over subject and payload") @RequestParam(required = false) String q,
            @Parameter(description = "domains (repeat or comma-separate)") @RequestParam(required = false)
                    List<String> domain,
            @Parameter(description = "event types, e.g. lantian.straw.fire-point-detected.v1")
                    @RequestParam(required = false)
                    List<String> type,
            @Parameter(description = "where events lie; a unit includes the units under it")
                    @RequestParam(required = false)
                    List<String> jurisdiction,
            @Parameter(description = "Corps units; a division includes its regiments") @RequestParam(required = false)
                    List<String> corpsunit,
            @Parameter(description = "owning agencies") @RequestParam(required = false) List<String> agency,
            @Parameter(description = "info, minor, major, critical") @RequestParam(required = false)
                    List<String> severity,
            @Parameter(description = "earliest event time, inclusive (ISO-8601 with offset)")
                    @RequestParam(required = false)
                    String from,
            @Parameter(description = "latest event time, exclusive (ISO-8601 with offset)")
                    @RequestParam(required = false)
                    String to,
            @Parameter(description = "minLon,minLat,maxLon,maxLat") @RequestParam(required = false) String bbox,
            @Parameter(description = "lon,lat of the centre of a radius search") @RequestParam(required = false)
                    String near,
            @Parameter(description = "radius in kilometres around 'near'") @RequestParam(required = false)
                    String radius,
            @Parameter(description = "page size") @RequestParam(required = false) String size,
            @Parameter(description = "opaque cursor from the previous page's 'next'") @RequestParam(required = false)
                    String cursor) {
        SearchParameters params = new SearchParameters(
                q, domain, type, jurisdiction, corpsunit, agency, severity, from, to, bbox, near, radius, size, cursor);
        return Mono.fromCallable(() -> params.validate(contract, jurisdictions, limits))
                .flatMap(criteria -> caller().flatMap(visible -> search.page(criteria, visible)))
                .onErrorMap(SearchController::indexFailure, SearchController::unavailable);
    }

    @Operation(summary = "Counts of the events the caller may see, by county, type and day")
    @GetMapping("/aggregations")
    Mono<EventSearch.Summary> aggregations(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) List<String> domain,
            @RequestParam(required = false) List<String> type,
            @RequestParam(required = false) List<String> jurisdiction,
            @RequestParam(required = false) List<String> corpsunit,
            @RequestParam(required = false) List<String> agency,
            @RequestParam(required = false) List<String> severity,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String bbox,
            @RequestParam(required = false) String near,
            @RequestParam(required = false) String radius) {
        SearchParameters params = new SearchParameters(
                q, domain, type, jurisdiction, corpsunit, agency, severity, from, to, bbox, near, radius, null, null);
        return Mono.fromCallable(() -> params.validate(contract, jurisdictions, limits))
                .flatMap(criteria -> caller().flatMap(visible -> search.summary(criteria, visible)))
                .onErrorMap(SearchController::indexFailure, SearchController::unavailable);
    }

    private Mono<java.util.Optional<java.util.Set<String>>> caller() {
        return Callers.current()
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.UNAUTHORIZED)))
                .map(c -> Visibility.of(c, jurisdictions));
    }

    private static boolean indexFailure(Throwable e) {
        return e instanceof ElasticsearchException
                || e instanceof TransportException
                || e instanceof CompletionException;
    }

    /** 503 with a plain sentence; what Elasticsearch said goes to the log only. */
    private static Throwable unavailable(Throwable e) {
        LOG.warn("search failed: {}", e.getMessage());
        return new ResponseStatusException(
                HttpStatus.SERVICE_UNAVAILABLE, "The search index cannot answer right now; try again shortly.");
    }
}
