package cn.lantian.feeds.airquality;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stations and the newest hour each has, from air-quality's public API ({@code GET /api/public/v1/stations}), and
 * a day's stored hours of one station ({@code GET /api/public/v1/stations/{id}/observations}).
 */
final class PublicStations implements StationSource, StoredHours {

    /** A station as the feed sees it: its id, kind, and the end of its newest valid hour (null when it has none). */
    record Known(String id, String kind, Instant latest) {}

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;

    PublicStations(URI base) {
        this.base = base;
    }

    @Override
    public List<Double> pm10(String station, LocalDate day) throws IOException {
        String body = get("/api/public/v1/stations/" + URLEncoder.encode(station, StandardCharsets.UTF_8)
                + "/observations?from=" + day + "&to=" + day + "&resolution=hourly");
        List<Double> out = new ArrayList<>();
        JsonMapper.builder().build().readTree(body).findValues("pm10").forEach(v -> {
            if (v.isNumber()) {
                out.add(v.asDouble());
            }
        });
        return out;
    }

    @Override
    public List<Known> all() throws IOException {
        return parse(get("/api/public/v1/stations"));
    }

    private String get(String path) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking for the stations", e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("GET " + request.uri() + " answered " + response.statusCode());
        }
        return response.body();
    }

    static List<Known> parse(String json) {
        List<Known> out = new ArrayList<>();
        for (JsonNode s : JsonMapper.builder().build().readTree(json)) {
            JsonNode latest = s.path("latest").path("hour");
            out.add(new Known(
                    s.get("id").asString(),
                    s.path("kind").asString(""),
                    latest.isMissingNode() || latest.isNull() ? null : Instant.parse(latest.asString())));
        }
        return out;
    }
}
