package cn.lantian.straw.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.DeserializationFeature;

/**
 * What this service refuses beyond the platform's strict JSON (which already refuses coercion): unknown fields,
 * trailing tokens and a missing primitive taken as zero.
 */
@Configuration
class StrictFields {

    @Bean
    JsonMapperBuilderCustomizer refuseUnknownFields() {
        return builder -> builder.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }
}
