package cn.lantian.dust;

import cn.lantian.dust.rules.DustRules;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.DeserializationFeature;

/** Beans the features share. */
@Configuration
class Config {

    /** The time source; tests replace it. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The rule table, read once and checked at start. */
    @Bean
    DustRules dustRules() {
        return DustRules.load();
    }

    /**
     * What this service refuses beyond the platform's strict JSON (which already refuses coercion): unknown fields,
     * trailing tokens and null for a primitive, so that nothing a client did not mean is stored.
     */
    @Bean
    JsonMapperBuilderCustomizer refuseUnknownFields() {
        return builder -> builder.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
