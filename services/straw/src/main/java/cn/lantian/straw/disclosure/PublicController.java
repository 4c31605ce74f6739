package cn.lantian.straw.disclosure;

import cn.lantian.straw.firepoint.PublicIncidents;
import cn.lantian.straw.rules.StrawRules;
import cn.lantian.straw.strawuse.StrawUseTable;
import cn.lantian.straw.web.Params;
import cn.lantian.web.InvalidInput;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Token-free open data: a map of incidents as GeoJSON (place, times, satellites, status and verdict; never who
 * patrolled or their notes) and the utilisation table per unit and season.
 */
@RestController
@RequestMapping("/api/public/v1/straw")
class PublicController {

    private static final Duration MAX_SPAN = Duration.ofDays(400);

    private final PublicIncidents incidents;
    private final StrawUseTable strawUse;
    private final StrawRules rules;
    private final Clock clock;

    PublicController(PublicIncidents incidents, StrawUseTable strawUse, StrawRules rules, Clock clock) {
        this.incidents = incidents;
        this.strawUse = strawUse;
        this.rules = rules;
        this.clock = clock;
    }

    /** Incidents first detected in [from, to) (default: the last 30 days), optionally of one county, as GeoJSON. */
    @GetMapping(
            value = "/incidents",
            produces = {"application/geo+json", "application/json"})
    Mono<Map<String, Object>> incidents(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String county) {
        Instant end = Params.instant("to", to);
        Instant start = Params.instant("from", from);
        end = end == null ? clock.instant() : end;
        start = start == null ? end.minus(Duration.ofDays(30)) : start;
        if (!start.isBefore(end) || Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
            throw InvalidInput.of("from", "must lie before to, at most 400 days earlier");
        }
        String unit = Params.unit("county", county);
        return incidents.features(start, end, unit).collectList().map(features -> {
            Map<String, Object> collection = new LinkedHashMap<>();
            collection.put("type", "FeatureCollection");
            collection.put("features", features);
            return collection;
        });
    }

    /** The utilisation table of a season (every season when absent). */
    @GetMapping("/utilisation")
    Mono<Map<String, Object>> utilisation(@RequestParam(required = false) String season) {
        if (season != null && rules.season(season).isEmpty()) {
            throw InvalidInput.of("season", "not a season such as 2025-autumn");
        }
        return strawUse.rows(season, null).collectList().map(rows -> {
            Map<String, Object> table = new LinkedHashMap<>();
            table.put("target", rules.utilisationTarget());
            table.put("targetSource", rules.rule("utilisation-target").source());
            table.put("intensitySource", rules.rule("intensity-per-ha").source());
            table.put("rows", rows);
            return table;
        });
    }
}
