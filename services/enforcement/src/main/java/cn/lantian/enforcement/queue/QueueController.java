package cn.lantian.enforcement.queue;

import cn.lantian.enforcement.web.Page;
import cn.lantian.security.Callers;
import cn.lantian.web.InvalidInput;
import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The caller's work queue: new cases, escalations and referrals for their jurisdiction and agency, as a paginated list
 * and as a server-sent-events stream (which first replays what came after {@code Last-Event-ID}).
 */
@RestController
@RequestMapping("/api/enforcement/v1/queue")
class QueueController {

    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final WorkQueue queue;
    private final Recipients access;

    QueueController(WorkQueue queue, Recipients access) {
        this.queue = queue;
        this.access = access;
    }

    @GetMapping
    Mono<Page<WorkItem>> list(
            @RequestParam(required = false) String after, @RequestParam(required = false) Integer limit) {
        int size = Page.limit(limit);
        long cursor = cursor(after, "after");
        return Callers.current()
                .flatMap(c -> queue.page(access.units(c), access.agencies(c), cursor, size + 1)
                        .collectList()
                        .map(found -> Page.of(found, size, w -> String.valueOf(w.seq()))));
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<WorkItem>> stream(
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        long cursor = cursor(lastEventId, "Last-Event-ID");
        return Callers.current().flatMapMany(c -> {
            // Live items are subscribed before the table is replayed, so nothing falls between the two.
            Flux<WorkItem> live = queue.live().filter(w -> access.receives(c, w.units(), w.agencies()));
            Flux<WorkItem> replay =
                    cursor > 0 ? queue.page(access.units(c), access.agencies(c), cursor, 1000) : Flux.empty();
            // A first comment commits the response at once, so the client knows it is subscribed.
            return Flux.concat(
                            Flux.just(ServerSentEvent.<WorkItem>builder()
                                    .comment("subscribed")
                                    .build()),
                            Flux.merge(live.filter(w -> w.seq() > cursor), replay)
                                    .distinct(WorkItem::seq)
                                    .map(QueueController::sse))
                    .mergeWith(Flux.interval(HEARTBEAT)
                            .map(i -> ServerSentEvent.<WorkItem>builder()
                                    .comment("keep-alive")
                                    .build()));
        });
    }

    private static ServerSentEvent<WorkItem> sse(WorkItem w) {
        return ServerSentEvent.builder(w)
                .id(String.valueOf(w.seq()))
                .event(w.kind())
                .build();
    }

    private static long cursor(String value, String field) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw InvalidInput.of(field, "must be the id of a previous work-queue item");
        }
    }
}
