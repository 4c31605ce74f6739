package cn.lantian.bench.gateway;

import cn.lantian.security.AccessPolicy;
import cn.lantian.security.Callers;
import cn.lantian.security.LantianResourceServer;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Stands for a Lantian service in the gateway benchmark: a WebFlux resource server with the shared security module,
 * answering an authenticated GET with a small JSON document, so that both paths validate the same real token.
 */
@SpringBootApplication
@EnableWebFluxSecurity
@RestController
public class BenchService {

    public static void main(String[] args) {
        SpringApplication.run(BenchService.class, args);
    }

    @Bean
    SecurityWebFilterChain chain(ServerHttpSecurity http, LantianResourceServer resourceServer) {
        return resourceServer
                .apply(http)
                .authorizeExchange(AccessPolicy.create().read("/api/stationary/v1/**"))
                .build();
    }

    /** A small answer naming the caller, as a list endpoint's first page would. */
    @GetMapping("/api/stationary/v1/bench")
    Mono<Map<String, Object>> bench() {
        return Callers.current()
                .map(caller -> Map.of(
                        "caller",
                        caller.username(),
                        "jurisdiction",
                        caller.jurisdiction(),
                        "items",
                        java.util.List.of()));
    }
}
