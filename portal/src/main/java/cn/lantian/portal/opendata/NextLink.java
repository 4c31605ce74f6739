package cn.lantian.portal.opendata;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

/** Says that a page was cut by its limit, in every format: {@code Link: <next page>; rel="next"} (RFC 8288). */
final class NextLink {

    private NextLink() {}

    /** Adds the header beside the licence's link; nothing on the last page. */
    static void add(ServerWebExchange exchange, String next) {
        if (next == null) {
            return;
        }
        String uri = UriComponentsBuilder.fromUri(exchange.getRequest().getURI())
                .replaceQueryParam("cursor", next)
                .build(true)
                .toUriString();
        exchange.getResponse().getHeaders().add("Link", "<" + uri + ">; rel=\"next\"");
    }
}
