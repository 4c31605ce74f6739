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
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What an agency system reads from stationary's API with its own client credentials (Keycloak, realm kashgar): the
 * outlets with CEMS ({@code GET /facilities?kind=outlet}) and each outlet's newest stored hour ({@code GET
 * /cems/outlets/{id}}, the last 30 days), the production lines, and the electricity use each line is allowed while an
 * alert's measures are in force (the open verification tasks and the measures they verify).
 */
final class Registry implements Meters {

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
    @Override
    public List<String> lines() throws IOException {
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

    /**
     * The highest electricity use (kW) of each line under an emergency measure now in force: the measures of the open
     * verification tasks ({@code GET /emergency/tasks?status=open}, read with each enterprise's list of measures) that
     * name a line and an allowed use; the lowest where several apply.
     */
    @Override
    public Map<String, Double> allowedKw() throws IOException {
        String token = api.token();
        Map<String, java.util.Set<String>> measuresByEnterprise = new java.util.TreeMap<>();
        for (JsonNode task : api.get("/api/stationary/v1/emergency/tasks?status=open", token)) {
            measuresByEnterprise
                    .computeIfAbsent(task.get("enterpriseId").asString(), e -> new java.util.HashSet<>())
                    .add(task.get("measureId").asString());
        }
        Map<String, Double> allowed = new java.util.HashMap<>();
        for (Map.Entry<String, java.util.Set<String>> e : measuresByEnterprise.entrySet()) {
            JsonNode measures = api.get(
                    "/api/stationary/v1/emergency/enterprises/" + URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                            + "/measures",
                    token);
            allowed(measures, e.getValue()).forEach((line, kw) -> allowed.merge(line, kw, Math::min));
        }
        return allowed;
    }

    /** The allowed use per line of those {@code measures} (an enterprise's list) whose ids are {@code inForce}. */
    static Map<String, Double> allowed(JsonNode measures, java.util.Set<String> inForce) {
        Map<String, Double> out = new java.util.HashMap<>();
        for (JsonNode m : measures) {
            JsonNode line = m.path("lineId");
            JsonNode kw = m.path("allowedKw");
            if (inForce.contains(m.path("id").asString("")) && line.isString() && kw.isNumber()) {
                out.merge(line.asString(), kw.asDouble(), Math::min);
            }
        }
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
