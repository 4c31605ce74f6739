package cn.lantian.straw.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

/**
 * The service's one problem-details shape (RFC 9457): {@code type about:blank}, the status's title, one sentence of
 * detail, the request path as {@code instance} and, for bad input only, {@code errors[{field, reason}]}. No answer
 * names a Java type or repeats a parser's message.
 */
@RestControllerAdvice
class Problems {

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidInput e, ServerWebExchange exchange) {
        return badRequest(e.errors(), exchange);
    }

    @ExceptionHandler(WebExchangeBindException.class)
    ResponseEntity<Map<String, Object>> bind(WebExchangeBindException e, ServerWebExchange exchange) {
        return badRequest(e.getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), String.valueOf(f.getDefaultMessage()))).toList(), exchange);
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<Map<String, Object>> unreadable(ServerWebInputException e, ServerWebExchange exchange) {
        // A missing or malformed parameter names the parameter; an unreadable body says so without the parser's text.
        if (e.getMethodParameter() != null && e.getMethodParameter().getParameterName() != null
                && !e.getMethodParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.RequestBody.class)) {
            return badRequest(List.of(new FieldError(e.getMethodParameter().getParameterName(),
                    "missing or not of the expected type")), exchange);
        }
        return badRequest(List.of(new FieldError("body", "not a readable document of the expected shape and types")),
                exchange);
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<Map<String, Object>> notFound(NotFound e, ServerWebExchange exchange) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage() + ".", exchange);
    }

    @ExceptionHandler(Forbidden.class)
    ResponseEntity<Map<String, Object>> forbidden(Forbidden e, ServerWebExchange exchange) {
        return problem(HttpStatus.FORBIDDEN, e.getMessage() + ".", exchange);
    }

    @ExceptionHandler(Conflict.class)
    ResponseEntity<Map<String, Object>> conflict(Conflict e, ServerWebExchange exchange) {
        return problem(HttpStatus.CONFLICT, e.getMessage() + ".", exchange);
    }

    /** 413 (body over the size limit), 415 (content type not accepted), 405, 406 and the like: status and title only. */
    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Map<String, Object>> status(ResponseStatusException e, ServerWebExchange exchange) {
        HttpStatusCode code = e.getStatusCode();
        String detail = switch (code.value()) {
            case 413 -> "The request body is larger than this service accepts.";
            case 415 -> "The request body's content type is not accepted here.";
            case 404 -> "No such resource.";
            case 405 -> "The method is not allowed here.";
            case 406 -> "No acceptable representation.";
            default -> "The request cannot be served.";
        };
        return problem(code, detail, exchange);
    }

    private static ResponseEntity<Map<String, Object>> badRequest(List<FieldError> errors, ServerWebExchange exchange) {
        ResponseEntity<Map<String, Object>> answer = problem(HttpStatus.BAD_REQUEST,
                errors.size() == 1 ? "The request has an invalid field." : "The request has " + errors.size() + " invalid fields.",
                exchange);
        answer.getBody().put("errors", errors);
        return answer;
    }

    private static ResponseEntity<Map<String, Object>> problem(HttpStatusCode status, String detail, ServerWebExchange exchange) {
        // Built as a map rather than a ProblemDetail so that every member of the platform's shape is always written.
        HttpStatus known = HttpStatus.resolve(status.value());
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", known == null ? "Error" : known.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", exchange.getRequest().getPath().value());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
