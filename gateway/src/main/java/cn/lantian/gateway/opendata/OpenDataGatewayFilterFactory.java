package cn.lantian.gateway.opendata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.reactivestreams.Publisher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code OpenData} route filter: the portal's licence on owners' open-data answers, body ETags, 304s, caching. */
@Component
class OpenDataGatewayFilterFactory extends AbstractGatewayFilterFactory<OpenDataGatewayFilterFactory.Config> {

    private static final String LICENCE = "/opendata/licence.json";
    private static final String ATTRIBUTION = "X-Attribution";

    private final String link;
    private final String attribution;
    private final long etagLimit;
    private final String cacheControl;

    OpenDataGatewayFilterFactory(
            @Value("${lantian.gateway.open-data.etag-limit}") DataSize etagLimit,
            @Value("${lantian.gateway.open-data.max-age}") Duration maxAge) {
        super(Config.class);
        JsonNode licence = readLicence();
        this.link = "<" + licence.get("url").asString() + ">; rel=\"license\"";
        // As the portal's LicenceHeaders: header values must be ISO-8859-1, so the English part of the attribution.
        this.attribution = "Lantian open data, Kashgar Prefecture; maps: OpenStreetMap contributors ("
                + licence.get("mapLicence").get("id").asString() + ")";
        this.etagLimit = etagLimit.toBytes();
        this.cacheControl = CacheControl.maxAge(maxAge).cachePublic().getHeaderValue();
    }

    private static JsonNode readLicence() {
        try (InputStream in = OpenDataGatewayFilterFactory.class.getResourceAsStream(LICENCE)) {
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public GatewayFilter apply(Config config) {
        // Before the filter that writes the relayed body, so that it writes through the tagging response.
        return new OrderedGatewayFilter(this::filter, NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1);
    }

    private Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpResponse response = exchange.getResponse();
        // At commit, so that errors, 304s and the owner's own Link headers all end up with the licence too.
        response.beforeCommit(() -> {
            nameLicence(response.getHeaders());
            return Mono.empty();
        });
        if (!HttpMethod.GET.equals(exchange.getRequest().getMethod())) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate()
                .response(new Tagging(exchange.getRequest(), response))
                .build());
    }

    private void nameLicence(HttpHeaders headers) {
        if (headers.getOrEmpty(HttpHeaders.LINK).stream().noneMatch(v -> v.contains("rel=\"license\""))) {
            headers.add(HttpHeaders.LINK, link);
        }
        if (!headers.containsHeader(ATTRIBUTION)) {
            headers.add(ATTRIBUTION, attribution);
        }
    }

    /** Buffers a successful answer up to the limit to tag it; anything else passes as it came. */
    private final class Tagging extends ServerHttpResponseDecorator {

        private final ServerHttpRequest request;
        private boolean first = true;

        Tagging(ServerHttpRequest request, ServerHttpResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            HttpHeaders headers = getHeaders();
            if (!HttpStatus.OK.equals(getStatusCode()) || headers.getETag() != null) {
                return super.writeWith(body);
            }
            if (!headers.containsHeader(HttpHeaders.CACHE_CONTROL)) {
                headers.set(HttpHeaders.CACHE_CONTROL, cacheControl);
            }
            if (headers.getContentLength() > etagLimit) {
                return super.writeWith(body);
            }
            // The first part is either the whole body (the limit was never passed) or the part that passed it.
            long[] seen = {0};
            return super.writeWith(Flux.from(body)
                    .bufferUntil(b -> (seen[0] += b.readableByteCount()) > etagLimit)
                    .concatMapIterable(part -> first ? settle(part) : part)
                    // A client gone while the part is held: give its buffers back to the pool.
                    .doOnDiscard(DataBuffer.class, DataBufferUtils::release));
        }

        private List<? extends DataBuffer> settle(List<? extends DataBuffer> part) {
            first = false;
            long size = 0;
            for (DataBuffer b : part) {
                size += b.readableByteCount();
            }
            if (size > etagLimit) {
                return part;
            }
            String etag = etag(part);
            HttpHeaders headers = getHeaders();
            headers.setETag(etag);
            if (!current(etag, headers)) {
                return part;
            }
            part.forEach(DataBufferUtils::release);
            setStatusCode(HttpStatus.NOT_MODIFIED);
            headers.remove(HttpHeaders.CONTENT_LENGTH);
            headers.remove(HttpHeaders.CONTENT_TYPE);
            return List.of();
        }

        private boolean current(String etag, HttpHeaders answer) {
            HttpHeaders asked = request.getHeaders();
            List<String> tags = asked.getIfNoneMatch();
            if (!tags.isEmpty()) {
                // Weak comparison, as RFC 9110 asks for If-None-Match.
                return tags.stream().anyMatch(t -> t.equals("*") || t.equals(etag) || t.equals("W/" + etag));
            }
            long since = asked.getIfModifiedSince();
            long modified = answer.getLastModified();
            return since >= 0 && modified >= 0 && modified <= since;
        }
    }

    private static String etag(List<? extends DataBuffer> part) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (DataBuffer b : part) {
                try (DataBuffer.ByteBufferIterator buffers = b.readableByteBuffers()) {
                    buffers.forEachRemaining(sha::update);
                }
            }
            return "\"" + HexFormat.of().formatHex(sha.digest(), 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** No arguments: the limit and the cache lifetime are {@code lantian.gateway.open-data} properties. */
    static final class Config {}
}
