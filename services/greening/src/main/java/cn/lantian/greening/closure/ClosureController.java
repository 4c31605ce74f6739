package cn.lantian.greening.closure;

import cn.lantian.security.Callers;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Sand-closure protection areas, their patrols and violations. */
@RestController
@RequestMapping(path = "/api/greening/v1/closure-areas", produces = MediaType.APPLICATION_JSON_VALUE)
class ClosureController {

    private final ClosureService service;

    ClosureController(ClosureService service) {
        this.service = service;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ClosureArea> create(@Valid @RequestBody ClosureInput in) {
        return Callers.current().flatMap(c -> service.create(c, in));
    }

    @GetMapping
    Mono<List<ClosureArea>> list() {
        return Callers.current().flatMap(service::list);
    }

    @GetMapping("/{id}")
    Mono<ClosureArea> get(@PathVariable String id) {
        return Callers.current().flatMap(c -> service.get(c, id));
    }

    @PutMapping(path = "/{id}/work-items/{item}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ClosureArea> workItem(
            @PathVariable String id, @PathVariable String item, @Valid @RequestBody ClosureInput.WorkItem state) {
        return Callers.current().flatMap(c -> service.workItem(c, id, item, state));
    }

    @PostMapping(path = "/{id}/patrols", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Map<String, Object>> patrol(@PathVariable String id, @Valid @RequestBody PatrolInput in) {
        return Callers.current().flatMap(c -> service.patrol(c, id, in));
    }

    @GetMapping("/{id}/activity")
    Mono<Map<String, Object>> activity(@PathVariable String id) {
        return Callers.current().flatMap(c -> service.activity(c, id));
    }
}
