package cn.lantian.chaos;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts what became of a run's events: enforcement cases (the owner's table, and each case's case-opened event in its
 * outbox) in the cluster's PostgreSQL, and exceedance documents in the joint index. Each count is read from whichever
 * node answers; a count that cannot be read now is -1.
 */
final class Tally {

    private static final Pattern COUNT = Pattern.compile("\"count\"\\s*:\\s*(\\d+)");

    private final Settings settings;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    Tally(Settings settings) {
        this.settings = settings;
    }

    /**
     * What a count found.
     *
     * @param cases enforcement cases of the run's enterprises
     * @param casedEnterprises distinct enterprises with a case
     * @param caseOpened case-opened events written to the enforcement outbox for the run
     * @param indexed exceedance documents of the run in the joint index
     */
    record Counts(long cases, long casedEnterprises, long caseOpened, long indexed) {

        boolean readable() {
            return cases >= 0 && indexed >= 0;
        }

        /** Every sent event has its case and its document. */
        boolean complete(long sent) {
            return readable() && casedEnterprises >= sent && indexed >= sent;
        }
    }

    Counts count(String run) {
        long[] owner = owner(run);
        return new Counts(owner[0], owner[1], owner[2], indexed(run));
    }

    private long[] owner(String run) {
        String url = "jdbc:postgresql://127.0.0.1:" + settings.postgresPort() + "/lantian_enforcement?connectTimeout=3";
        try (var db = DriverManager.getConnection(url, "lantian", "lantian");
                var cases = db.prepareStatement(
                        "select count(*), count(distinct enterprise_id) from enforcement_case where enterprise_id like ?");
                var opened = db.prepareStatement(
                        "select count(*) from event_outbox where type = 'lantian.enforcement.case-opened.v1' "
                                + "and payload like ?")) {
            cases.setString(1, "chaos-" + run + "-%");
            opened.setString(1, "%outlet/chaos-" + run + "-%");
            long[] result = new long[3];
            try (ResultSet r = cases.executeQuery()) {
                r.next();
                result[0] = r.getLong(1);
                result[1] = r.getLong(2);
            }
            try (ResultSet r = opened.executeQuery()) {
                r.next();
                result[2] = r.getLong(1);
            }
            return result;
        } catch (Exception e) {
            return new long[] {-1, -1, -1};
        }
    }

    private long indexed(String run) {
        String query = "{\"query\":{\"prefix\":{\"subject\":\"outlet/chaos-" + run + "-\"}}}";
        String auth = "Basic "
                + Base64.getEncoder()
                        .encodeToString(
                                (settings.esUser() + ":" + settings.esPassword()).getBytes(StandardCharsets.UTF_8));
        for (int port : settings.elasticsearchPorts()) {
            try {
                HttpRequest request = HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/lantian-events-stationary/_count"))
                        .timeout(Duration.ofSeconds(5))
                        .header("Authorization", auth)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(query))
                        .build();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                Matcher m = COUNT.matcher(response.body());
                if (response.statusCode() == 200 && m.find()) {
                    return Long.parseLong(m.group(1));
                }
            } catch (Exception e) {
                // that node is down: ask the next
            }
        }
        return -1;
    }
}
