package cn.lantian.testsupport;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Walks every operation of a service's OpenAPI document ({@code /v3/api-docs}) and sends it malformed, oversized,
 * wrong-typed and NUL- or surrogate-bearing requests with each token it is given (typically a caller of another
 * jurisdiction, none, and a forged one). Every answer must be a 2xx or 3xx for a read or a 4xx in the platform's
 * problem shape: never a 5xx, and never a 2xx for a write. The caller compares what the owner sees before and after.
 */
public final class OpenApiFuzz {

    /** What went wrong with one request: method, path as sent, the start of the body, status and answer. */
    public record Finding(String method, String path, String body, int status, String answer) {

        @Override
        public String toString() {
            return method + " " + abbreviate(path, 160) + " body " + abbreviate(body, 80) + " -> " + status + " "
                    + abbreviate(answer, 300);
        }
    }

    /** The outcome: how many requests were sent and what broke the rules. */
    public record Report(int requests, List<Finding> findings) {}

    private record Body(String contentType, String text) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> PATH_VALUES =
            List.of("no-such-id", "a%00b", "%ED%A0%80", "x".repeat(300), "-1", "1e400", "%2e%2e", "%25");
    private static final List<String> QUERY_VALUES =
            List.of("abc", "1e400", "-1", "a%00b", "x".repeat(5000), "%5B", "%25", "76,39", "2024-13-45", "");
    private static final List<String> WRONG_VALUES = List.of(
            "1e400",
            "\"a\\u0000b\"",
            "\"\\ud800\"",
            "\"" + "x".repeat(100_000) + "\"",
            "{\"a\":1}",
            "[1,2]",
            "true",
            "-1",
            "1.5",
            "\"2024-13-45T99:99:99Z\"");

    private final ProblemProbe probe;
    private final List<String> tokens;
    private final List<String> ownersIds;
    private final List<Finding> findings = new ArrayList<>();
    private int requests;

    private OpenApiFuzz(ProblemProbe probe, List<String> tokens, List<String> ownersIds) {
        this.probe = probe;
        this.tokens = tokens;
        this.ownersIds = ownersIds;
    }

    /**
     * Fuzzes every operation of the service at {@code base}: every bad request with the first of {@code tokens}, a plain
     * one with each of the others (bare tokens; null for none).
     */
    public static Report run(String base, List<String> tokens) {
        return run(base, "/v3/api-docs", tokens, List.of());
    }

    /**
     * The same, for a service that serves its OpenAPI document at {@code documentPath}; {@code ownersIds} are ids of
     * records of another jurisdiction than the first caller's, tried in every path variable as well.
     */
    public static Report run(String base, String documentPath, List<String> tokens, List<String> ownersIds) {
        OpenApiFuzz fuzz = new OpenApiFuzz(ProblemProbe.at(base), tokens, ownersIds);
        ProblemProbe.Answer doc = fuzz.probe.send("GET", documentPath, null, null, null);
        if (doc.status() != 200) {
            throw new IllegalStateException("no OpenAPI document at " + base + documentPath + ": " + doc.status());
        }
        JsonNode api = JSON.readTree(doc.body());
        for (Map.Entry<String, JsonNode> path : api.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase();
                if (List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    fuzz.operation(api, method, path.getKey(), operation.getValue());
                }
            }
        }
        return new Report(fuzz.requests, List.copyOf(fuzz.findings));
    }

    private void operation(JsonNode api, String method, String template, JsonNode operation) {
        if (operation.path("responses").toString().contains("text/event-stream")) {
            return; // a stream does not end by itself; its refusals are tested where it is served
        }
        List<String> query = new ArrayList<>();
        operation.path("parameters").forEach(p -> {
            if ("query".equals(p.path("in").asString())) {
                query.add(p.get("name").asString());
            }
        });
        boolean hasBody = !operation.path("requestBody").isMissingNode();
        Body empty = hasBody ? new Body("application/json", "{}") : null;
        for (String token : tokens.subList(1, tokens.size())) {
            send(method, fill(template, "no-such-id"), token, empty);
        }
        // Everything else as the first caller, who holds a valid token but not for this data.
        String token = tokens.get(0);
        for (String value : PATH_VALUES) {
            send(method, fill(template, value), token, empty);
        }
        for (String id : ownersIds) {
            send(method, fill(template, id), token, empty);
        }
        String path = fill(template, "no-such-id");
        for (String name : query) {
            for (String value : QUERY_VALUES) {
                send(method, path + "?" + name + "=" + value, token, empty);
            }
        }
        if (hasBody) {
            for (Body body : bodies(schemaOf(api, operation.get("requestBody")))) {
                send(method, path, token, body);
            }
        }
    }

    private void send(String method, String path, String token, Body body) {
        String text = body == null ? "" : body.text();
        ProblemProbe.Answer answer;
        requests++;
        String contentType = body == null ? null : body.contentType();
        String payload = body == null ? null : text;
        // One kept-alive connection for all of them, as a real client has: a request that gets no answer is a finding,
        // whether the service hangs on it or an earlier answer left the connection unusable.
        try {
            answer = probe.send(method, path, token, contentType, payload);
        } catch (RuntimeException e) {
            if (findings.stream().noneMatch(f -> f.status() == 0)) {
                dumpServerThreads(method + " " + abbreviate(path, 160));
            }
            findings.add(new Finding(method, path, text, 0, "no answer: " + e));
            return;
        }
        int status = answer.status();
        if (status == 414 || status == 431) {
            return; // the HTTP codec refuses an over-long line or header before any application code runs
        }
        if (status >= 500 || status < 200 || (!method.equals("GET") && status < 300)) {
            findings.add(new Finding(method, path, text, status, answer.body()));
        } else if (status >= 400
                && (!answer.contentType().startsWith("application/problem+json")
                        || !ProblemShape.violations(answer.body()).isEmpty())) {
            findings.add(new Finding(
                    method,
                    path,
                    text,
                    status,
                    "not the problem shape: " + answer.contentType() + " " + answer.body()));
        }
    }

    /** Malformed, deeply nested, oversized and wrong-typed bodies, and each property given each wrong value. */
    private static List<Body> bodies(JsonNode schema) {
        List<Body> out = new ArrayList<>();
        for (String text : List.of(
                "",
                "{",
                "null",
                "1e400",
                "\"text\"",
                "[".repeat(600),
                "{\"a\":".repeat(200) + "1" + "}".repeat(200),
                "{\"x\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}")) {
            out.add(new Body("application/json", text));
        }
        out.add(new Body("text/plain", "name=x"));
        boolean array = schema.path("type").asString("").equals("array");
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            String type = property.getValue().path("type").asString("");
            for (String value : WRONG_VALUES) {
                boolean plainText = value.startsWith("\"")
                        && !value.contains("\\u")
                        && value.length() < 1000
                        && !value.contains("2024-13");
                if (plainText && type.equals("string")) {
                    continue; // a plain string where one is expected proves nothing
                }
                String object = "{\"" + property.getKey() + "\":" + value + "}";
                out.add(new Body("application/json", array ? "[" + object + "]" : object));
            }
        }
        return out;
    }

    /** The JSON body's schema; for an array of objects, the item's properties under an array type. */
    private static JsonNode schemaOf(JsonNode api, JsonNode requestBody) {
        JsonNode schema = JSON.createObjectNode();
        for (Map.Entry<String, JsonNode> content : requestBody.path("content").properties()) {
            if (content.getKey().contains("json")) {
                schema = resolve(api, content.getValue().path("schema"));
            }
        }
        if (!schema.path("type").asString("").equals("array")) {
            return schema;
        }
        ObjectNode array = JSON.createObjectNode();
        array.put("type", "array");
        array.set("properties", resolve(api, schema.path("items")).path("properties"));
        return array;
    }

    private static JsonNode resolve(JsonNode api, JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        String prefix = "#/components/schemas/";
        return ref.startsWith(prefix)
                ? api.path("components").path("schemas").path(ref.substring(prefix.length()))
                : schema;
    }

    /** The service runs in the test's JVM: on the first request it does not answer, show what its threads do. */
    private static void dumpServerThreads(String request) {
        StringBuilder dump = new StringBuilder("fuzz: no answer to " + request + "; server threads:\n");
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(false, false)) {
            String name = info.getThreadName();
            if (name.contains("http")
                    || name.contains("r2dbc")
                    || name.contains("parallel")
                    || name.contains("boundedElastic")) {
                dump.append(info.getThreadName())
                        .append(' ')
                        .append(info.getThreadState())
                        .append('\n');
                for (StackTraceElement frame : info.getStackTrace()) {
                    dump.append("    at ").append(frame).append('\n');
                }
            }
        }
        System.out.println(dump);
    }

    private static String fill(String template, String value) {
        return template.replaceAll("\\{[^}]+}", value);
    }

    private static String abbreviate(String text, int max) {
        return text == null ? "" : text.length() > max ? text.substring(0, max) + "..." : text;
    }
}
