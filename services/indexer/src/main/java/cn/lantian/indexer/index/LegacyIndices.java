package cn.lantian.indexer.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.ResponseBody;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the documents of the former layout's per-domain indices ({@code <prefix>events-<domain>}, no month) into the
 * index of their domain and month, under the same ids ({@code op_type=create}, so a document already moved, or
 * replayed since, stays as it is), and deletes each such index once all of its documents are in place. Until then
 * the old index stays behind the joint alias, so nothing is ever unsearchable; a failure leaves it for the next start.
 */
public final class LegacyIndices {

    private static final Logger log = LoggerFactory.getLogger(LegacyIndices.class);
    private static final int PAGE = 1_000;
    private static final String KEEP_ALIVE = "2m";

    private final ElasticsearchClient es;
    private final IndexLayout layout;

    public LegacyIndices(ElasticsearchClient es, IndexLayout layout) {
        this.es = es;
        this.layout = layout;
    }

    /**
     * Moves every legacy index of these domains that exists.
     *
     * @return the number of documents moved (created in a monthly index)
     */
    public long migrate(Collection<String> domains) throws IOException {
        long moved = 0;
        for (String domain : domains) {
            String legacy = layout.legacyIndex(domain);
            // A concrete index of that name only: an alias or nothing answers otherwise.
            if (!es.indices()
                    .get(g -> g.index(legacy).ignoreUnavailable(true))
                    .result()
                    .containsKey(legacy)) {
                continue;
            }
            moved += move(domain, legacy);
            es.indices().delete(d -> d.index(legacy));
            log.info("moved the documents of {} into its monthly indices and deleted it", legacy);
        }
        return moved;
    }

    private long move(String domain, String legacy) throws IOException {
        long moved = 0;
        ResponseBody<JsonData> page = es.search(
                s -> s.index(legacy).size(PAGE).scroll(t -> t.time(KEEP_ALIVE)).sort(o -> o.doc(d -> d)),
                JsonData.class);
        String scrollId = page.scrollId();
        try {
            while (!page.hits().hits().isEmpty()) {
                moved += copy(domain, page.hits().hits());
                String id = scrollId;
                page = es.scroll(s -> s.scrollId(id).scroll(t -> t.time(KEEP_ALIVE)), JsonData.class);
                scrollId = page.scrollId();
            }
        } finally {
            String id = scrollId;
            if (id != null) {
                es.clearScroll(c -> c.scrollId(id));
            }
        }
        return moved;
    }

    private long copy(String domain, List<Hit<JsonData>> hits) throws IOException {
        List<BulkOperation> operations = new ArrayList<>(hits.size());
        for (Hit<JsonData> hit : hits) {
            String time = hit.source().toJson().asJsonObject().getString("time");
            String index = layout.index(domain, OffsetDateTime.parse(time));
            operations.add(BulkOperation.of(
                    b -> b.create(c -> c.index(index).id(hit.id()).document(hit.source()))));
        }
        BulkResponse response = es.bulk(b -> b.operations(operations));
        long created = 0;
        for (BulkResponseItem item : response.items()) {
            if (item.status() >= 200 && item.status() < 300) {
                created++;
            } else if (item.status() != 409) {
                throw new IllegalStateException("could not move document " + item.id() + " (" + item.status() + "): "
                        + (item.error() == null
                                ? "no reason given"
                                : item.error().reason()));
            }
        }
        return created;
    }
}
