package cn.lantian.portal.live;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/** Fans live updates out to every open page; a slow page misses updates rather than holding back the others. */
@Component
public class LiveFeed {

    private static final Duration HEARTBEAT = Duration.ofSeconds(20);

    private final Sinks.Many<LiveUpdate> sink = Sinks.many().multicast().directBestEffort();
    private final AtomicInteger subscribers = new AtomicInteger();

    /** Sends an update to every subscriber now connected. */
    public void publish(LiveUpdate update) {
        sink.emitNext(update, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(200)));
    }

    /** The stream one page reads: updates as they come, and a comment now and then so proxies keep it open. */
    public Flux<ServerSentEvent<String>> stream() {
        Flux<ServerSentEvent<String>> updates = sink.asFlux()
                .map(u -> ServerSentEvent.builder(u.json())
                        .event(u.kind())
                        .id(u.id())
                        .build());
        Flux<ServerSentEvent<String>> heartbeat = Flux.interval(HEARTBEAT)
                .map(i ->
                        ServerSentEvent.<String>builder().comment("keep-alive").build());
        return Flux.merge(
                        Flux.just(ServerSentEvent.<String>builder()
                                .comment("connected")
                                .retry(Duration.ofSeconds(5))
                                .build()),
                        updates,
                        heartbeat)
                .doOnSubscribe(s -> subscribers.incrementAndGet())
                .doFinally(s -> subscribers.decrementAndGet());
    }

    /** How many pages are connected. */
    public int subscribers() {
        return subscribers.get();
    }
}
