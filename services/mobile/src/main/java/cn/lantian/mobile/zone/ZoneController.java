package cn.lantian.mobile.zone;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The low-emission zones, for every reader: officers must know where a machine may not work. */
@RestController
@RequestMapping("/api/mobile/v1")
class ZoneController {

    private final LowEmissionZones zones;

    ZoneController(LowEmissionZones zones) {
        this.zones = zones;
    }

    @GetMapping("/low-emission-zones")
    List<Zone> all() {
        return zones.all();
    }
}
