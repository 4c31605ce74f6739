package cn.lantian.stationary.rules;

import cn.lantian.security.Callers;
import cn.lantian.stationary.access.PermitAccess;
import cn.lantian.stationary.web.Page;
import cn.lantian.web.InvalidInput;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Findings of the rule engine and the rule table itself. */
@RestController
@RequestMapping("/api/stationary/v1")
class FindingsController {

    private final RuleEngine engine;
    private final PermitAccess access;

    FindingsController(RuleEngine engine, PermitAccess access) {
        this.engine = engine;
        this.access = access;
    }

    @GetMapping("/rules")
    List<Rule> rules() {
        return engine.table().all();
    }

    @GetMapping("/findings")
    Mono<Page<Finding>> findings(
            @RequestParam(required = false) String ruleId,
            @RequestParam(defaultValue = "true") boolean open,
            @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 500) {
            return Mono.error(InvalidInput.of("limit", "must be between 1 and 500"));
        }
        return Callers.current()
                .flatMap(c -> engine.findings(access.visibleUnits(c), ruleId, open, after, limit + 1)
                        .collectList()
                        .map(list -> Page.of(list, limit, Finding::id)));
    }
}
