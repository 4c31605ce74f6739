package cn.lantian.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * One answer in the platform's problem-details shape (RFC 9457): type {@code about:blank}, the status's title, one
 * sentence of detail, the request path as instance, {@code errors} only for invalid input, and any extension members.
 */
public record Problem(HttpStatus status, String detail, List<FieldError> errors, Map<String, Object> extensions) {

    /** The longest detail, field name and reason a document carries (the limits of the problem schema). */
    static final int MAX_DETAIL = 500;

    static final int MAX_FIELD = 200;
    static final int MAX_REASON = 300;

    public Problem {
        // A reason may quote what the caller sent; the caller's text must not make the answer unbounded.
        detail = clip(detail, MAX_DETAIL);
        errors = errors.stream()
                .map(e -> new FieldError(clip(e.field(), MAX_FIELD), clip(e.reason(), MAX_REASON)))
                .toList();
        extensions = Map.copyOf(extensions);
    }

    private static String clip(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    /** A problem without field errors or extensions. */
    public static Problem of(HttpStatus status, String detail) {
        return new Problem(status, detail, List.of(), Map.of());
    }

    /**
     * The problem the caller gets for {@code error}: the platform's own exceptions keep their sentence, anything else
     * gets a fixed sentence for its status (never a parser message or a class name); unknown failures are 500.
     */
    public static Problem from(Throwable error) {
        return ErrorMapping.of(error);
    }

    /** A 400 naming every bad field. */
    public static Problem invalid(List<FieldError> errors) {
        return new Problem(
                HttpStatus.BAD_REQUEST,
                errors.size() == 1
                        ? "One field of the request is not valid."
                        : "The request has " + errors.size() + " invalid fields.",
                errors,
                Map.of());
    }

    /** The same problem with one more extension member (never overriding a standard member). */
    public Problem with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(name, value);
        return new Problem(status, detail, errors, more);
    }

    /** The document as written: standard members first, then {@code errors}, then extensions. */
    public Map<String, Object> document(String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", instance);
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        extensions.forEach(body::putIfAbsent);
        return body;
    }
}
