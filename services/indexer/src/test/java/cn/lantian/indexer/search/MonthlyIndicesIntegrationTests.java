package cn.lantian.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.lantian.indexer.IndexerIntegrationSupport;
import cn.lantian.indexer.index.IndexLayout;
import cn.lantian.indexer.index.IndexLifecycle;
import cn.lantian.indexer.index.IndexTemplate;
import cn.lantian.indexer.index.IndexerProperties;
import cn.lantian.indexer.index.LegacyIndices;
import cn.lantian.testsupport.DemoIdentity;
import cn.lantian.testsupport.KeycloakTokens;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The monthly indices behind the joint alias: events land in their own month's index, a search over one month reads
 * only that month's indices, the template's version decides what is put at start, and settled months are
 * force-merged while the current one is not.
 */
class MonthlyIndicesIntegrationTests extends IndexerIntegrationSupport {

    @Autowired
    EventSearch search;

    @Autowired
    IndexLifecycle lifecycle;

    @Autowired
    IndexerProperties properties;

    /** Noon UTC on the 15th of the month that many months before this one: well inside that month. */
    private static Instant midMonth(int monthsAgo) {
        return YearMonth.now(ZoneOffset.UTC)
                .minusMonths(monthsAgo)
                .atDay(15)
                .atTime(12, 0)
                .toInstant(ZoneOffset.UTC);
    }

    private static OffsetDateTime monthStart(int monthsAgo) {
        return YearMonth.now(ZoneOffset.UTC)
                .minusMonths(monthsAgo)
                .atDay(1)
                .atStartOfDay()
                .atOffset(ZoneOffset.UTC);
    }

    @Test
    @SuppressWarnings("rawtypes")
    void aSearchOverOneMonthReadsOnlyThatMonthsIndices() throws Exception {
        String marker = marker();
        List<String> ids = append(List.of(
                firePoint(marker, "653125", null, null, List.of(), 77.26, 38.41, midMonth(2)),
                firePoint(marker, "653125", null, null, List.of(), 77.26, 38.41, midMonth(1)),
                firePoint(marker, "653125", null, null, List.of(), 77.26, 38.41, midMonth(0))));
        await().atMost(Duration.ofSeconds(10)).until(() -> countIndexed(marker) == 3);

        // Through the API: last month's event only.
        String token = KeycloakTokens.of(DemoIdentity.COORDINATOR);
        JsonNode page = http().get()
                .uri(
                        "/api/search/v1/events?q={q}&from={from}&to={to}",
                        marker,
                        monthStart(1).toString(),
                        monthStart(0).toString())
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("items").get(0).get("id").asString()).isEqualTo(ids.get(1));

        // What that search reads: last month's indices by name, and they hold one shard (straw's) of this run.
        SearchCriteria lastMonth = new SearchCriteria(
                marker,
                List.of(),
                List.of(),
                Set.of(),
                Set.of(),
                List.of(),
                List.of(),
                monthStart(1),
                monthStart(0),
                null,
                null,
                20,
                null);
        List<String> targets = search.targets(lastMonth);
        String lastMonthsIndex =
                layout.index("straw", YearMonth.now(ZoneOffset.UTC).minusMonths(1));
        assertThat(targets)
                .containsExactly(INDEX_PREFIX + "events-*-" + lastMonthsIndex.substring(lastMonthsIndex.length() - 7));
        SearchResponse<Map> byMonth = es.search(
                s -> s.index(targets).query(q -> q.match(m -> m.field("text").query(marker))), Map.class);
        assertThat(byMonth.shards().total().intValue()).isEqualTo(1);
        assertThat(byMonth.hits().hits()).extracting(Hit::index).containsExactly(lastMonthsIndex);

        // Positive control: the joint alias reads every month's shards (this month's of every domain and more).
        SearchResponse<Map> joint = es.search(
                s -> s.index(layout.alias())
                        .query(q -> q.match(m -> m.field("text").query(marker))),
                Map.class);
        assertThat(joint.shards().total().intValue()).isGreaterThanOrEqualTo(3);
        assertThat(joint.hits().hits())
                .extracting(Hit::index)
                .containsExactlyInAnyOrder(
                        layout.index("straw", YearMonth.now(ZoneOffset.UTC).minusMonths(2)),
                        lastMonthsIndex,
                        layout.index("straw", YearMonth.now(ZoneOffset.UTC)));
    }

    @Test
    void theTemplateIsPutAtStartOnlyWhenItsVersionIsNewer() throws Exception {
        // The running indexer put its template at start.
        var installed = es.indices().getIndexTemplate(g -> g.name(layout.templateName()));
        IndexTemplate shipped = new IndexTemplate(layout, properties);
        assertThat(installed.indexTemplates().get(0).indexTemplate().version()).isEqualTo(shipped.version());
        assertThat(installed.indexTemplates().get(0).indexTemplate().indexPatterns())
                .containsExactly(layout.pattern());

        // Another layout of this run, whose cluster holds an older template without the field `indexedat`, and an
        // index made from it.
        String prefix = INDEX_PREFIX + "v-";
        IndexerProperties older = new IndexerProperties(null, prefix, 0, "1s", null, null, null, 24, null);
        IndexLayout other = new IndexLayout(older);
        es.indices()
                .putIndexTemplate(p -> p.name(other.templateName())
                        .withJson(new StringReader("""
                {"index_patterns": ["%s"], "version": %d, "priority": 200,
                 "template": {"mappings": {"dynamic": false, "properties": {"id": {"type": "keyword"}}}}}
                """.formatted(other.pattern(), shipped.version() - 1))));
        String existing = other.index("straw", YearMonth.now(ZoneOffset.UTC).minusMonths(3));
        es.indices().create(c -> c.index(existing));
        assertThat(es.indices()
                        .getMapping(m -> m.index(existing))
                        .get(existing)
                        .mappings()
                        .properties())
                .doesNotContainKey("indexedat");

        // Start: the newer version is put, and its added field reaches the existing index.
        assertThat(new IndexTemplate(other, older).ensure(es, List.of("straw"))).isTrue();
        assertThat(es.indices()
                        .getIndexTemplate(g -> g.name(other.templateName()))
                        .indexTemplates()
                        .get(0)
                        .indexTemplate()
                        .version())
                .isEqualTo(shipped.version());
        assertThat(es.indices()
                        .getMapping(m -> m.index(existing))
                        .get(existing)
                        .mappings()
                        .properties())
                .containsKey("indexedat");
        // This month's index exists from start, in the joint alias.
        String thisMonth = other.index("straw", YearMonth.now(ZoneOffset.UTC));
        assertThat(es.indices()
                        .getAlias(a -> a.index(thisMonth))
                        .result()
                        .get(thisMonth)
                        .aliases())
                .containsKey(other.alias());

        // Started again with the same version: nothing is put.
        assertThat(new IndexTemplate(other, older).ensure(es, List.of("straw"))).isFalse();

        // A newer template (a newer indexer in a rolling upgrade) is left alone.
        es.indices()
                .putIndexTemplate(p -> p.name(other.templateName())
                        .withJson(new StringReader("""
                {"index_patterns": ["%s"], "version": %d, "priority": 200,
                 "template": {"mappings": {"dynamic": false, "properties": {"id": {"type": "keyword"}}}}}
                """.formatted(other.pattern(), shipped.version() + 1))));
        assertThat(new IndexTemplate(other, older).ensure(es, List.of("straw"))).isFalse();
        assertThat(es.indices()
                        .getIndexTemplate(g -> g.name(other.templateName()))
                        .indexTemplates()
                        .get(0)
                        .indexTemplate()
                        .version())
                .isEqualTo(shipped.version() + 1);
    }

    @Test
    void settledMonthsAreForceMergedAndTheCurrentMonthIsNot() throws Exception {
        String marker = marker();
        String settled = layout.index("straw", YearMonth.now(ZoneOffset.UTC).minusMonths(4));
        String current = layout.index("straw", YearMonth.now(ZoneOffset.UTC));
        // Two segments in each: two documents, each made searchable on its own.
        for (String index : List.of(settled, current)) {
            for (int i = 0; i < 2; i++) {
                String id = marker + "-" + index.hashCode() + "-" + i;
                es.index(x -> x.index(index).id(id).withJson(new StringReader("{\"id\": \"" + id + "\"}")));
                es.indices().refresh(r -> r.index(index));
            }
        }
        assertThat(segments(settled)).isGreaterThan(1);
        long currentBefore = segments(current);
        assertThat(currentBefore).isGreaterThan(1);

        List<String> merging = lifecycle.run();

        assertThat(merging).contains(settled).doesNotContain(current);
        await().atMost(Duration.ofSeconds(30)).until(() -> segments(settled) == 1);
        assertThat(segments(current)).isGreaterThan(1);
        // The merged month still takes a late event, and its replay is a conflict, not a second document.
        String late = marker + "-late";
        es.create(c -> c.index(settled).id(late).withJson(new StringReader("{\"id\": \"" + late + "\"}")));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> es.create(
                        c -> c.index(settled).id(late).withJson(new StringReader("{\"id\": \"" + late + "\"}"))))
                .hasMessageContaining("version_conflict");
    }

    @Test
    @SuppressWarnings("rawtypes")
    void documentsOfTheFormerPerDomainIndexMoveIntoTheirMonthsUnderTheSameIds() throws Exception {
        String prefix = INDEX_PREFIX + "l-";
        IndexerProperties before = new IndexerProperties(null, prefix, 0, "1s", null, null, null, 24, null);
        IndexLayout other = new IndexLayout(before);
        String legacy = other.legacyIndex("straw");
        es.indices().create(c -> c.index(legacy));
        Instant older = midMonth(5);
        Instant newer = midMonth(0);
        for (Instant time : List.of(older, newer)) {
            String id = "legacy-" + time.toEpochMilli();
            es.index(x -> x.index(legacy)
                    .id(id)
                    .withJson(new StringReader("{\"id\": \"%s\", \"time\": \"%s\"}"
                            .formatted(
                                    id,
                                    java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                                            time.atOffset(ZoneOffset.ofHours(8)))))));
        }
        es.indices().refresh(r -> r.index(legacy));
        new IndexTemplate(other, before).ensure(es, List.of("straw"));

        assertThat(new LegacyIndices(es, other).migrate(List.of("straw"))).isEqualTo(2);

        assertThat(es.indices().exists(e -> e.index(legacy)).value()).isFalse();
        for (Instant time : List.of(older, newer)) {
            String month = other.index("straw", time.atOffset(ZoneOffset.ofHours(8)));
            var doc = es.get(g -> g.index(month).id("legacy-" + time.toEpochMilli()), Map.class);
            assertThat(doc.found()).isTrue();
            assertThat(doc.source()).containsEntry("id", "legacy-" + time.toEpochMilli());
        }
        // Nothing left to move: a second start changes nothing.
        assertThat(new LegacyIndices(es, other).migrate(List.of("straw"))).isZero();
    }

    private long segments(String index) throws Exception {
        return es.indices()
                .stats(s -> s.index(index).metric("segments"))
                .indices()
                .get(index)
                .primaries()
                .segments()
                .count();
    }
}
