package cn.lantian.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.server.PathContainer;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a path or query parameter that decodes to a NUL character or an unpaired surrogate (400): no database or
 * index stores them, and they reach one as a 500 otherwise.
 */
class UnsafeTextFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        List<FieldError> errors = new ArrayList<>();
        for (PathContainer.Element element :
                exchange.getRequest().getPath().pathWithinApplication().elements()) {
            if (element instanceof PathContainer.PathSegment segment && UnsafeText.in(segment.valueToMatch())) {
                errors.add(new FieldError("path", ErrorMapping.UNSAFE_TEXT));
                break;
            }
        }
        for (Map.Entry<String, List<String>> parameter :
                exchange.getRequest().getQueryParams().entrySet()) {
            if (UnsafeText.in(parameter.getKey())
                    || parameter.getValue().stream().anyMatch(UnsafeText::in)) {
                errors.add(new FieldError(
                        UnsafeText.in(parameter.getKey()) ? "query" : parameter.getKey(), ErrorMapping.UNSAFE_TEXT));
            }
        }
        return errors.isEmpty() ? chain.filter(exchange) : Problems.invalid(exchange, errors);
    }
}
