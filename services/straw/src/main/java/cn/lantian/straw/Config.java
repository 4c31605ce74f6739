package cn.lantian.straw;

import cn.lantian.straw.rules.StrawRules;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans the features share. */
@Configuration
class Config {

    /** The time source; tests may replace it. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The rule tables, loaded once at start (a malformed table stops the start). */
    @Bean
    StrawRules strawRules() {
        return StrawRules.load();
    }
}
