package cn.lantian.enforcement.disclosure;

import cn.lantian.enforcement.cases.Cases;
import cn.lantian.enforcement.web.Page;
import cn.lantian.web.InvalidInput;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Token-free disclosure of closed cases' outcomes for enterprises. */
@RestController
class PublicCasesController {

    private final Cases cases;

    PublicCasesController(Cases cases) {
        this.cases = cases;
    }

    @GetMapping("/api/public/v1/cases")
    Mono<Page<PublicOutcome>> closed(
            @RequestParam(required = false) String enterprise,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) Integer limit) {
        int size = Page.limit(limit);
        long cursor;
        try {
            cursor = after == null || after.isBlank() ? 0 : Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw InvalidInput.of("after", "must be the next cursor of a previous page");
        }
        return cases.closedWithEnterprise(enterprise, cursor, size + 1)
                .collectList()
                .map(found -> Page.of(found, size, c -> String.valueOf(c.seq())))
                .map(page -> new Page<>(
                        page.items().stream()
                                .map(c -> new PublicOutcome(
                                        c.id(),
                                        c.enterpriseId(),
                                        c.jurisdiction(),
                                        c.corpsUnit(),
                                        c.originType(),
                                        c.ruleId(),
                                        c.ruleSource(),
                                        c.summary(),
                                        c.openedAt(),
                                        c.closedAt(),
                                        c.publicOutcome()))
                                .toList(),
                        page.next()));
    }
}
