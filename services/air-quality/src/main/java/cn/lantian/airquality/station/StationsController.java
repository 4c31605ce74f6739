package cn.lantian.airquality.station;

import cn.lantian.airquality.access.StationAccess;
import cn.lantian.reference.Jurisdictions;
import cn.lantian.reference.Placement;
import cn.lantian.security.Caller;
import cn.lantian.security.Callers;
import cn.lantian.web.Forbidden;
import cn.lantian.web.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code PUT /api/air-quality/v1/stations/{id}}: registers a station or changes one. The unit it reports for must be
 * one the caller speaks for; its county and Corps unit must be where its coordinates lie; the ecology agency writes
 * stations inside its jurisdiction only, both where the station was and where it is to be; the prefecture anywhere.
 */
@RestController
class StationsController {

    private final Stations stations;
    private final Jurisdictions jurisdictions;
    private final StationAccess access;

    StationsController(Stations stations, Jurisdictions jurisdictions, StationAccess access) {
        this.stations = stations;
        this.jurisdictions = jurisdictions;
        this.access = access;
    }

    /**
     * 201 with the station when it is new, 200 when it changed; 400 problem naming each bad field (also a county or
     * Corps unit the coordinates contradict); 403 for a unit the caller does not speak for or a station outside.
     */
    @PutMapping("/api/air-quality/v1/stations/{id}")
    Mono<ResponseEntity<Station>> put(@PathVariable String id, @RequestBody StationRegistration body) {
        Station claimed = body.toStation(id, jurisdictions);
        return Mono.zip(Callers.current(), stations.byId()).flatMap(t -> {
            Caller caller = t.getT1();
            if (!access.mayReportFor(caller, body.jurisdiction())) {
                return Mono.error(outside(id));
            }
            Station station = placed(claimed);
            Station before = t.getT2().get(id);
            if (!access.mayWrite(caller, station.placement())
                    || (before != null && !access.mayWrite(caller, before.placement()))) {
                return Mono.error(outside(id));
            }
            return stations.save(station)
                    .thenReturn(ResponseEntity.status(before == null ? HttpStatus.CREATED : HttpStatus.OK)
                            .body(station));
        });
    }

    /**
     * The station with the county and Corps unit its coordinates give: a Corps unit named as the unit it reports for
     * lies in the county found there; a Corps unit not named is the one found there.
     */
    private Station placed(Station s) {
        Placement here = jurisdictions
                .locate(s.longitude(), s.latitude())
                .orElseThrow(() -> InvalidInput.of("longitude", "the point lies outside Kashgar Prefecture"));
        boolean reportsForCorps =
                jurisdictions.byId(s.jurisdiction()).map(j -> j.isCorps()).orElse(false);
        String corps = s.corpsUnit() != null ? s.corpsUnit() : reportsForCorps ? s.jurisdiction() : here.corpsUnit();
        String county = reportsForCorps ? here.jurisdiction() : s.jurisdiction();
        Placement placement = new Placement(county, corps);
        if (!jurisdictions.admits(placement, s.longitude(), s.latitude())) {
            String field = reportsForCorps
                            || jurisdictions.admits(
                                    new Placement(county, here.corpsUnit()), s.longitude(), s.latitude())
                    ? "corpsUnit"
                    : "jurisdiction";
            throw InvalidInput.of(field, "the coordinates lie in " + String.join(" and ", here.visibleTo()));
        }
        return s.placedIn(placement);
    }

    private static Forbidden outside(String id) {
        return new Forbidden("Station " + id + " lies outside your jurisdiction.");
    }
}
