package cn.lantian.bench.greening;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times {@code GET /api/greening/v1/progress?year=Y} (every county and Corps unit of a year, survival-weighted) for
 * each of the last three years, as the prefecture coordinator, against a running greening service with its demo data.
 * Prints per-year and overall median, p95 and max of the whole HTTP round trip, and the load average.
 *
 * <p>Arguments: service URL (default http://127.0.0.1:8085), rounds per year (default 200).
 */
public final class ProgressBenchmark {

    private static final String KEYCLOAK = "http://127.0.0.1:8180/realms/kashgar/protocol/openid-connect/token";

    private ProgressBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8085";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        HttpClient http = HttpClient.newHttpClient();
        String token = token(http);
        int thisYear = LocalDate.now().getYear();
        List<Double> all = new ArrayList<>();
        System.out.printf("greening progress benchmark: %s, %d rounds per year, load average %s%n", base, rounds,
                loadAverage());
        for (int year = thisYear - 2; year <= thisYear; year++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/greening/v1/progress?year=" + year))
                    .header("Authorization", "Bearer " + token).GET().build();
            // Warm-up: first calls pay for class loading and the JIT.
            for (int i = 0; i < 20; i++) {
                check(http.send(request, HttpResponse.BodyHandlers.ofString()));
            }
            List<Double> times = new ArrayList<>();
            int units = 0;
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                times.add((System.nanoTime() - t0) / 1e6);
                units = check(response);
                if (i % 60 == 59) {
                    // Tokens live five minutes; a fresh one keeps long runs valid.
                    token = token(http);
                    request = HttpRequest.newBuilder(request.uri()).header("Authorization", "Bearer " + token).GET()
                            .build();
                }
            }
            all.addAll(times);
            System.out.printf("year %d: %d units, median %.1f ms, p95 %.1f ms, max %.1f ms%n", year, units,
                    percentile(times, 50), percentile(times, 95), percentile(times, 100));
        }
        System.out.printf("all years: median %.1f ms, p95 %.1f ms, max %.1f ms; load average after %s%n",
                percentile(all, 50), percentile(all, 95), percentile(all, 100), loadAverage());
    }

    private static int check(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("progress answered " + response.statusCode() + ": " + response.body());
        }
        Matcher m = Pattern.compile("\"unit\"").matcher(response.body());
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String token(HttpClient http) throws Exception {
        String form = "grant_type=password&client_id=lantian-cli&username=coordinator&password="
                + URLEncoder.encode("lantian-demo", StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(KEYCLOAK))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("no token from Keycloak: " + response.statusCode());
        }
        return m.group(1);
    }

    private static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
