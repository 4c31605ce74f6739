package cn.lantian.bench.indexer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.http.HttpHost;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

/** Plain JSON requests to Elasticsearch: the benchmark measures the server, not a client's object mapping. */
final class Elastic implements AutoCloseable {

    private final RestClient rest = client();

    /** Elasticsearch with the credentials the launcher generated, when it started Elasticsearch with security. */
    private static RestClient client() {
        // BENCH_ES_URLS: the nodes to send requests to, comma-separated (the cluster's three; one node by default).
        var builder = RestClient.builder(java.util.Arrays.stream(System.getenv()
                        .getOrDefault("BENCH_ES_URLS", "http://127.0.0.1:9200")
                        .split(","))
                .map(HttpHost::create)
                .toArray(HttpHost[]::new));
        String user = System.getenv().getOrDefault("ELASTICSEARCH_INDEXER_USER", "");
        if (!user.isEmpty()) {
            String pair = user + ":" + System.getenv().getOrDefault("ELASTICSEARCH_INDEXER_PASSWORD", "");
            builder.setDefaultHeaders(new org.apache.http.Header[] {
                new org.apache.http.message.BasicHeader(
                        "Authorization",
                        "Basic "
                                + java.util.Base64.getEncoder()
                                        .encodeToString(pair.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
            });
        }
        return builder.build();
    }

    private final ObjectMapper json = new ObjectMapper();

    JsonNode call(String method, String path, String body) throws Exception {
        Request request = new Request(method, path);
        if (body != null) {
            request.setJsonEntity(body);
        }
        try {
            return json.readTree(
                    EntityUtils.toString(rest.performRequest(request).getEntity()));
        } catch (ResponseException e) {
            if (e.getResponse().getStatusLine().getStatusCode() == 404) {
                return null;
            }
            throw e;
        }
    }

    long count(String index, String marker) throws Exception {
        call("POST", "/" + index + "/_refresh", null);
        JsonNode r = call("POST", "/" + index + "/_count", "{\"query\":{\"match\":{\"text\":\"" + marker + "\"}}}");
        return r == null ? 0 : r.get("count").asLong();
    }

    @Override
    public void close() throws Exception {
        rest.close();
    }
}
