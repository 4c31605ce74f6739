package cn.lantian.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers every failure that reaches the top of a service (controllers, filters, unknown paths) with a problem
 * document in place of Spring's default error body; 5xx causes go to the log, never to the caller.
 */
class ProblemErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        Problem problem = Problem.from(error);
        if (problem.status().is5xxServerError()) {
            LOG.error(
                    "{} {} failed",
                    exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(),
                    error);
        }
        HttpHeaders headers = exchange.getResponse().getHeaders();
        // Whatever a handler had set describes another body.
        headers.remove(HttpHeaders.CONTENT_LENGTH);
        headers.remove(HttpHeaders.TRANSFER_ENCODING);
        headers.remove(HttpHeaders.CONTENT_DISPOSITION);
        if (error instanceof MethodNotAllowedException e) {
            headers.setAllow(e.getSupportedMethods());
        }
        return Problems.write(exchange, problem);
    }
}
