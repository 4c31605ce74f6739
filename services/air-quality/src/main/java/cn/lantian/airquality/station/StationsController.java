package cn.lantian.airquality.station;

import cn.lantian.airquality.access.AccessPolicy;
import cn.lantian.reference.Jurisdictions;
import cn.lantian.security.Callers;
import cn.lantian.web.Forbidden;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code PUT /api/air-quality/v1/stations/{id}}: registers a station or changes one. The ecology agency writes stations
 * inside its jurisdiction only, both where the station was and where it is to be; the prefecture anywhere.
 */
@RestController
class StationsController {

    private final Stations stations;
    private final Jurisdictions jurisdictions;
    private final AccessPolicy policy;

    StationsController(Stations stations, Jurisdictions jurisdictions, AccessPolicy policy) {
        this.stations = stations;
        this.jurisdictions = jurisdictions;
        this.policy = policy;
    }

    /** 201 with the station when it is new, 200 when it changed; 400 problem naming each bad field; 403 outside. */
    @PutMapping("/api/air-quality/v1/stations/{id}")
    Mono<ResponseEntity<Station>> put(@PathVariable String id, @RequestBody StationRegistration body) {
        Station station = body.toStation(id, jurisdictions);
        return Mono.zip(Callers.current(), stations.byId()).flatMap(t -> {
            Station before = t.getT2().get(id);
            boolean allowed = policy.mayWrite(t.getT1(), station.placement())
                    && (before == null || policy.mayWrite(t.getT1(), before.placement()));
            if (!allowed) {
                return Mono.error(new Forbidden("station " + id + " lies outside your jurisdiction"));
            }
            return stations.save(station).thenReturn(ResponseEntity.status(before == null ? HttpStatus.CREATED : HttpStatus.OK)
                    .body(station));
        });
    }
}
