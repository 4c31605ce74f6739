package cn.lantian.portal.pages;

import cn.lantian.portal.aqi.Categories;
import cn.lantian.portal.live.LatestAqi;
import cn.lantian.portal.opendata.DataYears;
import cn.lantian.portal.opendata.PublicAddress;
import cn.lantian.portal.upstream.AirQuality;
import cn.lantian.portal.upstream.Alert;
import cn.lantian.portal.upstream.ClosedCase;
import cn.lantian.portal.upstream.DayValue;
import cn.lantian.portal.upstream.Disclosures;
import cn.lantian.portal.upstream.Enterprise;
import cn.lantian.portal.upstream.HourValue;
import cn.lantian.portal.upstream.StationNow;
import cn.lantian.portal.upstream.TargetStandings;
import cn.lantian.portal.upstream.UnitAqi;
import cn.lantian.reference.Jurisdiction;
import cn.lantian.reference.Jurisdictions;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The public pages. Every upstream read degrades to "not available now" rather than an error page. */
@Controller
class PagesController {

    private static final Logger log = LoggerFactory.getLogger(PagesController.class);

    private final LatestAqi latest;
    private final AirQuality airQuality;
    private final Disclosures disclosures;
    private final Jurisdictions jurisdictions;
    private final MapDrawing map;
    private final Views views;
    private final Names names;
    private final Categories categories;
    private final MessageSource messages;
    private final PagesProperties pages;

    private final PublicAddress publicAddress;
    private final DataYears dataYears;
    private final PageFrame frame;

    PagesController(
            LatestAqi latest,
            AirQuality airQuality,
            Disclosures disclosures,
            Jurisdictions jurisdictions,
            MapDrawing map,
            Views views,
            Names names,
            Categories categories,
            MessageSource messages,
            PagesProperties pages,
            PublicAddress publicAddress,
            DataYears dataYears,
            PageFrame frame) {
        this.dataYears = dataYears;
        this.frame = frame;
        this.pages = pages;
        this.publicAddress = publicAddress;
        this.latest = latest;
        this.airQuality = airQuality;
        this.disclosures = disclosures;
        this.jurisdictions = jurisdictions;
        this.map = map;
        this.views = views;
        this.names = names;
        this.categories = categories;
        this.messages = messages;
    }

    private String common(ServerWebExchange exchange, Model model, String page) {
        return frame.common(exchange, model, page);
    }

    private String text(String key, String lang) {
        return messages.getMessage(key, null, java.util.Locale.forLanguageTag(lang));
    }

    private <T> Mono<T> orElse(Mono<T> read, T fallback, Model model, String what) {
        return read.onErrorResume(e -> {
            log.warn("{} not available: {}", what, e.toString());
            model.addAttribute("unavailable", true);
            return Mono.just(fallback);
        });
    }

    private Mono<List<StationNow>> stations(Model model) {
        return orElse(latest.current().map(LatestAqi.Snapshot::stations), List.of(), model, "stations");
    }

    /** The prefecture's id, from the reference data. */
    private String prefecture() {
        return jurisdictions.ofKind(Jurisdiction.Kind.PREFECTURE).get(0).id();
    }

    /** The current year in Beijing time: the pages open on it (issue #18, the portal's time). */
    private static int currentYear() {
        return LocalDate.now(Views.CHINA).getYear();
    }

    /** A year's targets, or empty (with the page's notice) when air-quality cannot answer. */
    private Mono<Optional<TargetStandings>> standings(int year, Model model) {
        return orElse(airQuality.targets(year).map(Optional::of), Optional.<TargetStandings>empty(), model, "targets");
    }

    @GetMapping("/")
    Mono<String> home(ServerWebExchange exchange, Model model) {
        String lang = common(exchange, model, "home");
        return Mono.zip(
                        stations(model),
                        orElse(airQuality.alerts(), List.<Alert>of(), model, "alerts"),
                        orElse(airQuality.unitAqi(prefecture()), Optional.<UnitAqi>empty(), model, "prefecture AQI"),
                        standings(currentYear(), model))
                .map(t -> {
                    List<StationNow> list = t.getT1();
                    String prefecture = prefecture();
                    model.addAttribute("year", currentYear());
                    model.addAttribute(
                            "progress",
                            t.getT4()
                                    .flatMap(s -> s.units().stream()
                                            .filter(u -> prefecture.equals(u.unit()))
                                            .findFirst())
                                    .orElse(null));
                    model.addAttribute(
                            "remainingDays",
                            t.getT4().map(TargetStandings::remainingDays).orElse(null));
                    model.addAttribute("now", views.now(t.getT3(), lang));
                    model.addAttribute("stations", views.stations(list, lang));
                    model.addAttribute("map", map.svg(list, lang, null, text("map.title", lang)));
                    model.addAttribute(
                            "alerts",
                            t.getT2().stream()
                                    .filter(Alert::active)
                                    .map(a -> views.alert(a, lang))
                                    .toList());
                    model.addAttribute("counties", counties(lang));
                    return "home";
                });
    }

    private List<Map.Entry<String, String>> counties(String lang) {
        return jurisdictions.ofKind(Jurisdiction.Kind.COUNTY).stream()
                .map(j -> Map.entry(j.id(), Names.of(j, lang)))
                .toList();
    }

    @GetMapping("/counties/{id}")
    Mono<String> county(@PathVariable String id, ServerWebExchange exchange, Model model) {
        Jurisdiction unit = jurisdictions
                .byId(id)
                .filter(j -> j.kind() != Jurisdiction.Kind.PREFECTURE)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such county"));
        String lang = common(exchange, model, "county");
        model.addAttribute("unitId", id);
        model.addAttribute("unitName", Names.of(unit, lang));
        return Mono.zip(stations(model), orElse(airQuality.unitAqi(id), Optional.<UnitAqi>empty(), model, "unit AQI"))
                .flatMap(both -> {
                    List<StationNow> all = both.getT1();
                    List<StationNow> mine = all.stream()
                            .filter(s -> id.equals(s.jurisdiction())
                                    || id.equals(s.corpsUnit())
                                    || (s.corpsUnit() != null && jurisdictions.isWithin(s.corpsUnit(), id)))
                            .toList();
                    model.addAttribute("now", views.now(both.getT2(), lang));
                    model.addAttribute("stations", views.stations(mine, lang));
                    model.addAttribute("map", map.svg(mine, lang, id, Names.of(unit, lang)));
                    int year = currentYear();
                    model.addAttribute("year", year);
                    return Mono.zip(
                            standings(year, model),
                            orElse(airQuality.alerts(), List.<Alert>of(), model, "alerts"),
                            orElse(disclosures.enterprises(), List.<Enterprise>of(), model, "enterprises"));
                })
                .map(t -> {
                    model.addAttribute(
                            "standing",
                            t.getT1()
                                    .flatMap(s -> s.units().stream()
                                            .filter(u -> id.equals(u.unit()))
                                            .findFirst())
                                    .orElse(null));
                    model.addAttribute(
                            "remainingDays",
                            t.getT1().map(TargetStandings::remainingDays).orElse(null));
                    List<Alert> here = t.getT2().stream()
                            .filter(a -> id.equals(a.county()))
                            .toList();
                    model.addAttribute(
                            "alerts",
                            here.stream()
                                    .filter(Alert::active)
                                    .map(a -> views.alert(a, lang))
                                    .toList());
                    model.addAttribute(
                            "pastAlerts",
                            here.stream()
                                    .filter(a -> !a.active())
                                    .map(a -> views.alert(a, lang))
                                    .toList());
                    model.addAttribute(
                            "enterprises",
                            t.getT3().stream()
                                    .filter(e -> id.equals(e.county()) || id.equals(e.corpsUnit()))
                                    .toList());
                    return "county";
                });
    }

    @GetMapping("/targets")
    Mono<String> targets(@RequestParam(required = false) String year, ServerWebExchange exchange, Model model) {
        String lang = common(exchange, model, "targets");
        return orElse(dataYears.targetYears(), List.<Integer>of(), model, "years with data")
                .flatMap(years -> {
                    // The current year always opens; another year only when it has data (a stray number shows the
                    // current year rather than an error: the page is for people).
                    Integer asked = year != null && year.matches("[0-9]{4}") ? Integer.valueOf(year) : null;
                    int y = asked != null && years.contains(asked) ? asked : currentYear();
                    List<Integer> offered = new ArrayList<>(years);
                    if (!offered.contains(y)) {
                        offered.add(0, y);
                    }
                    model.addAttribute("year", y);
                    model.addAttribute("years", offered);
                    return standings(y, model);
                })
                .map(t -> {
                    model.addAttribute("standings", t.orElse(null));
                    model.addAttribute(
                            "unitNames",
                            t.map(s -> s.units().stream()
                                            .collect(Collectors.toMap(
                                                    TargetStandings.Unit::unit,
                                                    u -> names.unit(u.unit(), lang),
                                                    (a, b) -> a)))
                                    .orElse(Map.of()));
                    return "targets";
                });
    }

    @GetMapping("/stations/{id}")
    Mono<String> station(@PathVariable String id, ServerWebExchange exchange, Model model) {
        String lang = common(exchange, model, "station");
        return latest.current()
                .onErrorResume(e -> Mono.empty())
                .flatMap(snapshot -> Mono.justOrEmpty(snapshot.stations().stream()
                        .filter(s -> s.id().equals(id))
                        .findFirst()))
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "no such station")))
                .flatMap(s -> {
                    model.addAttribute("station", views.station(s, lang));
                    LocalDate to = s.hour() == null
                            ? LocalDate.now(Views.CHINA)
                            : s.hour().atZone(Views.CHINA).toLocalDate();
                    return Mono.zip(
                            orElse(airQuality.hourly(id, to.minusDays(6), to), List.<HourValue>of(), model, "hourly"),
                            orElse(airQuality.daily(id, to.minusDays(364), to), List.<DayValue>of(), model, "daily"));
                })
                .map(t -> {
                    List<Charts.Bar> hours = t.getT1().stream()
                            .map(h -> new Charts.Bar(
                                    Views.hour(h.hour()).substring(5, 13) + "h",
                                    h.valid() && h.aqi() != null ? h.aqi().doubleValue() : null,
                                    "#1a4f8b"))
                            .toList();
                    model.addAttribute("hourlyChart", Charts.line(text("station.hourly", lang), hours, "AQI"));
                    List<HourValue> recent = new ArrayList<>(t.getT1());
                    java.util.Collections.reverse(recent);
                    model.addAttribute(
                            "hours",
                            recent.stream()
                                    .limit(24)
                                    .map(h -> new Charts.Bar(
                                            Views.hour(h.hour()),
                                            h.aqi() == null ? null : h.aqi().doubleValue(),
                                            h.valid() ? "" : "invalid"))
                                    .toList());
                    List<Charts.Bar> days = t.getT2().stream()
                            .map(d -> new Charts.Bar(
                                    d.day().toString().substring(5),
                                    d.aqi() == null ? null : d.aqi().doubleValue(),
                                    categories
                                            .of(d.aqi())
                                            .map(Categories.Category::rgb)
                                            .orElse("#E0E0E0")))
                            .toList();
                    model.addAttribute("dailyChart", Charts.bars(text("station.daily", lang), days, "AQI"));
                    List<Charts.Bar> months = monthly(t.getT2());
                    model.addAttribute(
                            "monthlyChart", Charts.bars(text("station.monthly", lang), months, "PM2.5 µg/m³"));
                    model.addAttribute("months", months);
                    return "station";
                });
    }

    /** Monthly mean PM2.5 of the valid days (the plan's yardstick), months in order. */
    static List<Charts.Bar> monthly(List<DayValue> days) {
        Map<YearMonth, List<Double>> byMonth = new TreeMap<>();
        for (DayValue d : days) {
            byMonth.computeIfAbsent(YearMonth.from(d.day()), m -> new ArrayList<>());
            if (d.pm25() != null) {
                byMonth.get(YearMonth.from(d.day())).add(d.pm25());
            }
        }
        List<Charts.Bar> out = new ArrayList<>();
        byMonth.forEach((m, values) -> out.add(new Charts.Bar(
                m.toString(),
                values.isEmpty()
                        ? null
                        : Math.round(values.stream()
                                                .mapToDouble(Double::doubleValue)
                                                .average()
                                                .orElse(0)
                                        * 10)
                                / 10.0,
                "#5b8cc0")));
        return out;
    }

    /**
     * Enterprises by name search ({@code q}), county or Corps unit ({@code county}) and page ({@code page}, from 1).
     * A page is for people: an unknown county or a page out of range shows everything or the last page, not an error.
     */
    @GetMapping("/enterprises")
    Mono<String> enterprises(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) String page,
            ServerWebExchange exchange,
            Model model) {
        String lang = common(exchange, model, "enterprises");
        String search = q == null ? "" : q.strip();
        if (search.length() > pages.searchMaxLength()) {
            search = search.substring(0, pages.searchMaxLength());
        }
        String unit = county != null
                        && jurisdictions
                                .byId(county)
                                .filter(j -> j.kind() != Jurisdiction.Kind.PREFECTURE)
                                .isPresent()
                ? county
                : null;
        String needle = search.toLowerCase(java.util.Locale.ROOT);
        model.addAttribute("q", search);
        model.addAttribute("searchMaxLength", pages.searchMaxLength());
        model.addAttribute("county", unit);
        model.addAttribute("units", units(lang));
        return Mono.zip(
                        orElse(disclosures.enterprises(), List.<Enterprise>of(), model, "enterprises"),
                        orElse(disclosures.closedCases(), List.<ClosedCase>of(), model, "cases"))
                .map(t -> {
                    List<Enterprise> chosen = t.getT1().stream()
                            .filter(e -> unit == null
                                    || unit.equals(e.county())
                                    || unit.equals(e.corpsUnit())
                                    || (e.corpsUnit() != null && jurisdictions.isWithin(e.corpsUnit(), unit)))
                            .filter(e -> needle.isEmpty()
                                    || (e.name() != null
                                            && e.name()
                                                    .toLowerCase(java.util.Locale.ROOT)
                                                    .contains(needle)))
                            .sorted(java.util.Comparator.comparing(
                                    Enterprise::name,
                                    java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
                            .toList();
                    int size = pages.enterprisesPerPage();
                    int last = Math.max(1, (chosen.size() + size - 1) / size);
                    int current = Math.min(last, Math.max(1, pageNumber(page)));
                    List<Enterprise> shown =
                            chosen.subList((current - 1) * size, Math.min(chosen.size(), current * size));
                    java.util.Set<String> chosenIds =
                            chosen.stream().map(Enterprise::id).collect(Collectors.toSet());
                    List<ClosedCase> cases = t.getT2().stream()
                            .filter(c -> chosenIds.contains(c.enterpriseId()) || (needle.isEmpty() && unit == null))
                            .toList();
                    model.addAttribute("found", chosen.size());
                    model.addAttribute("pageNumber", current);
                    model.addAttribute("lastPage", last);
                    model.addAttribute("enterprises", views.enterprises(shown, t.getT2(), lang));
                    model.addAttribute("cases", views.cases(cases, t.getT1(), lang));
                    return "enterprises";
                });
    }

    /** The page asked for; anything but a positive whole number is the first page. */
    private static int pageNumber(String page) {
        if (page == null || !page.matches("[0-9]{1,6}")) {
            return 1;
        }
        return Integer.parseInt(page);
    }

    /** Counties and Corps units for the filter, in the reader's language. */
    private List<Map.Entry<String, String>> units(String lang) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (Jurisdiction.Kind kind :
                List.of(Jurisdiction.Kind.COUNTY, Jurisdiction.Kind.CORPS_DIVISION, Jurisdiction.Kind.CORPS_UNIT)) {
            jurisdictions.ofKind(kind).forEach(j -> out.add(Map.entry(j.id(), Names.of(j, lang))));
        }
        return out;
    }

    @GetMapping("/alerts")
    Mono<String> alerts(ServerWebExchange exchange, Model model) {
        String lang = common(exchange, model, "alerts");
        return orElse(airQuality.alerts(), List.<Alert>of(), model, "alerts").map(all -> {
            model.addAttribute(
                    "current",
                    all.stream()
                            .filter(Alert::active)
                            .map(a -> views.alert(a, lang))
                            .toList());
            model.addAttribute(
                    "past",
                    all.stream()
                            .filter(a -> !a.active())
                            .map(a -> views.alert(a, lang))
                            .toList());
            return "alerts";
        });
    }

    @GetMapping("/open-data")
    Mono<String> openData(ServerWebExchange exchange, Model model) {
        common(exchange, model, "open-data");
        model.addAttribute("base", publicAddress.base(exchange));
        return Mono.just("open-data");
    }
}
