package cn.lantian.portal.opendata;

import cn.lantian.portal.PortalProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The address visitors reach the portal at, for every address the portal publishes (catalogue IRIs, OpenAPI servers,
 * the open-data page's examples): the configured public base URL, else the address of the request as the gateway
 * forwarded it ({@code X-Forwarded-*} and {@code Forwarded} are applied to the request by the framework).
 */
@Component
public class PublicAddress {

    private final String configured;

    PublicAddress(PortalProperties properties) {
        String url = properties.publicBaseUrl();
        this.configured = url == null || url.isBlank() ? null : url.replaceAll("/+$", "");
    }

    /** Scheme, host and port (and path prefix when configured), without a trailing slash. */
    public String base(ServerWebExchange exchange) {
        if (configured != null) {
            return configured;
        }
        return UriComponentsBuilder.fromUri(exchange.getRequest().getURI())
                .replacePath("")
                .replaceQuery(null)
                .fragment(null)
                .build()
                .toUriString();
    }
}
