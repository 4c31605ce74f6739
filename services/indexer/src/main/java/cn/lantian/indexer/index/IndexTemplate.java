package cn.lantian.indexer.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.get_index_template.IndexTemplateItem;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The composable index template of the monthly indices, shipped as {@code index/events-template.json} with a
 * {@code version}: mappings change only there, with a higher version. At start the indexer puts the template when the
 * cluster holds none, an older version, or the same version with other settings (replicas, refresh interval), and
 * then applies the new mapping to the existing monthly indices as far as Elasticsearch allows (added fields); a
 * newer template (put by a newer indexer during a rolling upgrade) is left alone. Every index the template creates
 * joins the joint alias, whether the indexer creates it or a bulk request does at the start of a month.
 */
public final class IndexTemplate {

    private static final Logger log = LoggerFactory.getLogger(IndexTemplate.class);
    private static final String RESOURCE = "index/events-template.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final IndexLayout layout;
    private final ObjectNode body;
    private final long version;
    private final String settings;

    public IndexTemplate(IndexLayout layout, IndexerProperties properties) {
        this(layout, properties, shipped());
    }

    IndexTemplate(IndexLayout layout, IndexerProperties properties, ObjectNode shipped) {
        this.layout = layout;
        this.version = shipped.path("version").asLong(-1);
        if (version < 1) {
            throw new IllegalStateException(RESOURCE + " needs a positive version");
        }
        // The configured settings are part of what is installed: changing them re-puts the template without a new
        // version, and the fingerprint in _meta tells whether the cluster's template already has them.
        this.settings = "replicas=" + properties.replicas() + ",refresh=" + properties.refreshInterval();
        ObjectNode body = shipped.deepCopy();
        body.putArray("index_patterns").add(layout.pattern());
        ObjectNode template = (ObjectNode) body.get("template");
        ObjectNode indexSettings = (ObjectNode) template.get("settings");
        indexSettings.put("number_of_replicas", properties.replicas());
        indexSettings.put("refresh_interval", properties.refreshInterval());
        template.putObject("aliases").putObject(layout.alias());
        ((ObjectNode) body.get("_meta")).put("settings", settings);
        this.body = body;
    }

    /** The version of the shipped template. */
    public long version() {
        return version;
    }

    /**
     * Puts the template when the cluster's is missing, older, or of other settings, then creates this month's index
     * of every domain, so that the joint alias exists before the first event arrives.
     *
     * @return whether the template was put
     */
    public boolean ensure(ElasticsearchClient es, Collection<String> domains) throws IOException {
        boolean put = putIfNewer(es);
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        for (String domain : domains) {
            create(es, layout.index(domain, now));
        }
        return put;
    }

    private boolean putIfNewer(ElasticsearchClient es) throws IOException {
        Optional<IndexTemplateItem> installed = installed(es);
        if (installed.isPresent()) {
            Long theirs = installed.get().indexTemplate().version();
            long their = theirs == null ? 0 : theirs;
            if (their > version) {
                log.warn(
                        "index template {} has version {}, newer than this indexer's {}: left as it is",
                        layout.templateName(),
                        their,
                        version);
                return false;
            }
            Map<String, co.elastic.clients.json.JsonData> meta =
                    installed.get().indexTemplate().meta();
            String theirSettings = meta == null || meta.get("settings") == null
                    ? null
                    : meta.get("settings").to(String.class);
            if (their == version && settings.equals(theirSettings)) {
                return false;
            }
        }
        es.indices().putIndexTemplate(p -> p.name(layout.templateName()).withJson(new StringReader(body.toString())));
        log.info("put index template {} version {} ({})", layout.templateName(), version, settings);
        if (installed.isPresent()) {
            applyToExisting(es);
        }
        return true;
    }

    /**
     * The new mapping and replicas on the monthly indices that exist: added fields are accepted; a change
     * Elasticsearch refuses (another type for a field) only reaches the indices created from now on, and is logged.
     */
    private void applyToExisting(ElasticsearchClient es) throws IOException {
        String mappings = body.get("template").get("mappings").toString();
        try {
            es.indices()
                    .putMapping(
                            m -> m.index(layout.pattern()).allowNoIndices(true).withJson(new StringReader(mappings)));
            es.indices()
                    .putSettings(s -> s.index(layout.pattern())
                            .allowNoIndices(true)
                            .settings(i -> i.numberOfReplicas(body.get("template")
                                    .get("settings")
                                    .get("number_of_replicas")
                                    .asString())));
        } catch (ElasticsearchException e) {
            log.warn(
                    "the existing indices {} keep their mapping ({}): the template applies to new months only",
                    layout.pattern(),
                    e.getMessage());
        }
    }

    private Optional<IndexTemplateItem> installed(ElasticsearchClient es) throws IOException {
        try {
            return es.indices().getIndexTemplate(g -> g.name(layout.templateName())).indexTemplates().stream()
                    .findFirst();
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static void create(ElasticsearchClient es, String index) throws IOException {
        try {
            es.indices().create(c -> c.index(index));
            log.info("created index {}", index);
        } catch (ElasticsearchException e) {
            // It exists already, or another instance created it between: that is what we wanted.
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        }
    }

    private static ObjectNode shipped() {
        try (InputStream in = IndexTemplate.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            JsonNode node = JSON.readTree(in);
            return (ObjectNode) node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
