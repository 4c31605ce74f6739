package cn.lantian.portal.pages;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.i18n.LocaleContextResolver;

/** Chinese first; {@code ?lang=en} or {@code ?lang=ug} switches the language and a cookie remembers it. */
@Configuration
class Languages {

    static final List<String> SUPPORTED = List.of("zh", "en", "ug");
    static final String COOKIE = "lang";

    static String of(ServerWebExchange exchange) {
        String asked = exchange.getRequest().getQueryParams().getFirst(COOKIE);
        if (asked != null && SUPPORTED.contains(asked)) {
            return asked;
        }
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
        return cookie != null && SUPPORTED.contains(cookie.getValue()) ? cookie.getValue() : "zh";
    }

    @Bean
    LocaleContextResolver localeContextResolver() {
        return new LocaleContextResolver() {
            @Override
            public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
                return new SimpleLocaleContext(Locale.forLanguageTag(of(exchange)));
            }

            @Override
            public void setLocaleContext(ServerWebExchange exchange, LocaleContext localeContext) {
                throw new UnsupportedOperationException("the language is chosen with ?lang=");
            }
        };
    }

    @Bean
    WebFilter languageCookie() {
        return (exchange, chain) -> {
            String asked = exchange.getRequest().getQueryParams().getFirst(COOKIE);
            if (asked != null && SUPPORTED.contains(asked)) {
                exchange.getResponse()
                        .addCookie(ResponseCookie.from(COOKIE, asked)
                                .path("/")
                                .maxAge(Duration.ofDays(365))
                                .sameSite("Lax")
                                .build());
            }
            return chain.filter(exchange);
        };
    }
}
