package cn.lantian.straw.alert;

import cn.lantian.security.Callers;
import cn.lantian.straw.rules.StrawRules;
import cn.lantian.straw.web.Params;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The alert measures of the straw domain: the table per level, and where they are or were in force. */
@RestController
@RequestMapping("/api/straw/v1")
class AlertController {

    private final Activations activations;
    private final StrawRules rules;

    AlertController(Activations activations, StrawRules rules) {
        this.activations = activations;
        this.rules = rules;
    }

    @GetMapping("/alert-measures")
    List<StrawRules.Measure> measures() {
        return rules.measures();
    }

    @GetMapping("/activations")
    Mono<List<Activation>> activations(@RequestParam(required = false) String county) {
        String unit = Params.unit("county", county);
        return Callers.current().flatMap(c -> activations.list(unit).collectList());
    }
}
