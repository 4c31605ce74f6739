package cn.lantian.indexer.search;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 answers: 400 naming each bad parameter, 503 when Elasticsearch cannot answer. */
@RestControllerAdvice(assignableTypes = SearchController.class)
class SearchProblems {

    private static final Logger log = LoggerFactory.getLogger(SearchProblems.class);

    @ExceptionHandler(InvalidParametersException.class)
    ProblemDetail invalid(InvalidParametersException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Invalid search parameters: " + String.join(", ",
                        e.parameters().stream().map(InvalidParametersException.InvalidParameter::name).distinct().toList()));
        problem.setTitle("Invalid search parameters");
        List<Map<String, String>> params = e.parameters().stream()
                .map(p -> Map.of("name", p.name(), "reason", p.reason())).toList();
        problem.setProperty("invalid-params", params);
        return problem;
    }

    @ExceptionHandler({ElasticsearchException.class, TransportException.class, CompletionException.class})
    ProblemDetail unavailable(Exception e) {
        log.warn("search failed: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The search index cannot answer right now; try again shortly.");
        problem.setTitle("Search unavailable");
        return problem;
    }
}
