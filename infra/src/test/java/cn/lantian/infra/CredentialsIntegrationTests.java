package cn.lantian.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.lantian.testsupport.Infrastructure;
import cn.lantian.testsupport.Secrets;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The infrastructure the launcher started refuses callers without this checkout's generated credentials
 * ({@code .lantian/secrets.env}), and the indexer's Elasticsearch user has less than a superuser. Skipped where the
 * launcher did not generate them (infrastructure started by other means).
 */
class CredentialsIntegrationTests {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void onlyWithGeneratedCredentials() {
        assumeTrue(Secrets.present(), "no .lantian/secrets.env: the launcher did not start this infrastructure");
    }

    @Test
    void elasticsearchRefusesASearchWithoutCredentials() throws Exception {
        // The launcher leaves an Elasticsearch without security that it did not start as it is, and says so.
        assumeTrue(
                Secrets.get("ELASTICSEARCH_SECURED").orElse("").equals("true"),
                "Elasticsearch runs without security, not started by the launcher (see its warning)");
        assertThat(get("/_search", null).statusCode()).isEqualTo(401);
        assertThat(get(
                                "/_cluster/health",
                                Infrastructure.elasticsearchAuthorization().orElseThrow())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void theIndexerUserIsNoSuperuser() throws Exception {
        assumeTrue(Secrets.get("ELASTICSEARCH_SECURED").orElse("").equals("true"), "Elasticsearch without security");
        String indexer = Infrastructure.elasticsearchAuthorization().orElseThrow();
        assertThat(get("/lantian-*/_search?size=0", indexer).statusCode()).isEqualTo(200);
        assertThat(get("/_security/user", indexer).statusCode()).isEqualTo(403);
        String admin = basic(
                Secrets.get("ELASTICSEARCH_ADMIN_USER").orElseThrow(),
                Secrets.get("ELASTICSEARCH_ADMIN_PASSWORD").orElseThrow());
        assertThat(get("/_security/user", admin).statusCode()).isEqualTo(200);
    }

    @Test
    void redisRefusesCommandsWithoutThePassword() throws Exception {
        assertThat(redis("PING")).startsWith("-NOAUTH");
        assertThat(redis("AUTH " + Infrastructure.REDIS_PASSWORD + "\r\nPING")).isEqualTo("+OK\r\n+PONG");
    }

    private static HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Infrastructure.ELASTICSEARCH + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Sends inline commands and reads the replies, as far as the replies of that many commands go. */
    private static String redis(String commands) throws Exception {
        try (Socket socket = new Socket(Infrastructure.REDIS_HOST, Infrastructure.REDIS_PORT)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write((commands + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            int replies = commands.split("\r\n").length;
            InputStream in = socket.getInputStream();
            StringBuilder reply = new StringBuilder();
            int lines = 0;
            while (lines < replies) {
                int c = in.read();
                if (c < 0) {
                    break;
                }
                reply.append((char) c);
                if (c == '\n') {
                    lines++;
                }
            }
            return reply.toString().strip();
        }
    }
}
