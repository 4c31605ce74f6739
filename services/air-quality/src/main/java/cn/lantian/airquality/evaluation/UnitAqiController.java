package cn.lantian.airquality.evaluation;

import cn.lantian.airquality.observation.Observations;
import cn.lantian.airquality.station.Station;
import cn.lantian.airquality.station.Stations;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/** {@code GET /api/public/v1/units/{unit}/aqi}: a unit's newest real-time AQI from its stations' averaged values. */
@RestController
class UnitAqiController {

    private final Stations stations;
    private final Observations observations;
    private final UnitAqi unitAqi;
    private final AssessmentStations assessment = AssessmentStations.load();

    UnitAqiController(Stations stations, Observations observations, UnitAqi unitAqi) {
        this.stations = stations;
        this.observations = observations;
        this.unitAqi = unitAqi;
    }

    /** The newest hour any assessment station of the unit (653100 for the prefecture) reported validly. */
    @GetMapping("/api/public/v1/units/{unit}/aqi")
    Mono<UnitAqi.Hour> now(@PathVariable String unit) {
        return stations.all().collectList().flatMap(all -> {
            List<String> ids =
                    assessment.of(unit, all).stream().map(Station::id).toList();
            if (ids.isEmpty()) {
                return Mono.error(
                        new ResponseStatusException(HttpStatus.NOT_FOUND, "no assessment stations for " + unit));
            }
            return observations
                    .newestHourOf(ids)
                    .collectList()
                    .map(hours -> hours.isEmpty()
                            ? new UnitAqi.Hour(
                                    unit, null, null, null, List.of(), null, List.of(), java.util.Map.of(), null)
                            : unitAqi.of(unit, hours.get(0).hour(), hours));
        });
    }
}
