package cn.lantian.feeds.stationary;

import cn.lantian.feeds.AgencyApi;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What an agency system reads from stationary's API with its own client credentials (Keycloak, realm kashgar): the
 * outlets with CEMS ({@code GET /facilities?kind=outlet}) and each outlet's newest stored hour ({@code GET
 * /cems/outlets/{id}}, the last 30 days).
 */
final class Registry {

    private static final Duration LOOK_BACK = Duration.ofDays(30);

    private final AgencyApi api;

    Registry(URI stationary, URI tokenEndpoint, String client, String secret) {
        this.api = new AgencyApi(stationary, tokenEndpoint, client, secret);
    }

    /**
     * Every outlet with CEMS; with {@code newest}, each with its newest stored hour within the last 30 days before
     * {@code now} (one request per outlet, so only for the catch-up).
     */
    List<Outlet> outlets(Instant now, boolean newest) throws IOException {
        String token = api.token();
        List<Outlet> out = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = api.get(
                    "/api/stationary/v1/facilities?kind=outlet&limit=200"
                            + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8)),
                    token);
            for (Outlet o : parse(page)) {
                out.add(
                        newest
                                ? new Outlet(
                                        o.id(),
                                        o.sourceKind(),
                                        o.ultraLow(),
                                        o.pollutants(),
                                        latest(o.id(), now, token))
                                : o);
            }
            JsonNode next = page.path("next");
            after = next.isMissingNode() || next.isNull() ? null : next.asString();
        } while (after != null);
        return out;
    }

    /** The ids of every production line (kind {@code line}) that is not closed: the lines with electricity meters. */
    List<String> lines() throws IOException {
        String token = api.token();
        List<String> out = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = api.get(
                    "/api/stationary/v1/facilities?kind=line&limit=200"
                            + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8)),
                    token);
            for (JsonNode f : page.path("items")) {
                if (!"closed".equals(f.path("status").asString(""))) {
                    out.add(f.get("id").asString());
                }
            }
            JsonNode next = page.path("next");
            after = next.isMissingNode() || next.isNull() ? null : next.asString();
        } while (after != null);
        return out;
    }

    /** The outlets of one page that have CEMS (the {@code cems} attribute lists the pollutants monitored). */
    static List<Outlet> parse(JsonNode page) {
        List<Outlet> out = new ArrayList<>();
        for (JsonNode f : page.path("items")) {
            JsonNode a = f.path("attributes");
            List<String> pollutants = new ArrayList<>();
            a.path("cems").forEach(p -> pollutants.add(p.asString()));
            if (!pollutants.isEmpty() && !"closed".equals(f.path("status").asString(""))) {
                out.add(new Outlet(
                        f.get("id").asString(),
                        a.path("sourceKind").asString(""),
                        a.path("ultraLow").asBoolean(false),
                        pollutants,
                        null));
            }
        }
        return out;
    }

    private Instant latest(String outlet, Instant now, String token) throws IOException {
        Instant newest = null;
        JsonNode hours = api.get(
                "/api/stationary/v1/cems/outlets/" + URLEncoder.encode(outlet, StandardCharsets.UTF_8) + "?from="
                        + now.minus(LOOK_BACK) + "&to=" + now.plusSeconds(3600),
                token);
        for (JsonNode h : hours) {
            Instant hour = Instant.parse(h.get("hour").asString());
            newest = newest == null || hour.isAfter(newest) ? hour : newest;
        }
        return newest;
    }
}
