package cn.lantian.portal.pages;

import cn.lantian.portal.upstream.ConstructionSite;
import cn.lantian.portal.upstream.Domains;
import cn.lantian.portal.upstream.FireIncident;
import cn.lantian.portal.upstream.GreenArea;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The new domains' public pages: construction sites and their dust monitors, fire-point incidents, greened and
 * sand-closure areas, each a map layer and a list of what its owner discloses, in the reader's language.
 */
@Controller
class DomainPagesController {

    private static final Logger log = LoggerFactory.getLogger(DomainPagesController.class);

    /** How far back the straw page lists incidents besides today's (straw's own default window). */
    private static final Duration RECENT_FIRES = Duration.ofDays(30);

    private final Domains domains;
    private final PageFrame frame;
    private final Names names;
    private final Freshness freshness;
    private final MapDrawing map;
    private final MessageSource messages;

    DomainPagesController(
            Domains domains,
            PageFrame frame,
            Names names,
            Freshness freshness,
            MapDrawing map,
            MessageSource messages) {
        this.domains = domains;
        this.frame = frame;
        this.names = names;
        this.freshness = freshness;
        this.map = map;
        this.messages = messages;
    }

    private <T> Mono<List<T>> orEmpty(Mono<List<T>> read, Model model, String what) {
        return read.onErrorResume(e -> {
            log.warn("{} not available: {}", what, e.toString());
            model.addAttribute("unavailable", true);
            return Mono.just(List.of());
        });
    }

    /** An owner's code in the reader's words ({@code code.<field>.<value>}); the code itself when unknown. */
    private String word(String field, String code, String lang) {
        if (code == null) {
            return "—";
        }
        return messages.getMessage("code." + field + "." + code, null, code, Locale.forLanguageTag(lang));
    }

    private String text(String key, String lang) {
        return messages.getMessage(key, null, Locale.forLanguageTag(lang));
    }

    private String unitName(String county, String corpsUnit, String lang) {
        return names.unit(corpsUnit != null ? corpsUnit : county, lang);
    }

    /** A construction site's line. */
    record SiteRow(
            String id,
            String project,
            String builder,
            String unitName,
            String area,
            String phase,
            String status,
            String monitorStatus,
            String monitorCode,
            Double pm10,
            String hour,
            boolean stale,
            String age) {}

    /** A confirmed violation's line. */
    record ViolationRow(String id, String day, String project, String unitName, String kind, String measure) {}

    @GetMapping("/dust")
    Mono<String> dust(ServerWebExchange exchange, Model model) {
        String lang = frame.common(exchange, model, "dust");
        return Mono.zip(
                        orEmpty(domains.sites(), model, "construction sites"),
                        orEmpty(domains.violations(), model, "dust violations"))
                .map(t -> {
                    List<SiteRow> sites =
                            t.getT1().stream().map(s -> siteRow(s, lang)).toList();
                    model.addAttribute("sites", sites);
                    model.addAttribute(
                            "violations",
                            t.getT2().stream()
                                    .map(v -> new ViolationRow(
                                            v.id(),
                                            Views.day(v.at()),
                                            v.project(),
                                            names.unit(v.county(), lang),
                                            word("violation", v.kind(), lang),
                                            v.measure()))
                                    .toList());
                    model.addAttribute(
                            "map",
                            map.layer(
                                    lang,
                                    text("dust.map", lang),
                                    List.of(),
                                    t.getT1().stream()
                                            .map(s -> new MapDrawing.Marker(
                                                    s.id(),
                                                    s.longitude(),
                                                    s.latitude(),
                                                    s.project() + " · " + word("monitor", s.monitorStatus(), lang),
                                                    "monitor-" + s.monitorStatus(),
                                                    monitorColour(s.monitorStatus())))
                                            .toList()));
                    return "dust";
                });
    }

    private SiteRow siteRow(ConstructionSite s, String lang) {
        Freshness.Age age = freshness.of(s.latestHour(), lang);
        return new SiteRow(
                s.id(),
                s.project(),
                s.builderName(),
                unitName(s.county(), s.corpsUnit(), lang),
                s.areaM2() == null ? "—" : String.format(Locale.ROOT, "%,.0f", s.areaM2()),
                word("phase", s.phase(), lang),
                word("site", s.status(), lang),
                word("monitor", s.monitorStatus(), lang),
                s.monitorStatus(),
                s.latestPm10() == null ? null : Math.round(s.latestPm10() * 10) / 10.0,
                Views.hour(s.latestHour()),
                s.latestHour() != null && age.stale(),
                age.text());
    }

    /** The map's colour of a monitor status: reporting green, silent amber, missing red, none needed grey. */
    static String monitorColour(String status) {
        return switch (status == null ? "" : status) {
            case "monitored" -> "#2e7d32";
            case "silent" -> "#ef8f00";
            case "missing" -> "#c62828";
            default -> "#757575";
        };
    }

    /** A fire-point incident's line. */
    record FireRow(
            String id,
            String firstDetected,
            String lastDetected,
            String unitName,
            Integer detections,
            String satellites,
            String status,
            String verdict,
            String material,
            boolean duringAlert,
            boolean today) {}

    @GetMapping("/straw")
    Mono<String> straw(ServerWebExchange exchange, Model model) {
        String lang = frame.common(exchange, model, "straw");
        Instant now = Instant.now();
        // Whole hours in the request, so that one cached read serves an hour of visitors.
        Instant from = now.minus(RECENT_FIRES).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        Instant startOfToday =
                LocalDate.now(Views.CHINA).atStartOfDay(Views.CHINA).toInstant();
        model.addAttribute("today", LocalDate.now(Views.CHINA).toString());
        return orEmpty(domains.incidents(from), model, "fire-point incidents").map(all -> {
            List<FireRow> rows =
                    all.stream().map(f -> fireRow(f, startOfToday, lang)).toList();
            model.addAttribute(
                    "todayFires", rows.stream().filter(FireRow::today).toList());
            model.addAttribute(
                    "earlierFires", rows.stream().filter(r -> !r.today()).toList());
            model.addAttribute(
                    "map",
                    map.layer(
                            lang,
                            text("straw.map", lang),
                            List.of(),
                            all.stream()
                                    .map(f -> {
                                        boolean today = isToday(f, startOfToday);
                                        return new MapDrawing.Marker(
                                                f.id(),
                                                f.longitude(),
                                                f.latitude(),
                                                Views.hour(f.firstDetectedAt()) + " · "
                                                        + unitName(f.county(), f.corpsUnit(), lang)
                                                        + " · " + word("incident", f.status(), lang),
                                                today ? "fire today" : "fire earlier",
                                                today ? "#d84315" : "#9e9e9e");
                                    })
                                    .toList()));
            return "straw";
        });
    }

    private static boolean isToday(FireIncident f, Instant startOfToday) {
        Instant last = f.lastDetectedAt() != null ? f.lastDetectedAt() : f.firstDetectedAt();
        return last != null && !last.isBefore(startOfToday);
    }

    private FireRow fireRow(FireIncident f, Instant startOfToday, String lang) {
        return new FireRow(
                f.id(),
                Views.hour(f.firstDetectedAt()),
                Views.hour(f.lastDetectedAt()),
                unitName(f.county(), f.corpsUnit(), lang),
                f.detections(),
                String.join(", ", f.satellites()),
                word("incident", f.status(), lang),
                f.verdict() == null ? text("straw.unjudged", lang) : word("verdict", f.verdict(), lang),
                f.material() == null ? "—" : word("material", f.material(), lang),
                f.duringAlert(),
                isToday(f, startOfToday));
    }

    /** An afforestation project's or a sand-closure area's line. */
    record AreaRow(
            String id,
            String name,
            String programme,
            String unitName,
            Integer year,
            String hectares,
            String mu,
            String survival) {}

    @GetMapping("/greening")
    Mono<String> greening(ServerWebExchange exchange, Model model) {
        String lang = frame.common(exchange, model, "greening");
        return orEmpty(domains.greenAreas(), model, "green areas").map(all -> {
            model.addAttribute(
                    "projects",
                    all.stream()
                            .filter(a -> "project".equals(a.kind()))
                            .map(a -> areaRow(a, "programme", lang))
                            .toList());
            model.addAttribute(
                    "closures",
                    all.stream()
                            .filter(a -> "closure".equals(a.kind()))
                            .map(a -> areaRow(a, "closure", lang))
                            .toList());
            model.addAttribute(
                    "map",
                    map.layer(
                            lang,
                            text("greening.map", lang),
                            all.stream()
                                    .map(a -> new MapDrawing.Area(
                                            a.id(),
                                            a.polygons(),
                                            a.name() + " · " + unitName(a.county(), a.corpsUnit(), lang),
                                            "project".equals(a.kind()) ? "project" : "closure"))
                                    .toList(),
                            List.of()));
            return "greening";
        });
    }

    private AreaRow areaRow(GreenArea a, String field, String lang) {
        return new AreaRow(
                a.id(),
                a.name(),
                word(field, a.programme(), lang),
                unitName(a.county(), a.corpsUnit(), lang),
                a.year(),
                a.hectares() == null ? "—" : String.format(Locale.ROOT, "%,.1f", a.hectares()),
                a.mu() == null ? "—" : String.format(Locale.ROOT, "%,.0f", a.mu()),
                a.survivalPercent() == null ? "—" : String.format(Locale.ROOT, "%.1f %%", a.survivalPercent()));
    }
}
