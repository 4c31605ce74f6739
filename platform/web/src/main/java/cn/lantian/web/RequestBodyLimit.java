package cn.lantian.web;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Caps every request body: a declared length above the cap is refused at once, a streamed body fails as soon as it
 * passes the cap, both answered 413. Paths configured as {@code larger-bodies} (CSV uploads) get their own cap.
 */
class RequestBodyLimit implements WebFilter {

    private record Cap(PathPattern pattern, long bytes) {}

    private final long defaultBytes;
    private final List<Cap> larger;

    RequestBodyLimit(WebLimitsProperties properties) {
        this.defaultBytes = properties.maxBody().toBytes();
        this.larger = properties.largerBodies().stream()
                .map(b -> new Cap(
                        PathPatternParser.defaultInstance.parse(b.path()),
                        b.max().toBytes()))
                .toList();
    }

    long capFor(ServerHttpRequest request) {
        return larger.stream()
                .filter(c -> c.pattern().matches(request.getPath().pathWithinApplication()))
                .mapToLong(Cap::bytes)
                .findFirst()
                .orElse(defaultBytes);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long cap = capFor(request);
        long declared = request.getHeaders().getContentLength();
        if (declared > cap) {
            return Problems.write(
                    exchange, HttpStatus.CONTENT_TOO_LARGE, ErrorMapping.detail(HttpStatus.CONTENT_TOO_LARGE));
        }
        ServerHttpRequest capped = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong seen = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > cap) {
                        DataBufferUtils.release(buffer);
                        sink.error(new DataBufferLimitException("request body above " + cap + " bytes"));
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(capped).build());
    }
}
