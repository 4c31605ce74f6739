package cn.lantian.greening.web;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.PayloadTooLargeException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The service's one problem-details shape (RFC 9457): {@code type about:blank}, the status's title, one sentence of
 * detail, the request path as instance, and {@code errors [{field, reason}]} for invalid input. No answer names a Java
 * type or repeats a parser's message.
 */
@RestControllerAdvice
class Problems {

    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInput e, ServerWebExchange exchange) {
        return answer(HttpStatus.BAD_REQUEST, e.getMessage(), e.errors(), exchange);
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(NotFound e, ServerWebExchange exchange) {
        return answer(HttpStatus.NOT_FOUND, e.getMessage(), null, exchange);
    }

    @ExceptionHandler(Forbidden.class)
    ResponseEntity<ProblemDetail> forbidden(Forbidden e, ServerWebExchange exchange) {
        return answer(HttpStatus.FORBIDDEN, e.getMessage(), null, exchange);
    }

    @ExceptionHandler(Conflict.class)
    ResponseEntity<ProblemDetail> conflict(Conflict e, ServerWebExchange exchange) {
        return answer(HttpStatus.CONFLICT, e.getMessage(), null, exchange);
    }

    @ExceptionHandler(UnsupportedMediaTypeStatusException.class)
    ResponseEntity<ProblemDetail> mediaType(UnsupportedMediaTypeStatusException e, ServerWebExchange exchange) {
        return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The body must be sent as application/json.", null, exchange);
    }

    @ExceptionHandler({DataBufferLimitException.class, PayloadTooLargeException.class})
    ResponseEntity<ProblemDetail> tooLarge(Exception e, ServerWebExchange exchange) {
        return answer(HttpStatus.CONTENT_TOO_LARGE, "The body is larger than this service accepts.", null, exchange);
    }

    /** A body or parameter that cannot be read: malformed JSON, a wrong type, an unknown field, a bad number. */
    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ProblemDetail> unreadable(ServerWebInputException e, ServerWebExchange exchange) {
        if (causedBy(e, DataBufferLimitException.class) != null) {
            return tooLarge(e, exchange);
        }
        if (e instanceof MissingRequestValueException missing) {
            return invalid(InvalidInput.of(missing.getName(), "is required"), exchange);
        }
        if (e.getMethodParameter() != null && e.getMethodParameter().getParameterName() != null
                && !e.getMethodParameter().hasParameterAnnotation(RequestBody.class)) {
            String name = e.getMethodParameter().getParameterName();
            return invalid(InvalidInput.of(name, "has the wrong type or format"), exchange);
        }
        JacksonException json = causedBy(e, JacksonException.class);
        InvalidInput.FieldError error;
        if (json instanceof DatabindException) {
            String path = path(json);
            error = json instanceof UnrecognizedPropertyException
                    ? new InvalidInput.FieldError(path, "is not a known field")
                    : new InvalidInput.FieldError(path.isEmpty() ? "body" : path, "has the wrong type or format");
        } else if (json != null) {
            error = new InvalidInput.FieldError("body", "is not well-formed JSON");
        } else {
            error = new InvalidInput.FieldError("body", "is missing or cannot be read");
        }
        return invalid(new InvalidInput(List.of(error)), exchange);
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> status(ResponseStatusException e, ServerWebExchange exchange) {
        HttpStatusCode code = e.getStatusCode();
        HttpStatus status = HttpStatus.resolve(code.value());
        String detail = status == null ? "The request was refused." : status.getReasonPhrase() + ".";
        return answer(status == null ? HttpStatus.BAD_REQUEST : status, detail, null, exchange);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, ServerWebExchange exchange) {
        log.error("Unexpected failure on {}", exchange.getRequest().getPath().value(), e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, "The service failed to answer; the failure was logged.", null,
                exchange);
    }

    private static ResponseEntity<ProblemDetail> answer(HttpStatus status, String detail,
            List<InvalidInput.FieldError> errors, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("about:blank"));
        problem.setTitle(status.getReasonPhrase());
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        if (errors != null) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String path(JacksonException e) {
        return e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static <T extends Throwable> T causedBy(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
