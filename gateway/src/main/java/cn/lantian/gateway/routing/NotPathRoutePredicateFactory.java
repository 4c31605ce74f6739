package cn.lantian.gateway.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.cloud.gateway.handler.predicate.AbstractRoutePredicateFactory;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * {@code NotPath=/api/**,/v3/**}: matches paths that none of the patterns match, so that the portal's catch-all route
 * leaves unknown API paths to a 404 instead of sending them to the portal.
 */
@Component
class NotPathRoutePredicateFactory extends AbstractRoutePredicateFactory<NotPathRoutePredicateFactory.Config> {

    NotPathRoutePredicateFactory() {
        super(Config.class);
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of("patterns");
    }

    @Override
    public ShortcutType shortcutType() {
        return ShortcutType.GATHER_LIST;
    }

    @Override
    public Predicate<ServerWebExchange> apply(Config config) {
        List<PathPattern> patterns = config.getPatterns().stream()
                .map(PathPatternParser.defaultInstance::parse)
                .toList();
        return exchange -> {
            PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
            return patterns.stream().noneMatch(pattern -> pattern.matches(path));
        };
    }

    /** The patterns a path must not match. */
    static class Config {

        private List<String> patterns = new ArrayList<>();

        List<String> getPatterns() {
            return patterns;
        }

        void setPatterns(List<String> patterns) {
            this.patterns = patterns;
        }
    }
}
