package cn.lantian.portal.pages;

import cn.lantian.portal.upstream.FraudCase;
import cn.lantian.portal.upstream.InspectionRates;
import cn.lantian.portal.upstream.InspectionStation;
import cn.lantian.portal.upstream.MobileDisclosures;
import cn.lantian.reference.Jurisdiction;
import cn.lantian.reference.Jurisdictions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Vehicle emission inspection as mobile discloses it: each I/M station's pass rate over the last year, the counties'
 * totals on a map layer, and the fraud cases an officer confirmed, plates masked. Mobile holds no address for a
 * station, so the map colours the county (or Corps unit) it lies in rather than placing a point.
 */
@Controller
class InspectionPageController {

    private static final Logger log = LoggerFactory.getLogger(InspectionPageController.class);

    private final MobileDisclosures mobile;
    private final Jurisdictions jurisdictions;
    private final PageFrame frame;
    private final Names names;
    private final MapDrawing map;
    private final MessageSource messages;

    InspectionPageController(
            MobileDisclosures mobile,
            Jurisdictions jurisdictions,
            PageFrame frame,
            Names names,
            MapDrawing map,
            MessageSource messages) {
        this.mobile = mobile;
        this.jurisdictions = jurisdictions;
        this.frame = frame;
        this.names = names;
        this.map = map;
        this.messages = messages;
    }

    /** A station's line. */
    record StationRow(
            String id,
            String name,
            String unitName,
            String licence,
            Integer lanes,
            long tests,
            long passes,
            String passRate,
            long fraudCases) {}

    /** A county's (or Corps unit's) totals. */
    record UnitRow(String id, String name, int stations, long tests, long passes, String passRate, long fraudCases) {}

    /** A confirmed fraud case's line. */
    record CaseRow(
            String id,
            String confirmed,
            String station,
            String unitName,
            String signal,
            String plates,
            String summary) {}

    @GetMapping("/mobile")
    Mono<String> mobile(ServerWebExchange exchange, Model model) {
        String lang = frame.common(exchange, model, "mobile");
        Mono<InspectionRates> rates = mobile.rates().onErrorResume(e -> {
            log.warn("inspection stations not available: {}", e.toString());
            model.addAttribute("unavailable", true);
            return Mono.just(new InspectionRates(null, null, List.of()));
        });
        Mono<List<FraudCase>> cases = mobile.fraudCases().onErrorResume(e -> {
            log.warn("fraud cases not available: {}", e.toString());
            model.addAttribute("unavailable", true);
            return Mono.just(List.of());
        });
        return Mono.zip(rates, cases).map(t -> {
            InspectionRates r = t.getT1();
            model.addAttribute("periodFrom", Views.day(r.from()));
            model.addAttribute("periodTo", Views.day(r.to()));
            model.addAttribute(
                    "stations",
                    r.stations().stream()
                            .map(s -> new StationRow(
                                    s.id(),
                                    s.name(),
                                    names.unit(s.unit(), lang),
                                    s.licence(),
                                    s.lanes(),
                                    s.tests(),
                                    s.passes(),
                                    percent(s.passRate()),
                                    s.confirmedFraudCases()))
                            .toList());
            List<UnitRow> units = units(r.stations(), lang);
            model.addAttribute("units", units);
            model.addAttribute(
                    "cases",
                    t.getT2().stream()
                            .map(c -> new CaseRow(
                                    c.id(),
                                    Views.day(c.confirmedAt()),
                                    c.stationName() == null ? c.stationId() : c.stationName(),
                                    names.unit(c.unit(), lang),
                                    messages.getMessage(
                                            "code.signal." + c.signal(),
                                            null,
                                            c.signal() == null ? "—" : c.signal(),
                                            Locale.forLanguageTag(lang)),
                                    String.join(", ", c.plates()),
                                    c.summary()))
                            .toList());
            model.addAttribute("map", map.layer(lang, text("mobile.map", lang), areas(units, lang), List.of()));
            return "mobile";
        });
    }

    /** Each unit's stations added up; a unit's pass rate is its passes over its tests, as mobile's per station. */
    private List<UnitRow> units(List<InspectionStation> stations, String lang) {
        Map<String, List<InspectionStation>> byUnit = new LinkedHashMap<>();
        stations.forEach(
                s -> byUnit.computeIfAbsent(s.unit(), u -> new ArrayList<>()).add(s));
        List<UnitRow> out = new ArrayList<>();
        byUnit.forEach((unit, list) -> {
            long tests = list.stream().mapToLong(InspectionStation::tests).sum();
            long passes = list.stream().mapToLong(InspectionStation::passes).sum();
            out.add(new UnitRow(
                    "unit-" + unit,
                    names.unit(unit, lang),
                    list.size(),
                    tests,
                    passes,
                    tests == 0 ? "—" : percent(Math.round(passes * 1000.0 / tests) / 10.0),
                    list.stream()
                            .mapToLong(InspectionStation::confirmedFraudCases)
                            .sum()));
        });
        return out;
    }

    /** A unit with confirmed fraud in one colour, one without in another, each linked to its line. */
    private List<MapDrawing.Area> areas(List<UnitRow> units, String lang) {
        List<MapDrawing.Area> out = new ArrayList<>();
        for (UnitRow u : units) {
            String unit = u.id().substring("unit-".length());
            jurisdictions
                    .byId(unit)
                    .map(Jurisdiction::area)
                    .ifPresent(area -> out.add(new MapDrawing.Area(
                            u.id(),
                            area.polygons(),
                            u.name() + " · " + text("mobile.passRate", lang) + " " + u.passRate() + " · "
                                    + text("mobile.fraud", lang) + " " + u.fraudCases(),
                            u.fraudCases() > 0 ? "im-fraud" : "im-clean")));
        }
        return out;
    }

    private static String percent(Double rate) {
        return rate == null ? "—" : String.format(Locale.ROOT, "%.1f %%", rate);
    }

    private String text(String key, String lang) {
        return messages.getMessage(key, null, Locale.forLanguageTag(lang));
    }
}
