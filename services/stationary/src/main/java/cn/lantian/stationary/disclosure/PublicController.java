package cn.lantian.stationary.disclosure;

import cn.lantian.web.InvalidInput;
import cn.lantian.web.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Enterprise disclosure for the public, without a token: permits, ultra-low-emission status and recent exceedances.
 * Only what an enterprise must disclose is shown: no credit code, no person, no coordinates beyond the county.
 */
@RestController
@RequestMapping("/api/public/v1/enterprises")
class PublicController {

    private final Disclosures disclosures;

    PublicController(Disclosures disclosures) {
        this.disclosures = disclosures;
    }

    @GetMapping
    Flux<Disclosures.Disclosed> list(
            @RequestParam(required = false) String county,
            @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 200) {
            return Flux.error(InvalidInput.of("limit", "must be between 1 and 200"));
        }
        return disclosures.page(county, after, limit);
    }

    @GetMapping("/{id}")
    Mono<Disclosures.Disclosed> one(@PathVariable String id, @RequestParam(defaultValue = "30") int days) {
        if (days < 1 || days > 366) {
            return Mono.error(InvalidInput.of("days", "must be between 1 and 366"));
        }
        return disclosures.disclosed(id, days).switchIfEmpty(Mono.error(new NotFound("No enterprise " + id + ".")));
    }
}
