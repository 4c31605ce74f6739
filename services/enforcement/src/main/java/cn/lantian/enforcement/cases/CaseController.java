package cn.lantian.enforcement.cases;

import cn.lantian.enforcement.web.Page;
import cn.lantian.security.Caller;
import cn.lantian.security.Callers;
import cn.lantian.web.InvalidInput;
import cn.lantian.web.NotFound;
import cn.lantian.web.TextLength;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Cases for officers: list, read, and one endpoint per lifecycle transition. */
@RestController
@RequestMapping("/api/enforcement/v1/cases")
class CaseController {

    private final Cases cases;
    private final CaseWorkflow workflow;
    private final CaseAccess access;

    CaseController(Cases cases, CaseWorkflow workflow, CaseAccess access) {
        this.cases = cases;
        this.workflow = workflow;
        this.access = access;
    }

    /** Cases the caller sees, oldest first; {@code after} is the previous page's {@code next}. */
    @GetMapping
    Mono<Page<CaseView>> list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) Integer limit) {
        int size = Page.limit(limit);
        if (status != null
                && Arrays.stream(CaseStatus.values()).noneMatch(s -> s.wire().equals(status))) {
            throw InvalidInput.of(
                    "status",
                    "must be one of "
                            + Arrays.stream(CaseStatus.values())
                                    .map(CaseStatus::wire)
                                    .toList());
        }
        long cursor = cursor(after);
        return caller().flatMap(c -> cases.page(access.units(c), access.agencies(c), status, cursor, size + 1)
                .collectList()
                .map(found -> Page.of(found, size, k -> String.valueOf(k.seq())))
                .map(page -> new Page<>(
                        page.items().stream()
                                .map(k -> CaseView.of(k, List.of()))
                                .toList(),
                        page.next())));
    }

    @GetMapping("/{id}")
    Mono<CaseView> one(@PathVariable String id) {
        return caller().flatMap(c -> cases.find(id)
                .filter(k -> access.reads(c, k) || (k.status() == CaseStatus.REFERRED && access.answersReferral(c, k)))
                .switchIfEmpty(Mono.error(() -> new NotFound("no case " + id)))
                .flatMap(k -> cases.historyOf(id).collectList().map(h -> CaseView.of(k, h))));
    }

    record AssignBody(@Size(max = TextLength.ID) String assignee) {}

    record ScheduleBody(Instant at) {}

    record InspectionBody(
            @Size(max = TextLength.TEXT) String findings, List<@Size(max = TextLength.TEXT) String> evidence) {}

    record RectificationBody(
            Instant deadline, @Size(max = TextLength.TEXT) String requirements) {}

    record CloseBody(
            @Size(max = TextLength.TEXT) String verification,
            @Size(max = TextLength.TEXT) String publicOutcome) {}

    record EscalateBody(
            @Size(max = TextLength.CODE) String kind,
            @Size(max = TextLength.TEXT) String note) {}

    record ReferBody(
            @Size(max = TextLength.CODE) String toAgency,
            @Size(max = TextLength.ID) String toJurisdiction,
            @Size(max = TextLength.TEXT) String reason) {}

    record AnswerBody(
            @Size(max = TextLength.TEXT) String note,
            @Size(max = TextLength.TEXT) String reason) {}

    @PostMapping("/{id}/assign")
    Mono<CaseView> assign(@PathVariable String id, @Valid @RequestBody AssignBody body) {
        return act(id, new Command.Assign(body.assignee()));
    }

    @PostMapping("/{id}/schedule-inspection")
    Mono<CaseView> schedule(@PathVariable String id, @Valid @RequestBody ScheduleBody body) {
        return act(id, new Command.ScheduleInspection(body.at()));
    }

    @PostMapping("/{id}/inspection")
    Mono<CaseView> inspection(@PathVariable String id, @Valid @RequestBody InspectionBody body) {
        return act(id, new Command.RecordInspection(body.findings(), body.evidence()));
    }

    @PostMapping("/{id}/rectification")
    Mono<CaseView> rectification(@PathVariable String id, @Valid @RequestBody RectificationBody body) {
        return act(id, new Command.OrderRectification(body.deadline(), body.requirements()));
    }

    @PostMapping("/{id}/close")
    Mono<CaseView> close(@PathVariable String id, @Valid @RequestBody CloseBody body) {
        return act(id, new Command.Close(body.verification(), body.publicOutcome()));
    }

    @PostMapping("/{id}/escalate")
    Mono<CaseView> escalate(@PathVariable String id, @Valid @RequestBody(required = false) EscalateBody body) {
        return act(
                id, body == null ? new Command.Escalate(null, null) : new Command.Escalate(body.kind(), body.note()));
    }

    @PostMapping("/{id}/refer")
    Mono<CaseView> refer(@PathVariable String id, @Valid @RequestBody ReferBody body) {
        return act(id, new Command.Refer(body.toAgency(), body.toJurisdiction(), body.reason()));
    }

    @PostMapping("/{id}/referral/accept")
    Mono<CaseView> accept(@PathVariable String id, @Valid @RequestBody(required = false) AnswerBody body) {
        return act(id, new Command.AcceptReferral(body == null ? null : body.note()));
    }

    @PostMapping("/{id}/referral/refuse")
    Mono<CaseView> refuse(@PathVariable String id, @Valid @RequestBody(required = false) AnswerBody body) {
        return act(id, new Command.RefuseReferral(body == null ? null : body.reason()));
    }

    private Mono<CaseView> act(String id, Command command) {
        return caller().flatMap(c -> workflow.act(id, Actor.of(c), command))
                .flatMap(k -> cases.historyOf(k.id()).collectList().map(h -> CaseView.of(k, h)));
    }

    private static Mono<Caller> caller() {
        return Callers.current();
    }

    static long cursor(String after) {
        if (after == null || after.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw InvalidInput.of("after", "must be the next cursor of a previous page");
        }
    }
}
