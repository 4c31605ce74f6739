package cn.lantian.portal.opendata;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ServerWebExchange;

/** Answers with a strong ETag (hash of the body) and Last-Modified, and with 304 when the client's copy is current. */
final class Conditional {

    private Conditional() {}

    static String etag(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static ResponseEntity<byte[]> respond(
            ServerWebExchange exchange, String body, MediaType type, Instant lastModified, Duration maxAge) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return respond(exchange, bytes, etag(bytes), type, lastModified, maxAge);
    }

    static ResponseEntity<byte[]> respond(
            ServerWebExchange exchange,
            byte[] bytes,
            String etag,
            MediaType type,
            Instant lastModified,
            Duration maxAge) {
        Instant modified = lastModified == null ? null : lastModified.truncatedTo(ChronoUnit.SECONDS);
        HttpHeaders request = exchange.getRequest().getHeaders();
        boolean current;
        if (request.getIfNoneMatch().isEmpty()) {
            long since = request.getIfModifiedSince();
            current = modified != null && since >= 0 && !modified.isAfter(Instant.ofEpochMilli(since));
        } else {
            current = request.getIfNoneMatch().stream()
                    .anyMatch(t -> t.equals(etag) || t.equals("*") || t.equals("W/" + etag));
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(current ? HttpStatus.NOT_MODIFIED : HttpStatus.OK)
                .eTag(etag)
                .cacheControl(CacheControl.maxAge(maxAge).cachePublic());
        if (modified != null) {
            answer.lastModified(modified);
        }
        return current ? answer.build() : answer.contentType(type).body(bytes);
    }
}
