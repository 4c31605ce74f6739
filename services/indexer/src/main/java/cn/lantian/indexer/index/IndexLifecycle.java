package cn.lantian.indexer.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.stats.IndicesStats;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lifecycle of the monthly indices, run by the indexer itself because the platform's Elasticsearch distribution
 * has no ILM module. Rollover is by name: an event's month picks its index, and the template creates the next month's
 * on its first event. A month that ended more than {@code settle} ago is force-merged to one segment (its shard holds
 * few, large segments and searches of it touch less); late or replayed events may still be written there, as
 * idempotency requires (no write block), and when they add segments the month is merged again on a later round.
 * Shrinking has nothing to do: every monthly index has one primary shard.
 */
public final class IndexLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IndexLifecycle.class);

    private final ElasticsearchClient es;
    private final IndexLayout layout;
    private final IndexerProperties.Lifecycle settings;
    private final Clock clock;

    public IndexLifecycle(
            ElasticsearchClient es, IndexLayout layout, IndexerProperties.Lifecycle settings, Clock clock) {
        this.es = es;
        this.layout = layout;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * One round: starts a force-merge of every settled month's index that has more than one segment per primary
     * shard, without waiting for it (Elasticsearch runs them one after another).
     *
     * @return the indices whose merge was started
     */
    public List<String> run() throws IOException {
        Map<String, IndicesStats> stats = es.indices()
                .stats(s -> s.index(layout.pattern()).metric("segments"))
                .indices();
        List<String> merging = new ArrayList<>();
        for (Map.Entry<String, IndicesStats> entry : stats.entrySet()) {
            String index = entry.getKey();
            Optional<YearMonth> month = layout.monthOf(index);
            if (month.isEmpty() || !settled(month.get())) {
                continue;
            }
            IndicesStats indexStats = entry.getValue();
            long segments =
                    indexStats.primaries() == null || indexStats.primaries().segments() == null
                            ? 0
                            : indexStats.primaries().segments().count();
            // One primary shard per index (the template), so one segment when merged.
            if (segments > 1) {
                es.indices().forcemerge(f -> f.index(index).maxNumSegments(1L).waitForCompletion(false));
                merging.add(index);
            }
        }
        if (!merging.isEmpty()) {
            log.info("force-merging the settled months' indices {}", merging);
        }
        return merging;
    }

    /** Runs {@link #run()}, logging instead of throwing: a round that fails is tried again at the next interval. */
    public void runQuietly() {
        try {
            run();
        } catch (IOException | RuntimeException e) {
            log.warn("index lifecycle round failed, tried again in {}: {}", settings.interval(), e.getMessage());
        }
    }

    private boolean settled(YearMonth month) {
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        return end.plus(settings.settle()).isBefore(clock.instant());
    }
}
