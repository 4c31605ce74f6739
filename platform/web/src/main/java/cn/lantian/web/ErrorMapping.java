package cn.lantian.web;

import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.validation.ObjectError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.function.client.WebClientException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Maps whatever failed to the problem the caller gets. Only the platform's own exceptions and a plain
 * {@link ResponseStatusException} carry their sentence through; everything else gets a fixed sentence per status and,
 * for bad input, the field name with a fixed reason, so no parser message or class name ever reaches the caller.
 */
final class ErrorMapping {

    static final String UNSAFE_TEXT = "contains a NUL character or an unpaired surrogate";

    private ErrorMapping() {}

    static Problem of(Throwable error) {
        if (error instanceof InvalidInput e) {
            return Problem.invalid(e.errors());
        }
        if (error instanceof NotFound e) {
            return Problem.of(HttpStatus.NOT_FOUND, e.getMessage());
        }
        if (error instanceof Forbidden e) {
            return Problem.of(HttpStatus.FORBIDDEN, e.getMessage());
        }
        if (error instanceof Conflict e) {
            return new Problem(HttpStatus.CONFLICT, e.getMessage(), List.of(), e.properties());
        }
        if (causedBy(error, DataBufferLimitException.class)) {
            return Problem.of(HttpStatus.CONTENT_TOO_LARGE, detail(HttpStatus.CONTENT_TOO_LARGE));
        }
        if (error instanceof WebExchangeBindException e) {
            return Problem.invalid(bindErrors(e));
        }
        if (error instanceof ServerWebInputException e) {
            return Problem.invalid(List.of(inputError(e)));
        }
        if (isDataIntegrityViolation(error)) {
            return Problem.of(HttpStatus.CONFLICT, "The record clashes with one that exists.");
        }
        if (error instanceof WebClientResponseException e) {
            // Another service's answer: its 404 is ours, anything else means it failed us.
            return e.getStatusCode().value() == 404
                    ? Problem.of(HttpStatus.NOT_FOUND, detail(HttpStatus.NOT_FOUND))
                    : Problem.of(HttpStatus.BAD_GATEWAY, detail(HttpStatus.BAD_GATEWAY));
        }
        if (error instanceof WebClientException) {
            return Problem.of(HttpStatus.BAD_GATEWAY, detail(HttpStatus.BAD_GATEWAY));
        }
        if (error.getClass() == ResponseStatusException.class) {
            // A 4xx thrown by the platform's own code carries a sentence meant for the caller; a 5xx may carry a
            // library's message (a relay's timeout), so it gets the fixed sentence.
            ResponseStatusException e = (ResponseStatusException) error;
            HttpStatus status = status(e.getStatusCode());
            return Problem.of(
                    status, e.getReason() == null || !status.is4xxClientError() ? detail(status) : e.getReason());
        }
        if (error instanceof ErrorResponse e) {
            HttpStatus status = status(e.getStatusCode());
            return Problem.of(status, detail(status));
        }
        if (causedBy(error, ConnectException.class)) {
            return Problem.of(HttpStatus.BAD_GATEWAY, detail(HttpStatus.BAD_GATEWAY));
        }
        if (causedBy(error, TimeoutException.class) || timedOut(error)) {
            return Problem.of(HttpStatus.GATEWAY_TIMEOUT, detail(HttpStatus.GATEWAY_TIMEOUT));
        }
        return Problem.of(HttpStatus.INTERNAL_SERVER_ERROR, detail(HttpStatus.INTERNAL_SERVER_ERROR));
    }

    /** The fixed sentence for a status, for answers whose cause must not be echoed. */
    static String detail(HttpStatus status) {
        return switch (status.value()) {
            case 400 -> "The request is not valid.";
            case 401 -> "A valid access token of realm kashgar is required.";
            case 403 -> "Your agency, level or jurisdiction does not allow this request.";
            case 404 -> "Nothing is found at this path.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "None of the media types this request accepts can be produced here.";
            case 409 -> "The request clashes with the current state.";
            case 413 -> "The request body is larger than this service accepts.";
            case 415 -> "This content type is not accepted here.";
            case 429 -> "Too many requests; try again later.";
            case 502 -> "A service behind this one is not answering.";
            case 503 -> "This service cannot answer right now; try again shortly.";
            case 504 -> "A service behind this one did not answer in time.";
            default ->
                status.is5xxServerError()
                        ? "The request could not be handled; the failure has been logged."
                        : "The request was refused.";
        };
    }

    private static List<FieldError> bindErrors(WebExchangeBindException e) {
        List<FieldError> errors = new ArrayList<>();
        for (org.springframework.validation.FieldError f : e.getFieldErrors()) {
            errors.add(new FieldError(f.getField(), reason(f)));
        }
        for (ObjectError g : e.getGlobalErrors()) {
            errors.add(new FieldError("body", reason(g)));
        }
        return errors.isEmpty() ? List.of(new FieldError("body", "is not valid")) : errors;
    }

    // Bean Validation's default messages are fixed sentences ("size must be between 0 and 200"), never input.
    private static String reason(ObjectError error) {
        return error.getDefaultMessage() == null ? "is not valid" : error.getDefaultMessage();
    }

    private static FieldError inputError(ServerWebInputException e) {
        if (e instanceof MissingRequestValueException m) {
            return new FieldError(m.getName(), "is required");
        }
        JacksonException json = find(e, JacksonException.class);
        if (json != null) {
            return jsonError(json);
        }
        String name = parameterName(e.getMethodParameter());
        if (e.getCause() instanceof TypeMismatchException) {
            return new FieldError(name, "has the wrong type or format");
        }
        if (find(e, IllegalArgumentException.class) != null && name.equals("body")) {
            return new FieldError(name, "cannot be read");
        }
        if (e.getCause() == null && e.getReason() != null && e.getReason().startsWith("No request body")) {
            return new FieldError("body", "is required");
        }
        return new FieldError(
                name, e.getCause() == null && e.getMethodParameter() != null ? "is not valid" : "cannot be read");
    }

    private static FieldError jsonError(JacksonException e) {
        String path = path(e);
        if (e instanceof StreamConstraintsException) {
            return new FieldError("body", "exceeds the limits on nesting depth, number, text or name length");
        }
        if (e instanceof UnrecognizedPropertyException) {
            return new FieldError(path, "is not a known field");
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() == String.class) {
            return new FieldError(path, UNSAFE_TEXT);
        }
        if (e instanceof InvalidNullException) {
            return new FieldError(path, "must not be null");
        }
        if (e instanceof ValueInstantiationException) {
            return new FieldError(path, "is not valid");
        }
        if (e instanceof MismatchedInputException) {
            return new FieldError(path, "has the wrong type or format");
        }
        if (e instanceof StreamReadException) {
            return new FieldError("body", "is not well-formed JSON");
        }
        return new FieldError(path, "cannot be read");
    }

    /** The dotted path of the failing value ({@code readings[2].value}), or {@code body} at the top. */
    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String parameterName(MethodParameter parameter) {
        if (parameter == null || parameter.hasParameterAnnotation(RequestBody.class)) {
            return "body";
        }
        String name = parameter.getParameterName();
        return name == null ? "body" : name;
    }

    private static HttpStatus status(HttpStatusCode code) {
        HttpStatus status = HttpStatus.resolve(code.value());
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    // By name: the platform's web module must not pull in spring-tx for gateways and portals that have no database.
    private static boolean isDataIntegrityViolation(Throwable error) {
        for (Class<?> c = error.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals("org.springframework.dao.DataIntegrityViolationException")) {
                return true;
            }
        }
        return false;
    }

    // Netty's and Reactor's timeouts share no type with the JDK's.
    private static boolean timedOut(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }

    static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        return find(error, type) != null;
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
