package cn.lantian.indexer.search;

import cn.lantian.indexer.index.IndexLayout;
import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * Runs searches and aggregations, always restricted to what the caller may see: on the indices of the months a
 * bounded time range touches, otherwise on the joint alias.
 */
class EventSearch {

    /** Fields that are for the index only and not part of an answer. */
    private static final List<String> INTERNAL = List.of("text", "visibleto", "indexedat");

    private final ElasticsearchAsyncClient es;
    private final IndexLayout layout;
    private final String timeZone;
    private final Set<String> prefectureOnlyDomains;

    EventSearch(ElasticsearchAsyncClient es, IndexLayout layout, String timeZone, Set<String> prefectureOnlyDomains) {
        this.es = es;
        this.layout = layout;
        this.timeZone = timeZone;
        this.prefectureOnlyDomains = prefectureOnlyDomains;
    }

    /** One page of events, newest first. */
    record Page(long total, boolean totalExact, List<Map<String, Object>> items, String next) {}

    /** One bucket of an aggregation. */
    record Bucket(String key, long count) {}

    /** Counts by where events lie, by type and by calendar day. */
    record Summary(long total, List<Bucket> byCounty, List<Bucket> byType, List<Bucket> byDay) {}

    @SuppressWarnings({"rawtypes", "unchecked"})
    Mono<Page> page(SearchCriteria criteria, Optional<Set<String>> visible) {
        Query query = query(criteria, visible, prefectureOnlyDomains);
        return Mono.fromFuture(() -> es.search(
                        s -> {
                            s.index(targets(criteria))
                                    .ignoreUnavailable(true)
                                    .allowNoIndices(true)
                                    .query(query)
                                    .size(criteria.size())
                                    .sort(o -> o.field(f -> f.field("time").order(SortOrder.Desc)))
                                    .sort(o -> o.field(f -> f.field("id").order(SortOrder.Desc)))
                                    .source(src -> src.filter(f -> f.excludes(INTERNAL)));
                            if (criteria.after() != null) {
                                s.searchAfter(
                                        FieldValue.of(criteria.after().timeMillis()),
                                        FieldValue.of(criteria.after().id()));
                            }
                            return s;
                        },
                        Map.class))
                .map(response ->
                        toPage((SearchResponse<Map<String, Object>>) (SearchResponse) response, criteria.size()));
    }

    Mono<Summary> summary(SearchCriteria criteria, Optional<Set<String>> visible) {
        Query query = query(criteria, visible, prefectureOnlyDomains);
        return Mono.fromFuture(() -> es.search(
                        s -> s.index(targets(criteria))
                                .ignoreUnavailable(true)
                                .allowNoIndices(true)
                                .query(query)
                                .size(0)
                                .trackTotalHits(t -> t.enabled(true))
                                .aggregations(
                                        "byCounty",
                                        a -> a.terms(
                                                t -> t.field("jurisdiction").size(100)))
                                .aggregations(
                                        "byType",
                                        a -> a.terms(t -> t.field("type").size(200)))
                                .aggregations(
                                        "byDay",
                                        a -> a.dateHistogram(d -> d.field("time")
                                                .calendarInterval(CalendarInterval.Day)
                                                .timeZone(timeZone)
                                                .format("yyyy-MM-dd")
                                                .minDocCount(1))),
                        Void.class))
                .map(r -> new Summary(
                        r.hits().total() == null ? 0 : r.hits().total().value(),
                        terms(r.aggregations().get("byCounty")),
                        terms(r.aggregations().get("byType")),
                        days(r.aggregations().get("byDay"))));
    }

    /** The indices a search reads: the months of its time range when it has both ends, otherwise the alias. */
    List<String> targets(SearchCriteria criteria) {
        return layout.searchTargets(
                criteria.from() == null ? null : criteria.from().toInstant(),
                criteria.to() == null ? null : criteria.to().toInstant());
    }

    private static Page toPage(SearchResponse<Map<String, Object>> response, int size) {
        List<Hit<Map<String, Object>>> hits = response.hits().hits();
        List<Map<String, Object>> items = hits.stream().map(Hit::source).toList();
        String next = null;
        if (hits.size() == size) {
            List<FieldValue> sort = hits.get(hits.size() - 1).sort();
            next = new Cursor(sort.get(0).longValue(), sort.get(1).stringValue()).encode();
        }
        var total = response.hits().total();
        return new Page(
                total == null ? items.size() : total.value(),
                total == null || total.relation() == co.elastic.clients.elasticsearch.core.search.TotalHitsRelation.Eq,
                items,
                next);
    }

    private static List<Bucket> terms(Aggregate aggregate) {
        return aggregate.sterms().buckets().array().stream()
                .map(b -> new Bucket(b.key().stringValue(), b.docCount()))
                .toList();
    }

    private static List<Bucket> days(Aggregate aggregate) {
        return aggregate.dateHistogram().buckets().array().stream()
                .map(b -> new Bucket(b.keyAsString(), b.docCount()))
                .toList();
    }

    /**
     * The caller's visibility and every filter as non-scoring clauses, the text as the only scoring one. Anyone but
     * the prefecture is kept out of the prefecture-only domains (the audit trail), even for their own jurisdiction.
     */
    static Query query(SearchCriteria c, Optional<Set<String>> visible, Set<String> prefectureOnlyDomains) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        visible.ifPresent(ids -> bool.filter(terms("visibleto", ids)));
        if (visible.isPresent() && !prefectureOnlyDomains.isEmpty()) {
            bool.mustNot(terms("domain", prefectureOnlyDomains));
        }
        if (c.text() != null) {
            bool.must(m -> m.simpleQueryString(
                    q -> q.query(c.text()).fields("text", "subject.text").defaultOperator(Operator.And)));
        }
        filter(bool, "domain", c.domains());
        filter(bool, "type", c.types());
        filter(bool, "jurisdiction", c.jurisdictions());
        filter(bool, "corpsunit", c.corpsUnits());
        filter(bool, "agency", c.agencies());
        filter(bool, "severity", c.severities());
        if (c.from() != null || c.to() != null) {
            bool.filter(f -> f.range(r -> r.untyped(u -> {
                u.field("time");
                if (c.from() != null) {
                    u.gte(JsonData.of(c.from().toString()));
                }
                if (c.to() != null) {
                    u.lt(JsonData.of(c.to().toString()));
                }
                return u;
            })));
        }
        if (c.box() != null) {
            SearchCriteria.BoundingBox b = c.box();
            bool.filter(f -> f.geoBoundingBox(g -> g.field("location")
                    .boundingBox(bb -> bb.tlbr(t -> t.topLeft(
                                    p -> p.latlon(l -> l.lat(b.maxLat()).lon(b.minLon())))
                            .bottomRight(p -> p.latlon(l -> l.lat(b.minLat()).lon(b.maxLon())))))));
        }
        if (c.circle() != null) {
            SearchCriteria.Circle circle = c.circle();
            bool.filter(f -> f.geoDistance(g -> g.field("location")
                    .distance(java.math.BigDecimal.valueOf(circle.radiusKm()).toPlainString() + "km")
                    .location(p -> p.latlon(l -> l.lat(circle.lat()).lon(circle.lon())))));
        }
        return bool.build()._toQuery();
    }

    private static void filter(BoolQuery.Builder bool, String field, Collection<String> values) {
        if (!values.isEmpty()) {
            bool.filter(terms(field, values));
        }
    }

    private static Query terms(String field, Collection<String> values) {
        List<FieldValue> list = values.stream().map(FieldValue::of).toList();
        return Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(list))));
    }
}
