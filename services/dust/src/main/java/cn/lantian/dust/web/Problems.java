package cn.lantian.dust.web;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns this service's exceptions into the platform's one RFC 9457 shape: {@code type, title, status, detail,
 * instance} and, for invalid input only, {@code errors[{field, reason}]}. No answer names a Java type or repeats a
 * parser's message.
 */
@RestControllerAdvice
class Problems {

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInput e, ServerWebExchange exchange) {
        return invalid(e.getMessage(), e.errors(), exchange);
    }

    @ExceptionHandler(WebExchangeBindException.class)
    ResponseEntity<ProblemDetail> bind(WebExchangeBindException e, ServerWebExchange exchange) {
        List<FieldError> errors = e.getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), String.valueOf(f.getDefaultMessage()))).toList();
        return invalid("The request has invalid fields.", errors, exchange);
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ProblemDetail> unreadable(ServerWebInputException e, ServerWebExchange exchange) {
        if (causedBy(e, DataBufferLimitException.class)) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than this service accepts.",
                    exchange);
        }
        String parameter = e.getMethodParameter() == null ? null : e.getMethodParameter().getParameterName();
        boolean body = e.getMethodParameter() == null || e.getMethodParameter().hasParameterAnnotation(
                org.springframework.web.bind.annotation.RequestBody.class);
        FieldError error;
        if (!body && parameter != null) {
            error = new FieldError(parameter, "is missing or not of the expected type");
        } else if (cause(e, UnrecognizedPropertyException.class) instanceof UnrecognizedPropertyException u) {
            error = new FieldError(path(u), "is not a known field");
        } else if (cause(e, MismatchedInputException.class) instanceof MismatchedInputException m) {
            String field = path(m);
            error = new FieldError(field.isEmpty() ? "body" : field, field.isEmpty()
                    ? "must be a JSON object of the documented shape" : "has the wrong JSON type or is missing");
        } else if (cause(e, JacksonException.class) instanceof JacksonException j) {
            String field = path(j);
            error = new FieldError(field.isEmpty() ? "body" : field, field.isEmpty() ? "is not valid JSON"
                    : "is not a valid value");
        } else {
            error = new FieldError("body", "is missing or unreadable");
        }
        return invalid("The field " + error.field() + " is invalid.", List.of(error), exchange);
    }

    @ExceptionHandler(UnsupportedMediaTypeStatusException.class)
    ResponseEntity<ProblemDetail> mediaType(UnsupportedMediaTypeStatusException e, ServerWebExchange exchange) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The request body must be "
                + e.getSupportedMediaTypes().stream().map(Object::toString).collect(Collectors.joining(" or ")) + ".",
                exchange);
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(NotFound e, ServerWebExchange exchange) {
        return problem(HttpStatus.NOT_FOUND, sentence(e.getMessage()), exchange);
    }

    @ExceptionHandler(Forbidden.class)
    ResponseEntity<ProblemDetail> forbidden(Forbidden e, ServerWebExchange exchange) {
        return problem(HttpStatus.FORBIDDEN, sentence(e.getMessage()), exchange);
    }

    @ExceptionHandler(Conflict.class)
    ResponseEntity<ProblemDetail> conflict(Conflict e, ServerWebExchange exchange) {
        return problem(HttpStatus.CONFLICT, sentence(e.getMessage()), exchange);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e, ServerWebExchange exchange) {
        return problem(HttpStatus.CONFLICT, "The record clashes with one that exists.", exchange);
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> status(ResponseStatusException e, ServerWebExchange exchange) {
        HttpStatusCode code = e.getStatusCode();
        if (code.value() == 413) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than this service accepts.",
                    exchange);
        }
        HttpStatus known = HttpStatus.resolve(code.value());
        return problem(known == null ? HttpStatus.BAD_REQUEST : known,
                known == null ? "The request cannot be answered." : known.getReasonPhrase() + ".", exchange);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, ServerWebExchange exchange) {
        if (causedBy(e, DataBufferLimitException.class)) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than this service accepts.",
                    exchange);
        }
        LOG.error("Unexpected failure on {}", exchange.getRequest().getPath(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "The service failed to answer; the failure was logged.",
                exchange);
    }

    private static ResponseEntity<ProblemDetail> invalid(String detail, List<FieldError> errors,
            ServerWebExchange exchange) {
        ProblemDetail problem = base(HttpStatus.BAD_REQUEST, detail, exchange);
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, ServerWebExchange exchange) {
        return ResponseEntity.status(status).body(base(status, detail, exchange));
    }

    private static ProblemDetail base(HttpStatus status, String detail, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("about:blank"));
        problem.setTitle(status.getReasonPhrase());
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        return problem;
    }

    private static String sentence(String text) {
        return text.endsWith(".") ? text : text + ".";
    }

    /** The JSON path of the failing value as dotted names and indices ({@code items[2].pm10}). */
    private static String path(JacksonException e) {
        StringBuilder b = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!b.isEmpty()) {
                    b.append('.');
                }
                b.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                b.append('[').append(ref.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        return cause(e, type) != null;
    }

    private static Throwable cause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }
}
