package cn.lantian.gateway.audit;

import cn.lantian.eventing.Outbox;
import cn.lantian.gateway.GatewayProperties;
import cn.lantian.gateway.edge.RequestCorrelation;
import cn.lantian.reference.Jurisdictions;
import cn.lantian.security.AccessAudit;
import cn.lantian.security.AuditWebFilter;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Wires the shared audit filter to the gateway's outbox, outside the security chain so that it sees refusals. */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    AccessAudit accessAudit(
            Outbox outbox,
            @Value("${lantian.gateway.audit.attempts}") int attempts,
            @Value("${lantian.gateway.audit.backoff}") Duration backoff) {
        return new OutboxAccessAudit(outbox, attempts, backoff);
    }

    @Bean
    WebFilter auditFilter(AccessAudit audit, Jurisdictions jurisdictions, GatewayProperties properties) {
        AuditWebFilter filter = new AuditWebFilter(
                audit,
                jurisdictions,
                RequestCorrelation::requestId,
                properties.jurisdictionParameter(),
                Clock.systemUTC());
        return new OrderedFilter(filter);
    }

    /** Runs the audit filter before the security chain (-100) and after the request id is set. */
    private record OrderedFilter(AuditWebFilter delegate) implements WebFilter, Ordered {

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            return delegate.filter(exchange, chain);
        }

        @Override
        public int getOrder() {
            return -200;
        }
    }
}
