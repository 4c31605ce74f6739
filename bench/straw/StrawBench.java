import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Straw benchmark: one FIRMS VIIRS upload of N rows (default 100,000) to a running straw service, timed from the
 * request to the moment every fire-point-detected event of the import has been published (the outbox relay marks a
 * row sent only after the broker's confirm). The rows spread over one autumn in the oasis counties' farmland; about
 * 30 % are a second satellite's detection of the same fire, 2 % static sources (type 2), 2 % outside the prefecture.
 *
 * <p>Usage: java -cp postgresql.jar StrawBench.java BASE_URL DB_NAME [rows] [year]
 */
public class StrawBench {

    static final double[][] FARMLAND = {{75.75, 39.38}, {76.10, 39.30}, {76.20, 38.95}, {77.25, 38.20}, {77.20, 38.42},
            {77.42, 37.90}, {77.70, 38.90}, {76.80, 39.20}, {76.90, 39.50}, {78.55, 39.78}, {79.16, 39.87}};
    static final String[] SATELLITES = {"N", "N20", "N21"};

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String db = args[1];
        int rows = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        int year = args.length > 3 ? Integer.parseInt(args[3]) : 2000 + new Random().nextInt(20);
        String csv = rows(rows, year, new Random(year));
        System.out.printf("rows %,d (%,d bytes), autumn %d%n", rows, csv.length(), year);

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String token = token(http);
        try (Connection sql = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + db, "lantian", "lantian")) {
            long before = count(sql, "select count(*) from event_outbox");
            long start = System.nanoTime();
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/straw/v1/fire-points"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                    .timeout(Duration.ofMinutes(5))
                    .POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
            long answered = System.nanoTime();
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("import answered " + answer.statusCode() + ": "
                        + answer.body().substring(0, Math.min(400, answer.body().length())));
            }
            long opened = number(answer.body(), "accepted");
            long expected = before + opened;
            long unsent;
            do {
                unsent = count(sql, "select count(*) from event_outbox where sent_at is null");
                if (unsent > 0) {
                    Thread.sleep(20);   // polling the database, not timing a test
                }
            } while (unsent > 0 || count(sql, "select count(*) from event_outbox") < expected);
            long published = System.nanoTime();
            System.out.printf("report: accepted %d, merged %d, rejected %d, skipped %s%n", opened,
                    number(answer.body(), "merged"), number(answer.body(), "rejected"), skipped(answer.body()));
            System.out.printf("import answered in %.2f s (placement, merging, storage, outbox)%n", (answered - start) / 1e9);
            System.out.printf("all %,d fire-point-detected events published %.2f s after the request%n", opened,
                    (published - start) / 1e9);
            System.out.printf("target: under 10 s -> %s%n", (published - start) / 1e9 < 10 ? "met" : "not met");
        }
    }

    static String rows(int n, int year, Random random) {
        StringBuilder csv = new StringBuilder(n * 90);
        csv.append("latitude,longitude,bright_ti4,scan,track,acq_date,acq_time,satellite,instrument,confidence,version,"
                + "bright_ti5,frp,daynight,type\n");
        LocalDate first = LocalDate.of(year, 9, 1);
        double[] last = null;
        LocalDate lastDay = null;
        int lastMinute = 0;
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(100);
            double lon;
            double lat;
            LocalDate day;
            int minute;
            int type = 0;
            if (kind < 30 && last != null) {
                // A second satellite's view of the previous fire: within a few hundred metres and three hours.
                lon = last[0] + (random.nextDouble() - 0.5) * 0.006;
                lat = last[1] + (random.nextDouble() - 0.5) * 0.004;
                day = lastDay;
                minute = Math.min(lastMinute + random.nextInt(180), 23 * 60 + 59);
            } else {
                day = first.plusDays(random.nextInt(91));
                minute = 4 * 60 + random.nextInt(300);
                if (kind < 32) {
                    lon = 80.26 + random.nextDouble();   // Aksu, outside the prefecture
                    lat = 41.17 + random.nextDouble() * 0.3;
                } else {
                    double[] f = FARMLAND[random.nextInt(FARMLAND.length)];
                    lon = f[0] + (random.nextDouble() - 0.5) * 0.4;
                    lat = f[1] + (random.nextDouble() - 0.5) * 0.3;
                    type = kind < 34 ? 2 : 0;
                }
                last = new double[] {lon, lat};
                lastDay = day;
                lastMinute = minute;
            }
            csv.append(String.format(Locale.ROOT, "%.5f,%.5f,%.1f,0.39,0.36,%s,%02d%02d,%s,VIIRS,n,2.0NRT,290.0,%.1f,D,%d%n",
                    lat, lon, 300 + random.nextDouble() * 60, day, minute / 60, minute % 60,
                    SATELLITES[random.nextInt(SATELLITES.length)], 0.5 + random.nextDouble() * 15, type));
        }
        return csv.toString();
    }

    static String token(HttpClient http) throws Exception {
        String form = "grant_type=password&client_id=lantian-cli&username=agri-prefecture&password="
                + URLEncoder.encode("lantian-demo", StandardCharsets.UTF_8);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:8180/realms/kashgar/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(answer.body());
        if (!m.find()) {
            throw new IllegalStateException("no token: " + answer.body());
        }
        return m.group(1);
    }

    static long count(Connection sql, String query) throws Exception {
        try (ResultSet r = sql.createStatement().executeQuery(query)) {
            r.next();
            return r.getLong(1);
        }
    }

    static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    static String skipped(String json) {
        Matcher m = Pattern.compile("\"skipped\":(\\{[^}]*\\})").matcher(json);
        return m.find() ? m.group(1) : "{}";
    }
}
