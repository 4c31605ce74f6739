import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark of the air-quality service, run against a running instance with the demo data loaded:
 * (1) ingest rate through POST /api/air-quality/v1/observations (CSV batches, a year 2023 for every station), and
 * (2) the time to recompute a whole year's evaluation for all stations (GET /api/public/v1/targets/2024).
 * Single-file program: {@code java bench/air-quality/AirQualityBench.java [service-url] [keycloak-url]}.
 * It leaves the service's data as it found it: it refuses a year that already holds observations, and deletes the
 * year it ingested when it ends (through {@code psql}, as the database's owner; {@code -Dkeep=true} keeps it).
 */
public class AirQualityBench {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        String service = args.length > 0 ? args[0] : "http://127.0.0.1:8086";
        String keycloak = args.length > 1 ? args[1] : "http://127.0.0.1:8180";
        int batchSize = Integer.parseInt(System.getProperty("batch", "10000"));
        int year = Integer.parseInt(System.getProperty("year", "2023"));
        String token = token(keycloak);
        List<String> stations = stationIds(service);
        System.out.printf("stations: %d, ingest year %d in batches of %d%n", stations.size(), year, batchSize);

        Database db = new Database(System.getProperty("db", "lantian_air_quality"));
        long before = db.observationsOf(year);
        if (before > 0) {
            throw new IllegalStateException(before + " observations of " + year + " are stored already; pass -Dyear= a"
                    + " year without any, so that the benchmark measures inserts and removes exactly what it added");
        }
        try {
            measure(service, token, stations, year, batchSize);
        } finally {
            if (!Boolean.getBoolean("keep")) {
                System.out.printf("removed the %d observations of %d the benchmark added%n", db.deleteYear(year), year);
            }
        }
    }

    static void measure(String service, String token, List<String> stations, int year, int batchSize) throws Exception {
        List<String> lines = csvLines(stations, year);
        List<Long> batchMillis = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < lines.size(); i += batchSize) {
            StringBuilder body = new StringBuilder("station,time,so2,no2,pm10,pm25,co,o3,o3_8h,valid,flag\n");
            lines.subList(i, Math.min(lines.size(), i + batchSize)).forEach(l -> body.append(l).append('\n'));
            long t0 = System.nanoTime();
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(service + "/api/air-quality/v1/observations"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("ingest failed: " + r.statusCode() + " " + r.body());
            }
            batchMillis.add((System.nanoTime() - t0) / 1_000_000);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("ingest: %d observations in %.2f s = %.0f observations/s (batch p50 %d ms, max %d ms)%n",
                lines.size(), seconds, lines.size() / seconds, percentile(batchMillis, 50), percentile(batchMillis, 100));

        List<Long> evalMillis = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(service + "/api/public/v1/targets/2024?asOf=2024-12-31"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("evaluation failed: " + r.statusCode() + " " + r.body());
            }
            evalMillis.add((System.nanoTime() - t0) / 1_000_000);
        }
        System.out.printf("evaluation of 2024 (all stations, ~%d values, read from PostgreSQL and recomputed): min %d ms, median %d ms%n",
                stations.size() * 8784 * 6, percentile(evalMillis, 0), percentile(evalMillis, 50));
    }

    /** The service's database through {@code psql}: the benchmark is a single file without a JDBC driver. */
    record Database(String name) {

        // The hours the benchmark writes: from 01:00 on 1 January to midnight at the end of the year, Beijing time.
        static String yearRange(int year) {
            return "hour > '" + year + "-01-01T00:00:00+08:00' and hour <= '" + (year + 1) + "-01-01T00:00:00+08:00'";
        }

        long observationsOf(int year) throws Exception {
            return Long.parseLong(psql("select count(*) from observation where " + yearRange(year)).trim());
        }

        long deleteYear(int year) throws Exception {
            return Long.parseLong(psql("with gone as (delete from observation where " + yearRange(year)
                    + " returning 1) select count(*) from gone").trim());
        }

        private String psql(String sql) throws Exception {
            ProcessBuilder command = new ProcessBuilder("psql", "-h", System.getProperty("db.host", "127.0.0.1"), "-p",
                    System.getProperty("db.port", "5432"), "-U", System.getProperty("db.user", "lantian"), "-d", name,
                    "-v", "ON_ERROR_STOP=1", "-tAc", sql);
            command.environment().put("PGPASSWORD", System.getProperty("db.password", "lantian"));
            Process process = command.redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("psql failed: " + out);
            }
            return out;
        }
    }

    static List<String> csvLines(List<String> stations, int year) {
        Random rnd = new Random(year);
        List<String> lines = new ArrayList<>();
        LocalDate first = LocalDate.of(year, 1, 1);
        for (String station : stations) {
            for (int d = 0; d < first.lengthOfYear(); d++) {
                for (int h = 1; h <= 24; h++) {
                    String time = first.plusDays(d).atStartOfDay().plusHours(h).atOffset(ZoneOffset.ofHours(8)).toString();
                    int pm10 = 60 + rnd.nextInt(200);
                    lines.add(station + "," + time + "," + (3 + rnd.nextInt(20)) + "," + (10 + rnd.nextInt(40)) + "," + pm10 + ","
                            + (pm10 * (20 + rnd.nextInt(40)) / 100) + "," + (0.3 + rnd.nextInt(15) / 10.0) + "," + (10 + rnd.nextInt(150))
                            + ",,true,N");
                }
            }
        }
        return lines;
    }

    static List<String> stationIds(String service) throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(service + "/api/public/v1/stations")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(body);
        while (m.find()) {
            ids.add(m.group(1));
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("no stations: start the service with LANTIAN_DEMO_ENABLED=true");
        }
        return ids;
    }

    static String token(String keycloak) throws Exception {
        String form = "grant_type=client_credentials&client_id=agency-ecology&client_secret="
                + URLEncoder.encode("agency-ecology-secret", StandardCharsets.UTF_8);
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/kashgar/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no token: " + body);
        }
        return m.group(1);
    }

    static long percentile(List<Long> values, int p) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[Math.min(sorted.length - 1, (int) Math.round(p / 100.0 * (sorted.length - 1)))];
    }
}
