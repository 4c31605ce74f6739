package cn.lantian.portal.opendata;

import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Names the licence and the attribution on every answer, pages and data alike. */
@Component
class LicenceHeaders implements WebFilter {

    private final Licence licence;

    LicenceHeaders(Licence licence) {
        this.licence = licence;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var headers = exchange.getResponse().getHeaders();
        headers.add("Link", licence.linkHeader());
        // Header values must be ISO-8859-1: the English part of the attribution.
        headers.add(
                "X-Attribution",
                "Lantian open data, Kashgar Prefecture; maps: OpenStreetMap contributors (" + licence.mapId() + ")");
        return chain.filter(exchange);
    }
}
