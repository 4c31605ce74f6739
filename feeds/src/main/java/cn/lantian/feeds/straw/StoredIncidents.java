package cn.lantian.feeds.straw;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The incidents straw holds, from its public map ({@code GET /api/public/v1/straw/incidents?from&to}, GeoJSON): where
 * and when each fire was seen, so that the satellite feed resends only the months straw lacks.
 */
@FunctionalInterface
interface StoredIncidents {

    /** An incident as the public map shows it: its place and its first and last detection. */
    record Held(double lon, double lat, Instant first, Instant last) {}

    /** The incidents first detected in [from, to). */
    List<Held> between(Instant from, Instant to) throws IOException;

    /** The public map of the straw service behind {@code straw}. */
    static StoredIncidents of(URI straw) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        return (from, to) -> {
            // The public map answers at most 400 days a request: ask a year at a time.
            List<Held> all = new ArrayList<>();
            for (Instant start = from; start.isBefore(to); ) {
                Instant end = start.plus(Duration.ofDays(365)).isBefore(to) ? start.plus(Duration.ofDays(365)) : to;
                all.addAll(page(http, straw, start, end));
                start = end;
            }
            return all;
        };
    }

    private static List<Held> page(HttpClient http, URI straw, Instant from, Instant to) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(
                        straw.resolve("/api/public/v1/straw/incidents?from=" + from + "&to=" + to))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/geo+json, application/json")
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("GET " + request.uri().getPath() + " answered " + response.statusCode());
            }
            return parse(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** The incidents of a GeoJSON feature collection of straw's public map. */
    static List<Held> parse(String geoJson) {
        List<Held> out = new ArrayList<>();
        for (JsonNode f : JsonMapper.builder().build().readTree(geoJson).path("features")) {
            JsonNode c = f.path("geometry").path("coordinates");
            JsonNode p = f.path("properties");
            Instant first = Instant.parse(p.get("firstDetectedAt").asString());
            JsonNode last = p.path("lastDetectedAt");
            out.add(new Held(
                    c.get(0).asDouble(),
                    c.get(1).asDouble(),
                    first,
                    last.isString() ? Instant.parse(last.asString()) : first));
        }
        return out;
    }
}
