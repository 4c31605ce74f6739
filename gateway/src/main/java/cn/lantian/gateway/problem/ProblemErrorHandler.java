package cn.lantian.gateway.problem;

import cn.lantian.gateway.edge.RequestCorrelation;
import cn.lantian.web.Problems;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Turns every exception that reaches the top into problem details: the status it carries, a plain sentence, never a
 * stack trace or an exception message from inside (those go to the log, under the request id).
 */
@Component
@Order(-2) // before Boot's default handler
class ProblemErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        HttpStatusCode status = statusOf(error);
        if (status.is5xxServerError()) {
            LOG.error("request {} {} failed (id {})", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(), RequestCorrelation.requestId(exchange), error);
        }
        // Whatever a failed relay had copied from the service describes another body.
        exchange.getResponse().getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
        exchange.getResponse().getHeaders().remove(HttpHeaders.TRANSFER_ENCODING);
        return Problems.write(exchange, HttpStatus.valueOf(status.value()), detailOf(status));
    }

    private static HttpStatusCode statusOf(Throwable error) {
        if (error instanceof ResponseStatusException e) {
            return e.getStatusCode();
        }
        if (error instanceof DataBufferLimitException) {
            return HttpStatus.CONTENT_TOO_LARGE;
        }
        if (causedBy(error, ConnectException.class)) {
            return HttpStatus.BAD_GATEWAY;
        }
        if (causedBy(error, TimeoutException.class) || error.getClass().getSimpleName().contains("Timeout")) {
            return HttpStatus.GATEWAY_TIMEOUT;
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String detailOf(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "The request is not valid.";
            case 404 -> "Nothing is routed at this path.";
            case 405 -> "This method is not allowed here.";
            case 413 -> "The body is larger than this gateway accepts.";
            case 415 -> "This content type is not accepted here.";
            case 502 -> "The service behind this path is not answering.";
            case 503 -> "The service behind this path is unavailable.";
            case 504 -> "The service behind this path did not answer in time.";
            default -> status.is5xxServerError()
                    ? "The gateway could not handle this request; quote the X-Request-Id header when reporting it."
                    : "The request was refused.";
        };
    }
}
