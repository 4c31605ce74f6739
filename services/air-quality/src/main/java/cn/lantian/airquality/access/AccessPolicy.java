package cn.lantian.airquality.access;

import cn.lantian.reference.Jurisdictions;
import cn.lantian.reference.Placement;
import cn.lantian.security.Caller;
import cn.lantian.security.LantianResourceServer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * The access policy of the air-quality service. Public: the {@code /api/public/v1} reads, health and the API document.
 * Writes (observations, stations, forecasts) need a token of the ecology agency or of the prefecture; an ecology
 * caller writes only for stations inside their own jurisdiction, the prefecture anywhere. Every other API call needs a
 * valid token.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class AccessPolicy {

    /** The realm role of the agency that owns station data. */
    public static final String ECOLOGY = "ecology";

    private final Jurisdictions jurisdictions;

    public AccessPolicy(Jurisdictions jurisdictions) {
        this.jurisdictions = jurisdictions;
    }

    @Bean
    SecurityWebFilterChain airQualitySecurity(ServerHttpSecurity http, LantianResourceServer resourceServer) {
        return resourceServer.apply(http)
                .authorizeExchange(rules -> rules
                        .pathMatchers(HttpMethod.GET, "/api/public/v1/**").permitAll()
                        .pathMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
                        .pathMatchers(HttpMethod.GET, "/v3/api-docs/**", "/v3/api-docs").permitAll()
                        .pathMatchers(HttpMethod.GET, "/api/air-quality/v1/**").authenticated()
                        .pathMatchers("/api/air-quality/v1/**").hasAnyRole(ECOLOGY, "prefecture")
                        .anyExchange().denyAll())
                .build();
    }

    /** Whether the caller may write data placed there: the prefecture anywhere, the ecology agency in its jurisdiction. */
    public boolean mayWrite(Caller caller, Placement placement) {
        if (caller.prefecture()) {
            return true;
        }
        return caller.isOf(ECOLOGY) && caller.governs(jurisdictions, placement);
    }

    /** Whether the caller may write prefecture-wide data such as forecasts for any county. */
    public boolean mayWriteAnywhere(Caller caller) {
        return caller.prefecture();
    }
}
