package cn.lantian.portal.pages;

import cn.lantian.portal.aqi.Categories;
import cn.lantian.portal.upstream.Alert;
import cn.lantian.portal.upstream.ClosedCase;
import cn.lantian.portal.upstream.Enterprise;
import cn.lantian.portal.upstream.StationNow;
import cn.lantian.portal.upstream.UnitAqi;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Turns the portal's records into what templates show, in the reader's language. */
@Component
class Views {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Categories categories;
    private final Names names;
    private final Freshness freshness;

    private final tools.jackson.databind.JsonNode measures;

    Views(Categories categories, Names names, Freshness freshness) {
        this.categories = categories;
        this.names = names;
        this.freshness = freshness;
        try (var in = Views.class.getResourceAsStream("/data/alert-measures.json")) {
            this.measures = tools.jackson.databind.json.JsonMapper.builder()
                    .build()
                    .readTree(in)
                    .get("levels");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The alert's own measures, else the national ones for its level (data/alert-measures.json). */
    List<String> measures(Alert a, String lang) {
        if (!a.measures().isEmpty() || a.level() == null || !measures.has(a.level())) {
            return a.measures();
        }
        List<String> out = new java.util.ArrayList<>();
        inLanguage(measures.get(a.level()), lang).forEach(m -> out.add(m.asString()));
        return out;
    }

    /** The measures in the reader's language; Chinese where a language is missing (the test on the file forbids it). */
    private static tools.jackson.databind.JsonNode inLanguage(tools.jackson.databind.JsonNode level, String lang) {
        return level.has(lang) ? level.get(lang) : level.get("zh");
    }

    /** A station line: names, its AQI and category with colours, the hour (Beijing time), its age and staleness. */
    record StationRow(
            String id,
            String name,
            String unit,
            String unitName,
            Integer aqi,
            String category,
            String colour,
            String textColour,
            String hour,
            String primary,
            boolean stale,
            String age) {}

    /**
     * An AQI summary: value, category name and colours (value null when nothing was reported), the hour it is of
     * (Beijing time), its age and whether it is stale.
     */
    record AqiNow(
            Integer aqi,
            String category,
            String colour,
            String textColour,
            String advice,
            String hour,
            boolean stale,
            String age) {}

    /** An alert line with the county's name and times in Beijing time. */
    record AlertRow(
            String id,
            String county,
            String countyName,
            String level,
            String from,
            String until,
            String basis,
            List<String> measures,
            boolean active,
            boolean drill,
            List<StepRow> history) {}

    /** One step of an alert's level history, its time in Beijing time. */
    record StepRow(String action, String level, String previousLevel, String at) {}

    StationRow station(StationNow s, String lang) {
        Locale locale = Locale.forLanguageTag(lang);
        var c = categories.of(s.aqi());
        String unit = s.corpsUnit() != null ? s.corpsUnit() : s.jurisdiction();
        Freshness.Age age = freshness.of(s.hour(), lang);
        return new StationRow(
                s.id(),
                names.station(s, lang),
                s.jurisdiction(),
                names.unit(unit, lang),
                s.aqi(),
                c.map(x -> x.name(locale)).orElse("—"),
                c.map(Categories.Category::rgb).orElse("#E0E0E0"),
                c.map(Categories.Category::textRgb).orElse("#000000"),
                hour(s.hour()),
                s.primary(),
                age.stale(),
                age.text());
    }

    List<StationRow> stations(List<StationNow> list, String lang) {
        return list.stream().map(s -> station(s, lang)).toList();
    }

    /** A unit's AQI as the air-quality service computed it (from averaged concentrations), with its category. */
    AqiNow now(java.util.Optional<UnitAqi> now, String lang) {
        if (now.isEmpty()) {
            Freshness.Age none = freshness.of(null, lang);
            return new AqiNow(null, "—", "#E0E0E0", "#000000", "", "", none.stale(), none.text());
        }
        Locale locale = Locale.forLanguageTag(lang);
        var c = categories.of(now.get().aqi()).orElseThrow();
        Freshness.Age age = freshness.of(now.get().hour(), lang);
        return new AqiNow(
                now.get().aqi(),
                c.name(locale),
                c.rgb(),
                c.textRgb(),
                c.advice(locale),
                hour(now.get().hour()),
                age.stale(),
                age.text());
    }

    AlertRow alert(Alert a, String lang) {
        return new AlertRow(
                a.id(),
                a.county(),
                names.unit(a.county(), lang),
                a.level(),
                hour(a.effectiveFrom()),
                hour(a.endedAt()),
                a.basis(),
                measures(a, lang),
                a.active(),
                a.drill(),
                a.history() == null
                        ? List.of()
                        : a.history().stream()
                                .map(h -> new StepRow(h.action(), h.level(), h.previousLevel(), hour(h.at())))
                                .toList());
    }

    /** An enterprise's disclosure with its unit's name, times in Beijing time and its closed cases. */
    record EnterpriseRow(
            String id,
            String name,
            String industry,
            String unit,
            String unitName,
            String ultraLow,
            List<Enterprise.Permit> permits,
            List<ExceedanceRow> exceedances,
            List<CaseRow> cases) {}

    /** An exceedance with its hour in Beijing time. */
    record ExceedanceRow(
            String hour,
            String outletCode,
            String pollutant,
            Double value,
            Double limit,
            Double ratio,
            boolean escalated) {}

    /** A closed case's outcome with the enterprise's name and dates in Beijing time. */
    record CaseRow(
            String caseId,
            String enterpriseId,
            String enterpriseName,
            String unit,
            String unitName,
            String summary,
            String ruleSource,
            String outcome,
            String openedOn,
            String closedOn) {}

    List<EnterpriseRow> enterprises(List<Enterprise> enterprises, List<ClosedCase> cases, String lang) {
        List<CaseRow> caseRows = cases(cases, enterprises, lang);
        return enterprises.stream()
                .map(e -> {
                    String unit = e.corpsUnit() != null ? e.corpsUnit() : e.county();
                    return new EnterpriseRow(
                            e.id(),
                            e.name(),
                            e.industry(),
                            unit,
                            unit == null ? null : names.unit(unit, lang),
                            e.ultraLow(),
                            e.permits(),
                            e.exceedances().stream()
                                    .map(x -> new ExceedanceRow(
                                            hour(x.hour()),
                                            x.outletCode(),
                                            x.pollutant(),
                                            x.value(),
                                            x.limit(),
                                            x.ratio(),
                                            x.escalated()))
                                    .toList(),
                            caseRows.stream()
                                    .filter(c -> e.id().equals(c.enterpriseId()))
                                    .toList());
                })
                .toList();
    }

    List<CaseRow> cases(List<ClosedCase> cases, List<Enterprise> enterprises, String lang) {
        java.util.Map<String, String> namesById = new java.util.HashMap<>();
        enterprises.forEach(e -> namesById.put(e.id(), e.name()));
        return cases.stream()
                .map(c -> {
                    String unit = c.corpsUnit() != null ? c.corpsUnit() : c.jurisdiction();
                    return new CaseRow(
                            c.caseId(),
                            c.enterpriseId(),
                            namesById.getOrDefault(c.enterpriseId(), c.enterpriseId()),
                            unit,
                            unit == null ? null : names.unit(unit, lang),
                            c.summary(),
                            c.ruleSource(),
                            c.outcome(),
                            day(c.openedAt()),
                            day(c.closedAt()));
                })
                .toList();
    }

    static String day(Instant t) {
        return t == null ? "" : t.atZone(CHINA).toLocalDate().toString();
    }

    static String hour(Instant t) {
        return t == null ? "" : HOUR.format(t.atZone(CHINA));
    }
}
