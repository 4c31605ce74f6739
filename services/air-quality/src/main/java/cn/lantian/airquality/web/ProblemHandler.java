package cn.lantian.airquality.web;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

/**
 * Turns {@link InvalidInput}, and a body that cannot be read at all (malformed JSON), into a 400 problem document with
 * an {@code errors} member naming each bad field.
 */
@RestControllerAdvice
class ProblemHandler {

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ProblemDetail> unreadable(ServerWebInputException e, ServerWebExchange exchange) {
        String field = e.getMethodParameter() == null ? "body" : String.valueOf(e.getMethodParameter().getParameterName());
        Throwable root = e.getMostSpecificCause();
        String reason = root == null || root.getMessage() == null ? String.valueOf(e.getReason())
                : root.getMessage().lines().findFirst().orElse("unreadable");
        return invalid(InvalidInput.of(field, reason), exchange);
    }

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInput e, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid input");
        problem.setType(URI.create("https://lantian.kashgar.cn/problems/invalid-input"));
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        List<InvalidInput.Violation> errors = e.violations();
        problem.setProperty("errors", errors);
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(problem);
    }
}
