package cn.lantian.portal.upstream;

import cn.lantian.portal.PortalProperties;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Mobile's public disclosure of periodic inspection (stations' pass rates, confirmed fraud cases), read field by field
 * into the portal's records. Plates come masked from mobile; the portal masks them again before showing them, so that
 * a plate mobile ever sent whole would still not reach a page.
 */
@Component
public class MobileDisclosures {

    /** Mobile's largest page of fraud cases. */
    private static final int PAGE = 500;

    /** A plate shown to the public: its first two characters, then only masks, separators and its last character. */
    private static final Pattern MASKED = Pattern.compile("^..[*·.]*.$");

    private final WebClient mobile;
    private final PortalProperties.Upstream upstream;
    private final TtlCache<String, InspectionRates> rates;
    private final TtlCache<String, List<FraudCase>> cases;

    public MobileDisclosures(WebClient.Builder builder, PortalProperties properties) {
        this.upstream = properties.upstream();
        this.mobile = builder.clone()
                .baseUrl(upstream.mobile().toString())
                .codecs(c -> c.defaultCodecs().maxInMemorySize(8 * 1024 * 1024))
                .build();
        this.rates = new TtlCache<>(properties.latestRefresh());
        this.cases = new TtlCache<>(properties.latestRefresh());
    }

    /** Every inspection station with its pass rate over the last year, by id. */
    public Mono<InspectionRates> rates() {
        return rates.get(
                "all",
                k -> get("/api/public/v1/mobile/inspection-stations", null).map(MobileDisclosures::rates));
    }

    /** Every confirmed fraud case, newest confirmation first. */
    public Mono<List<FraudCase>> fraudCases() {
        return cases.get(
                "all",
                k -> page(null)
                        .expand(p -> Json.text(p, "next") == null ? Mono.empty() : page(Json.text(p, "next")))
                        .flatMapIterable(p -> Json.items(p, "items"))
                        .map(MobileDisclosures::fraudCase)
                        .filter(c -> c.id() != null)
                        .collectSortedList(Comparator.comparing(
                                FraudCase::confirmedAt, Comparator.nullsLast(Comparator.reverseOrder()))));
    }

    private Mono<JsonNode> page(String after) {
        return get("/api/public/v1/mobile/fraud-cases", after);
    }

    private Mono<JsonNode> get(String path, String after) {
        return mobile.get()
                .uri(b -> {
                    b.path(path);
                    if (path.endsWith("fraud-cases")) {
                        b.queryParam("limit", PAGE);
                    }
                    return (after == null ? b : b.queryParam("after", after)).build();
                })
                .retrieve()
                .bodyToMono(JsonNode.class)
                .timeout(upstream.timeout());
    }

    static InspectionRates rates(JsonNode root) {
        List<InspectionStation> out = new ArrayList<>();
        for (JsonNode s : Json.items(root, "items")) {
            if (Json.text(s, "id") == null) {
                continue;
            }
            Integer tests = Json.integer(s, "tests");
            Integer passes = Json.integer(s, "passes");
            Integer fraud = Json.integer(s, "confirmedFraudCases");
            out.add(new InspectionStation(
                    Json.text(s, "id"),
                    Json.text(s, "name"),
                    Json.text(s, "licence"),
                    Json.text(s, "unit"),
                    Json.integer(s, "lanes"),
                    tests == null ? 0 : tests,
                    passes == null ? 0 : passes,
                    Json.number(s, "passRate"),
                    fraud == null ? 0 : fraud));
        }
        out.sort(Comparator.comparing(InspectionStation::id));
        return new InspectionRates(Json.instant(root, "from"), Json.instant(root, "to"), List.copyOf(out));
    }

    static FraudCase fraudCase(JsonNode c) {
        List<String> plates = Json.texts(c, "plates");
        String summary = Json.text(c, "summary");
        List<String> shown = new ArrayList<>();
        for (String plate : plates) {
            String masked = mask(plate);
            shown.add(masked);
            if (summary != null && !plate.equals(masked)) {
                summary = summary.replace(plate, masked);
            }
        }
        return new FraudCase(
                Json.text(c, "id"),
                Json.text(c, "signal"),
                Json.text(c, "stationId"),
                Json.text(c, "stationName"),
                Json.text(c, "unit"),
                Json.instant(c, "detectedAt"),
                Json.instant(c, "confirmedAt"),
                summary,
                List.copyOf(shown));
    }

    /** A plate as the public may see it: unchanged when already masked, else masked as mobile masks it. */
    static String mask(String plate) {
        if (plate == null || plate.length() < 4) {
            return "***";
        }
        if (MASKED.matcher(plate).matches()) {
            return plate;
        }
        StringBuilder b = new StringBuilder(plate.substring(0, 2));
        for (int i = 2; i < plate.length() - 1; i++) {
            char ch = plate.charAt(i);
            b.append(ch == '·' || ch == '.' ? ch : '*');
        }
        return b.append(plate.charAt(plate.length() - 1)).toString();
    }
}
