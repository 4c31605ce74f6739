package cn.lantian.mobile.inspection;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The fraud rules, read once at start with the configured thresholds. */
@Configuration
class InspectionConfig {

    @Bean
    FraudRules fraudRules(InspectionProperties properties) {
        return FraudRules.load(properties.thresholds());
    }

    @Bean
    FraudSignals fraudSignals(FraudRules rules) {
        return new FraudSignals(rules);
    }
}
