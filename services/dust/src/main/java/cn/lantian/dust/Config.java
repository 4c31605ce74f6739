package cn.lantian.dust;

import cn.lantian.dust.rules.DustRules;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
}
