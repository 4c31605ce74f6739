package cn.lantian.enforcement.campaign;

import cn.lantian.security.Callers;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Cross-enforcement campaigns: planned by the prefecture, results recorded by the inspecting teams. */
@RestController
@RequestMapping("/api/enforcement/v1/campaigns")
class CampaignController {

    private final Campaigns campaigns;

    CampaignController(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Campaign> plan(@Valid @RequestBody Campaigns.Plan plan) {
        return Callers.current().flatMap(c -> campaigns.plan(c, plan));
    }

    @GetMapping
    Mono<List<Campaign>> list() {
        return Callers.current().flatMapMany(campaigns::visibleTo).collectList();
    }

    @GetMapping("/{id}")
    Mono<Campaign> one(@PathVariable String id) {
        return Callers.current().flatMap(c -> campaigns.findFor(c, id));
    }

    @PostMapping("/{id}/tasks/{taskId}/result")
    Mono<Campaign> result(
            @PathVariable String id, @PathVariable String taskId, @Valid @RequestBody Campaigns.Result result) {
        return Callers.current().flatMap(c -> campaigns.record(c, id, taskId, result));
    }
}
