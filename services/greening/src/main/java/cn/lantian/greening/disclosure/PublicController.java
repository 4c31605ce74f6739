package cn.lantian.greening.disclosure;

import cn.lantian.web.InvalidInput;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/** The public GeoJSON datasets, without a token. */
@RestController
@RequestMapping(
        path = "/api/public/v1/greening",
        produces = {"application/geo+json", "application/json"})
class PublicController {

    private final PublicMaps maps;

    PublicController(PublicMaps maps) {
        this.maps = maps;
    }

    @GetMapping("/projects")
    Mono<ObjectNode> projects(
            @RequestParam(required = false) String county, @RequestParam(required = false) Integer year) {
        if (county != null && !county.matches("[0-9]{6}|xpcc-[0-9a-z-]{1,24}|kedz")) {
            return Mono.error(InvalidInput.of("county", "must be a division code or a Corps unit id"));
        }
        if (year != null && (year < 1978 || year > 2100)) {
            return Mono.error(InvalidInput.of("year", "must be between 1978 and 2100"));
        }
        return maps.projects(county, year);
    }

    @GetMapping("/closure-areas")
    Mono<ObjectNode> closureAreas() {
        return maps.closureAreas();
    }
}
