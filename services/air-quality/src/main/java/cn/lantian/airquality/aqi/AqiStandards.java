package cn.lantian.airquality.aqi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every AQI standard version shipped in {@code classpath:aqi/*.json}, and the choice of version by date. */
public final class AqiStandards {

    /** The family whose version is chosen by the date of the data. */
    public static final String NATIONAL = "HJ633";

    private final Map<String, AqiStandard> byId;
    private final List<AqiStandard> national;

    private AqiStandards(List<AqiStandard> standards) {
        Map<String, AqiStandard> map = new LinkedHashMap<>();
        standards.stream()
                .sorted(Comparator.comparing(AqiStandard::appliesFrom))
                .forEach(s -> map.put(s.id(), s));
        this.byId = Map.copyOf(map);
        this.national = standards.stream()
                .filter(s -> NATIONAL.equals(s.family()))
                .sorted(Comparator.comparing(AqiStandard::appliesFrom))
                .toList();
    }

    /** Reads every data file under {@code aqi/} on the classpath. */
    public static AqiStandards load() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:aqi/*.json");
            JsonMapper json = JsonMapper.builder().build();
            List<AqiStandard> standards = new ArrayList<>();
            for (Resource resource : resources) {
                try (InputStream in = resource.getInputStream()) {
                    standards.add(parse(json.readTree(in)));
                }
            }
            return new AqiStandards(standards);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the AQI standards", e);
        }
    }

    /** The version of that id, e.g. HJ633-2012. */
    public Optional<AqiStandard> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every version's id. */
    public List<String> ids() {
        return byId.values().stream()
                .sorted(Comparator.comparing(AqiStandard::appliesFrom))
                .map(AqiStandard::id)
                .toList();
    }

    /**
     * The national version that governs data of that date: the latest HJ 633 in force on it; dates before the first
     * version are judged by the first (HJ 633-2012 for everything before 2026-03-01).
     */
    public AqiStandard national(LocalDate date) {
        AqiStandard chosen = national.get(0);
        for (AqiStandard s : national) {
            if (!s.appliesFrom().isAfter(date)) {
                chosen = s;
            }
        }
        return chosen;
    }

    private static AqiStandard parse(JsonNode root) {
        String id = root.get("id").asString();
        Map<Indicator, AqiStandard.Table> tables = new EnumMap<>(Indicator.class);
        if (root.has("breakpoints")) {
            List<Integer> levels = new ArrayList<>();
            root.get("indexLevels").forEach(n -> levels.add(n.asInt()));
            root.get("breakpoints")
                    .properties()
                    .forEach(e -> tables.put(
                            indicator(e.getKey(), id),
                            new AqiStandard.Table(continuous(e.getValue(), levels), null, null, null)));
        }
        BigDecimal molarVolume =
                root.has("molarVolumeLitres") ? root.get("molarVolumeLitres").decimalValue() : null;
        if (root.has("segments")) {
            root.get("segments")
                    .properties()
                    .forEach(e -> tables.put(indicator(e.getKey(), id), banded(e.getValue(), molarVolume)));
        }
        if (root.has("realTimeTables")) {
            String why = text(root.get("realTimeTables"), "_why");
            root.get("realTimeTables").properties().forEach(e -> {
                if (!e.getKey().startsWith("_")
                        && tables.containsKey(indicator(e.getValue().asString(), id))) {
                    tables.put(
                            indicator(e.getKey(), id),
                            tables.get(indicator(e.getValue().asString(), id))
                                    .aliased("on the " + e.getValue().asString() + " rows: " + why));
                }
            });
        }
        Map<Indicator, String> unconfirmed = new EnumMap<>(Indicator.class);
        if (root.has("unconfirmed")) {
            root.get("unconfirmed")
                    .properties()
                    .forEach(e -> unconfirmed.put(
                            indicator(e.getKey(), id), e.getValue().asString()));
            if (root.has("realTimeTables")) {
                root.get("realTimeTables").properties().forEach(e -> {
                    if (!e.getKey().startsWith("_")
                            && unconfirmed.containsKey(indicator(e.getValue().asString(), id))) {
                        unconfirmed.put(
                                indicator(e.getKey(), id),
                                unconfirmed.get(indicator(e.getValue().asString(), id)));
                    }
                });
            }
        }
        List<Substitution> substitutions = new ArrayList<>();
        root.path("substitutions")
                .forEach(n -> substitutions.add(new Substitution(
                        indicator(n.get("indicator").asString(), id),
                        n.get("above").decimalValue(),
                        n.hasNonNull("use") ? indicator(n.get("use").asString(), id) : null,
                        n.hasNonNull("fixedIndex") ? n.get("fixedIndex").asInt() : null,
                        n.hasNonNull("useMinValidHours")
                                ? n.get("useMinValidHours").asInt()
                                : null,
                        n.get("source").asString())));
        List<Category> categories = new ArrayList<>();
        root.get("categories")
                .forEach(n -> categories.add(new Category(
                        n.get("min").asInt(),
                        n.get("max").isNull() ? null : n.get("max").asInt(),
                        text(n, "level"),
                        text(n, "levelEn"),
                        text(n, "nameZh"),
                        text(n, "nameEn"),
                        text(n, "nameUg"),
                        text(n, "colourZh"),
                        text(n, "colourEn"),
                        text(n, "rgb"),
                        text(n, "healthZh"),
                        text(n, "healthEn"),
                        text(n, "healthUg"),
                        text(n, "adviceZh"),
                        text(n, "adviceEn"),
                        text(n, "adviceUg"))));
        Map<Report, AqiStandard.ReportSpec> reports = new EnumMap<>(Report.class);
        for (Report report : Report.values()) {
            JsonNode r = root.path("reports").path(report.key());
            if (!r.isMissingNode()) {
                List<Indicator> indicators = new ArrayList<>();
                r.get("indicators").forEach(i -> indicators.add(indicator(i.asString(), id)));
                reports.put(report, new AqiStandard.ReportSpec(List.copyOf(indicators), text(r, "source")));
            }
        }
        AqiStandard.MissingData missingData = null;
        if (root.hasNonNull("missingData")) {
            JsonNode m = root.get("missingData");
            java.util.Set<Report> covered = java.util.EnumSet.noneOf(Report.class);
            m.get("reports")
                    .forEach(r -> covered.add(java.util.Arrays.stream(Report.values())
                            .filter(x -> x.key().equals(r.asString()))
                            .findFirst()
                            .orElseThrow(() -> new IllegalStateException(id + ": unknown report " + r.asString()))));
            missingData =
                    new AqiStandard.MissingData(covered, m.get("publishAbove").asInt(), text(m, "source"));
        }
        AqiStandard.ConcentrationRounding concentrationRounding = null;
        if (root.hasNonNull("concentrationRounding")) {
            JsonNode c = root.get("concentrationRounding");
            if (!"half-even".equals(text(c, "method"))) {
                throw new IllegalStateException(id + ": unknown concentration rounding " + text(c, "method"));
            }
            Map<Pollutant, Integer> decimals = new EnumMap<>(Pollutant.class);
            c.get("decimals")
                    .properties()
                    .forEach(e ->
                            decimals.put(pollutant(e.getKey(), id), e.getValue().asInt()));
            concentrationRounding = new AqiStandard.ConcentrationRounding(Map.copyOf(decimals), text(c, "source"));
        }
        Map<Pollutant, SensitiveGroups> groups = new EnumMap<>(Pollutant.class);
        root.path("sensitiveGroups").properties().forEach(e -> {
            if (!e.getKey().startsWith("_")) {
                groups.put(
                        java.util.Arrays.stream(Pollutant.values())
                                .filter(p -> p.label().equals(e.getKey()))
                                .findFirst()
                                .orElseThrow(() -> new IllegalStateException(id + ": unknown pollutant " + e.getKey())),
                        new SensitiveGroups(
                                text(e.getValue(), "zh"), text(e.getValue(), "en"), text(e.getValue(), "ug")));
            }
        });
        return new AqiStandard(
                id,
                text(root, "family"),
                text(root, "title"),
                text(root, "source"),
                LocalDate.parse(text(root, "appliesFrom")),
                root.hasNonNull("appliesUntil") ? LocalDate.parse(text(root, "appliesUntil")) : null,
                AqiStandard.Rounding.valueOf(text(root, "indexRounding").toUpperCase()),
                AqiStandard.Beyond.valueOf(text(root, "beyondTable").toUpperCase()),
                AqiStandard.Below.valueOf(text(root, "belowTable").toUpperCase()),
                root.hasNonNull("aqiMinimum") ? root.get("aqiMinimum").asInt() : null,
                root.get("primaryAbove").asInt(),
                root.hasNonNull("nonAttainmentAbove")
                        ? root.get("nonAttainmentAbove").asInt()
                        : null,
                concentrationRounding,
                tables,
                unconfirmed,
                substitutions,
                categories,
                reports,
                missingData,
                groups);
    }

    /** HJ 633 style: one concentration per index level, null where the table is blank; rows join end to end. */
    private static List<Segment> continuous(JsonNode values, List<Integer> levels) {
        List<Segment> segments = new ArrayList<>();
        for (int i = 1; i < levels.size(); i++) {
            JsonNode low = values.get(i - 1);
            JsonNode high = values.get(i);
            if (high == null || high.isNull()) {
                break;
            }
            segments.add(new Segment(low.decimalValue(), high.decimalValue(), levels.get(i - 1), levels.get(i)));
        }
        return List.copyOf(segments);
    }

    /** EPA style: explicit rows {@code [low, high, indexLow, indexHigh]} and a unit conversion from µg/m³. */
    private static AqiStandard.Table banded(JsonNode node, BigDecimal molarVolume) {
        List<Segment> segments = new ArrayList<>();
        node.get("rows")
                .forEach(r -> segments.add(new Segment(
                        r.get(0).decimalValue(),
                        r.get(1).decimalValue(),
                        r.get(2).asInt(),
                        r.get(3).asInt())));
        BigDecimal conversion = null;
        if (node.has("molecularWeight")) {
            // ppb = µg/m³ × molar volume / molecular weight (ppm from mg/m³ likewise), then scaled to the table's unit.
            conversion = molarVolume
                    .divide(node.get("molecularWeight").decimalValue(), MathContext.DECIMAL64)
                    .multiply(node.get("scale").decimalValue());
        }
        Integer decimals =
                node.has("truncateDecimals") ? node.get("truncateDecimals").asInt() : null;
        return new AqiStandard.Table(List.copyOf(segments), decimals, conversion, null);
    }

    private static Indicator indicator(String key, String standard) {
        return Indicator.ofKey(key)
                .orElseThrow(() -> new IllegalStateException(standard + ": unknown indicator " + key));
    }

    private static Pollutant pollutant(String key, String standard) {
        return java.util.Arrays.stream(Pollutant.values())
                .filter(p -> p.name().equalsIgnoreCase(key))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(standard + ": unknown pollutant " + key));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
