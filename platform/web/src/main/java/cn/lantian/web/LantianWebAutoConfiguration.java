package cn.lantian.web;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;
import org.springframework.context.annotation.Scope;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.server.WebFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every WebFlux application of the platform gets by depending on this module: one problem-details shape for
 * every error, capped request bodies, strict JSON and refusal of text no store can keep.
 */
@AutoConfiguration(before = {ErrorWebFluxAutoConfiguration.class, JacksonAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(WebLimitsProperties.class)
@PropertySource("classpath:lantian-web-limits.properties")
public class LantianWebAutoConfiguration {

    /** Before Boot's own handler ({@code -1}), so Spring's default error body is never written. */
    @Bean
    @Order(-2)
    @ConditionalOnMissingBean(name = "problemErrorHandler")
    ErrorWebExceptionHandler problemErrorHandler() {
        return new ProblemErrorHandler();
    }

    /** Boot's builder, on a parser with the platform's limits, so that Boot's and services' customizers still apply. */
    @Bean
    @Scope("prototype")
    @ConditionalOnMissingBean
    JsonMapper.Builder jsonMapperBuilder(
            WebLimitsProperties limits, ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
        JsonMapper.Builder builder = StrictJson.builder(limits.json());
        List<JsonMapperBuilderCustomizer> ordered = customizers.orderedStream().toList();
        ordered.forEach(c -> c.customize(builder));
        return builder;
    }

    /**
     * The server's decoders: request JSON read strictly ({@link StrictJson#forRequests}), and every decoder may hold the
     * largest body a path of the service accepts, derived from the caps so that the two never disagree. After Boot's
     * configurer ({@code spring.http.codecs.*}), so that this is what the server uses.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebFluxConfigurer strictRequestCodecs(JsonMapper application, WebLimitsProperties limits) {
        JsonMapper requests = StrictJson.forRequests(application, limits.json());
        int largest = (int) Math.min(Integer.MAX_VALUE, limits.largestBody().toBytes());
        return new WebFluxConfigurer() {
            @Override
            public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
                configurer.defaultCodecs().maxInMemorySize(largest);
                configurer.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(requests));
            }
        };
    }

    /** The same strict reading for inbound JSON that no request decoder reads (AMQP messages, split bodies). */
    @Bean
    @ConditionalOnMissingBean
    InboundJson inboundJson(JsonMapper application, WebLimitsProperties limits) {
        return new InboundJson(StrictJson.forRequests(application, limits.json()));
    }

    /** Real titles and versions in the services' OpenAPI documents, where a service uses springdoc. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @org.springframework.boot.autoconfigure.condition.ConditionalOnClass(
            name = "org.springdoc.core.customizers.OpenApiCustomizer")
    static class ApiDocuments {

        @Bean
        ApiDocumentInfo apiDocumentInfo(
                @org.springframework.beans.factory.annotation.Value("${spring.application.name:service}") String name,
                @org.springframework.beans.factory.annotation.Value("${lantian.web.api-version:1.0.0}")
                        String version) {
            return new ApiDocumentInfo(name, version);
        }
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    WebFilter requestBodyLimit(WebLimitsProperties limits) {
        return new RequestBodyLimit(limits);
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 11)
    WebFilter unsafeTextFilter() {
        return new UnsafeTextFilter();
    }
}
