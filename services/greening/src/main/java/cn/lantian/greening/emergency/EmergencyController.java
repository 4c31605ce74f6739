package cn.lantian.greening.emergency;

import cn.lantian.greening.access.Access;
import cn.lantian.greening.rules.EmergencyMeasures;
import cn.lantian.security.Callers;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The greening measures per alert level, and the alerts in force in the caller's jurisdiction. */
@RestController
@RequestMapping(path = "/api/greening/v1/emergency", produces = MediaType.APPLICATION_JSON_VALUE)
class EmergencyController {

    private final EmergencyService service;
    private final EmergencyMeasures measures;
    private final Access access;

    EmergencyController(EmergencyService service, EmergencyMeasures measures, Access access) {
        this.service = service;
        this.measures = measures;
        this.access = access;
    }

    @GetMapping("/measures")
    List<EmergencyMeasures.Measure> measures() {
        return measures.all();
    }

    @GetMapping("/alerts")
    Mono<List<EmergencyService.Active>> alerts() {
        return Callers.current().flatMap(c -> service.active(access.visibleUnits(c)));
    }
}
