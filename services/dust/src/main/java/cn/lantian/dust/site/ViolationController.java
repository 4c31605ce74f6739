package cn.lantian.dust.site;

import cn.lantian.dust.access.Access;
import cn.lantian.dust.web.Checks;
import cn.lantian.dust.web.Page;
import cn.lantian.security.Callers;
import cn.lantian.web.InvalidInput;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Site violations for officers, from inspections and monitors. */
@RestController
class ViolationController {

    private final Violations violations;
    private final Access access;

    ViolationController(Violations violations, Access access) {
        this.violations = violations;
        this.access = access;
    }

    /**
     * Violations at the sites the caller sees: {@code kind} inspection, monitor-alarm or monitor-over-station; the
     * {@code detail} is the data of the event that published it.
     */
    @GetMapping("/api/dust/v1/violations")
    Mono<Page<Violations.Violation>> list(
            @RequestParam(required = false) String siteId,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) Integer limit) {
        int size = Page.limit(limit);
        if (kind != null
                && !List.of("inspection", "monitor-alarm", "monitor-over-station")
                        .contains(kind)) {
            throw InvalidInput.of("kind", "must be inspection, monitor-alarm or monitor-over-station");
        }
        SiteController.checkCursor("siteId", siteId);
        if (after != null && Checks.textProblem(after, 200) != null) {
            throw InvalidInput.of("after", "must be at most 200 characters of text");
        }
        return Callers.current()
                .flatMap(c -> violations
                        .page(access.visibleUnits(c), siteId, kind, after, size)
                        .collectList())
                .map(rows -> Page.of(rows, size, Violations.Violation::id));
    }
}
