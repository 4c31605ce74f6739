package cn.lantian.portal.pages;

import cn.lantian.portal.opendata.Licence;
import cn.lantian.web.Problem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A visitor's error page: in their language (zh, en, ug as the pages choose it) with the site's navigation, in place of
 * Spring's English default page. The JSON API ({@code /api/**}) and clients that do not ask for HTML get the
 * platform's problem document from the next handler instead.
 */
@Component
@Order(-3) // before the platform's problem handler (-2), which answers what this one passes on
class ErrorPages implements ErrorWebExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);

    private final Licence licence;
    private final List<HttpMessageWriter<?>> writers;
    private final List<ViewResolver> viewResolvers;

    ErrorPages(Licence licence, ServerCodecConfigurer codecs, ObjectProvider<ViewResolver> viewResolvers) {
        this.licence = licence;
        this.writers = codecs.getWriters();
        this.viewResolvers = viewResolvers.orderedStream().toList();
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted() || !wantsPage(exchange)) {
            return Mono.error(error);
        }
        HttpStatus status = Problem.from(error).status();
        if (status.is5xxServerError()) {
            LOG.error("page {} failed", exchange.getRequest().getPath().value(), error);
        }
        String lang = Languages.of(exchange);
        Map<String, Object> model = new HashMap<>();
        model.put("lang", lang);
        model.put("dir", "ug".equals(lang) ? "rtl" : "ltr");
        model.put("page", "error");
        model.put("path", exchange.getRequest().getPath().value());
        model.put("licence", licence);
        model.put("status", status.value());
        model.put("kind", status == HttpStatus.NOT_FOUND ? "404" : status.is4xxClientError() ? "4xx" : "5xx");
        return ServerResponse.status(status)
                .contentType(MediaType.TEXT_HTML)
                .render("error", model)
                .flatMap(response -> response.writeTo(exchange, new ServerResponse.Context() {
                    @Override
                    public List<HttpMessageWriter<?>> messageWriters() {
                        return writers;
                    }

                    @Override
                    public List<ViewResolver> viewResolvers() {
                        return viewResolvers;
                    }
                }));
    }

    /** A page for the site's own paths when the client takes HTML; the APIs and documents answer in JSON. */
    private static boolean wantsPage(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().value();
        if (path.startsWith("/api/") || path.startsWith("/v3/") || path.startsWith("/actuator")) {
            return false;
        }
        List<MediaType> accepted = exchange.getRequest().getHeaders().getAccept();
        return accepted.stream().anyMatch(t -> t.isCompatibleWith(MediaType.TEXT_HTML) && !t.isWildcardType());
    }
}
