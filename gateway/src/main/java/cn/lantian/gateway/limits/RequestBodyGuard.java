package cn.lantian.gateway.limits;

import cn.lantian.gateway.GatewayProperties;
import cn.lantian.web.FieldError;
import cn.lantian.web.Problems;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses request bodies over the configured size (413) and JSON bodies that are not well-formed JSON (400) before
 * they reach a service. A JSON body is read whole (it is bounded by the size limit) and relayed as read; any other
 * body streams through and is cut off with 413 once it passes the limit. Upload paths have the larger caps their
 * services accept ({@code larger-bodies}), so that the gateway never refuses what the service would take.
 */
@Component
class RequestBodyGuard implements WebFilter, Ordered {

    private record Cap(PathPattern pattern, long bytes) {}

    private final long defaultBytes;
    private final List<Cap> larger;
    private final JsonMapper json;

    /** {@code json} is the application's mapper, whose parser has the platform's limits (nesting, lengths). */
    RequestBodyGuard(GatewayProperties properties, JsonMapper json) {
        this.defaultBytes = properties.maxBodySize().toBytes();
        this.larger = properties.largerBodies().stream()
                .map(b -> new Cap(
                        PathPatternParser.defaultInstance.parse(b.path()),
                        b.max().toBytes()))
                .toList();
        this.json = json;
    }

    long capFor(ServerHttpRequest request) {
        return larger.stream()
                .filter(c -> c.pattern().matches(request.getPath().pathWithinApplication()))
                .mapToLong(Cap::bytes)
                .findFirst()
                .orElse(defaultBytes);
    }

    @Override
    public int getOrder() {
        return 20; // after the token check and the rate limit: an unknown or throttled caller is not read
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long maxBytes = capFor(request);
        long declared = request.getHeaders().getContentLength();
        boolean chunked = request.getHeaders().containsHeader("Transfer-Encoding");
        if (declared > maxBytes) {
            return tooLarge(exchange, maxBytes);
        }
        if (declared <= 0 && !chunked) {
            return chain.filter(exchange);
        }
        MediaType type = request.getHeaders().getContentType();
        if (type != null
                && (MediaType.APPLICATION_JSON.isCompatibleWith(type)
                        || type.getSubtype().endsWith("+json"))) {
            return DataBufferUtils.join(request.getBody(), (int) Math.min(maxBytes, Integer.MAX_VALUE))
                    .map(RequestBodyGuard::bytes)
                    .defaultIfEmpty(new byte[0])
                    .flatMap(body -> {
                        String problem = malformation(body);
                        if (problem != null) {
                            return Problems.invalid(exchange, List.of(new FieldError("body", problem)));
                        }
                        return chain.filter(exchange.mutate()
                                .request(withBody(request, body))
                                .build());
                    })
                    .onErrorResume(DataBufferLimitException.class, e -> tooLarge(exchange, maxBytes));
        }
        return chain.filter(
                exchange.mutate().request(bounded(request, maxBytes)).build());
    }

    private static Mono<Void> tooLarge(ServerWebExchange exchange, long maxBytes) {
        return Problems.write(
                exchange,
                HttpStatus.CONTENT_TOO_LARGE,
                "The body is larger than the " + maxBytes + " bytes this gateway accepts.");
    }

    /**
     * Null for well-formed JSON within the parser's limits (or an empty body, which the service judges), else a fixed
     * reason with the place: the parser's own message is never relayed.
     */
    private String malformation(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try (JsonParser parser = json.createParser(body)) {
            while (parser.nextToken() != null) {
                // reading every token is the check
            }
            return null;
        } catch (StreamConstraintsException e) {
            return "exceeds the limits on nesting depth, number, text or name length";
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            return at == null
                    ? "is not well-formed JSON"
                    : "is not well-formed JSON at line " + at.getLineNr() + ", column " + at.getColumnNr();
        }
    }

    private static byte[] bytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    private static ServerHttpRequest withBody(ServerHttpRequest request, byte[] body) {
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
            }
        };
    }

    private static ServerHttpRequest bounded(ServerHttpRequest request, long maxBytes) {
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong seen = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                        DataBufferUtils.release(buffer);
                        sink.error(new ResponseStatusException(
                                HttpStatus.CONTENT_TOO_LARGE,
                                "The body is larger than the " + maxBytes + " bytes this gateway accepts."));
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
    }
}
