package cn.lantian.portal.upstream;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.web.reactive.function.client.WebClient;

/** A fresh WebClient builder for each client (builders are mutable). */
@Configuration
class UpstreamConfiguration {

    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    WebClient.Builder webClientBuilder() {
        return WebClient.builder();
    }
}
