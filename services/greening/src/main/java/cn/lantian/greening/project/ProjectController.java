package cn.lantian.greening.project;

import cn.lantian.greening.web.Page;
import cn.lantian.security.Callers;
import cn.lantian.web.InvalidInput;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Afforestation projects, their planting and survival checks, and progress per county and Corps unit. */
@RestController
@RequestMapping(path = "/api/greening/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class ProjectController {

    private final ProjectService service;
    private final Progress progress;

    ProjectController(ProjectService service, Progress progress) {
        this.service = service;
        this.progress = progress;
    }

    @PostMapping(path = "/projects", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Project> create(@Valid @RequestBody ProjectInput in) {
        return Callers.current().flatMap(c -> service.create(c, in));
    }

    @GetMapping("/projects")
    Mono<Page<Project>> list(
            @RequestParam(required = false) String jurisdiction,
            @RequestParam(required = false) String programme,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) Integer limit) {
        return Callers.current().flatMap(c -> service.list(c, jurisdiction, programme, year, after, limit));
    }

    @GetMapping("/projects/{id}")
    Mono<Project> get(@PathVariable String id) {
        return Callers.current().flatMap(c -> service.get(c, id));
    }

    @PostMapping(path = "/projects/{id}/planting", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Project> plant(@PathVariable String id, @Valid @RequestBody PlantingInput in) {
        return Callers.current().flatMap(c -> service.plant(c, id, in));
    }

    @PostMapping(path = "/projects/{id}/survival-checks", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Project.Survival> survival(@PathVariable String id, @Valid @RequestBody SurvivalInput in) {
        return Callers.current().flatMap(c -> service.survival(c, id, in));
    }

    @GetMapping("/projects/{id}/survival-checks")
    Mono<List<Project.Survival>> survivals(@PathVariable String id) {
        return Callers.current().flatMap(c -> service.survivals(c, id));
    }

    @GetMapping("/progress")
    Mono<List<Progress.Row>> progress(@RequestParam Integer year) {
        if (year < 1978 || year > 2100) {
            return Mono.error(InvalidInput.of("year", "must be between 1978 and 2100"));
        }
        return Callers.current().flatMap(c -> progress.of(c, year));
    }
}
