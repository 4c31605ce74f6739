package cn.lantian.greening.idleland;

import cn.lantian.greening.web.Page;
import cn.lantian.security.Callers;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Idle-land tasks received from the dust service: list, plan, complete. */
@RestController
@RequestMapping(path = "/api/greening/v1/idle-land-tasks", produces = MediaType.APPLICATION_JSON_VALUE)
class IdleLandController {

    private final IdleLandService service;

    IdleLandController(IdleLandService service) {
        this.service = service;
    }

    @GetMapping
    Mono<Page<IdleLandTask>> list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String jurisdiction,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) Integer limit) {
        return Callers.current().flatMap(c -> service.list(c, status, jurisdiction, after, limit));
    }

    @GetMapping("/{id}")
    Mono<IdleLandTask> get(@PathVariable String id) {
        return Callers.current().flatMap(c -> service.get(c, id));
    }

    @PutMapping(path = "/{id}/plan", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<IdleLandTask> plan(@PathVariable String id, @Valid @RequestBody IdleLandService.PlanInput in) {
        return Callers.current().flatMap(c -> service.plan(c, id, in));
    }

    @PostMapping(path = "/{id}/completion", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<IdleLandTask> complete(@PathVariable String id, @Valid @RequestBody IdleLandService.CompletionInput in) {
        return Callers.current().flatMap(c -> service.complete(c, id, in));
    }
}
