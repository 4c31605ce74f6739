package cn.lantian.portal.opendata;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.function.client.WebClientException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.server.ServerWebInputException;

/** RFC 9457 problem details for the open-data API: each bad parameter named, upstream trouble as 502/404. */
@RestControllerAdvice(basePackageClasses = Problems.class)
class Problems {

    private final Licence licence;

    Problems(Licence licence) {
        this.licence = licence;
    }

    @ExceptionHandler(BadParameters.class)
    ResponseEntity<ProblemDetail> badParameters(BadParameters e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                e.violations().size() == 1 ? "One query parameter is not valid." : e.violations().size()
                        + " query parameters are not valid.");
        p.setType(URI.create("https://lantian.kashgar.cn/problems/bad-parameters"));
        p.setTitle("Bad parameters");
        p.setProperty("errors", e.violations());
        return answer(p);
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ProblemDetail> badInput(ServerWebInputException e) {
        String name = e.getMethodParameter() == null ? "request" : e.getMethodParameter().getParameterName();
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "A parameter is not valid.");
        p.setType(URI.create("https://lantian.kashgar.cn/problems/bad-parameters"));
        p.setTitle("Bad parameters");
        p.setProperty("errors", List.of(new BadParameters.Violation(name, e.getReason())));
        return answer(p);
    }

    @ExceptionHandler(WebClientResponseException.NotFound.class)
    ResponseEntity<ProblemDetail> notFound(WebClientResponseException.NotFound e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such item.");
        p.setTitle("Not found");
        return answer(p);
    }

    @ExceptionHandler({WebClientException.class, java.util.concurrent.TimeoutException.class})
    ResponseEntity<ProblemDetail> upstream(Exception e) {
        // The owner's message may carry internals: say only which kind of failure it was.
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
                "The service that owns this data did not answer; try again shortly.");
        p.setTitle("Upstream unavailable");
        return answer(p);
    }

    private ResponseEntity<ProblemDetail> answer(ProblemDetail p) {
        p.setProperty("licence", licence.field(false));
        return ResponseEntity.status(p.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
