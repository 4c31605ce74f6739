package cn.lantian.straw.strawuse;

import cn.lantian.reference.Jurisdiction;
import cn.lantian.reference.Jurisdictions;
import cn.lantian.reference.Placement;
import cn.lantian.security.Callers;
import cn.lantian.straw.access.StrawAccess;
import cn.lantian.straw.rules.StrawRules;
import cn.lantian.straw.web.Params;
import cn.lantian.web.FieldError;
import cn.lantian.web.InvalidInput;
import cn.lantian.web.NotFound;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Straw use per county (or Corps unit) and season, with the utilisation rate against the national target. */
@RestController
@RequestMapping("/api/straw/v1/straw-use")
class StrawUseController {

    private static final double MAX = 1.0e8;

    private final StrawUseTable table;
    private final StrawAccess access;
    private final Jurisdictions jurisdictions;
    private final StrawRules rules;

    StrawUseController(StrawUseTable table, StrawAccess access, Jurisdictions jurisdictions, StrawRules rules) {
        this.table = table;
        this.access = access;
        this.jurisdictions = jurisdictions;
        this.rules = rules;
    }

    @PutMapping("/{unit}/{season}")
    Mono<StrawUse> save(@PathVariable String unit, @PathVariable String season, @RequestBody StrawUseInput in) {
        Jurisdiction j = jurisdictions
                .byId(Params.unit("unit", unit))
                .filter(x -> x.kind() == Jurisdiction.Kind.COUNTY || x.isCorps())
                .orElseThrow(() -> new NotFound("Unit " + unit + " was not found."));
        if (rules.season(season).isEmpty()) {
            throw InvalidInput.of(
                    "season",
                    "not a season such as 2025-autumn (seasons: "
                            + String.join(
                                    ", ",
                                    rules.seasons().stream()
                                            .map(StrawRules.SeasonMonths::name)
                                            .toList()) + ")");
        }
        check(in);
        Placement placement = j.isCorps() ? new Placement(j.id(), j.id()) : new Placement(j.id(), null);
        return Callers.current().flatMap(c -> {
            access.checkWrite(c, placement, "Unit " + unit);
            return table.save(j.id(), season, in, c.username())
                    .then(table.rows(season, List.of(j.id())).next());
        });
    }

    @GetMapping
    Mono<List<StrawUse>> list(
            @RequestParam(required = false) String season, @RequestParam(required = false) String unit) {
        if (season != null && rules.season(season).isEmpty()) {
            throw InvalidInput.of("season", "not a season such as 2025-autumn");
        }
        String only = Params.unit("unit", unit);
        return Callers.current().flatMap(c -> {
            List<String> visible = access.visibleUnits(c);
            List<String> units =
                    only == null ? visible : visible == null || visible.contains(only) ? List.of(only) : List.of();
            return table.rows(season, units).collectList();
        });
    }

    private static void check(StrawUseInput in) {
        List<FieldError> errors = new ArrayList<>();
        if (in == null) {
            throw InvalidInput.of("body", "required");
        }
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("cropAreaHa", in.cropAreaHa());
        values.put("producedT", in.producedT());
        values.put("returnedT", in.returnedT());
        values.put("feedT", in.feedT());
        values.put("fuelT", in.fuelT());
        values.put("rawMaterialT", in.rawMaterialT());
        values.put("baseMaterialT", in.baseMaterialT());
        values.forEach((field, value) -> {
            if (value == null) {
                errors.add(new FieldError(field, "required"));
            } else if (value.isNaN() || value < 0 || value > MAX) {
                errors.add(new FieldError(field, "not a number from 0 to 100000000"));
            }
        });
        if (errors.isEmpty()) {
            double used = in.returnedT() + in.feedT() + in.fuelT() + in.rawMaterialT() + in.baseMaterialT();
            if (used > in.producedT() * 1.000001) {
                errors.add(
                        new FieldError("producedT", "less than the straw used by all ways together (" + used + " t)"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }
}
