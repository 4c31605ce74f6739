package cn.lantian.straw;

import cn.lantian.straw.rules.DutyRoster;
import cn.lantian.straw.rules.StrawRules;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
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

    /**
     * The rule tables, loaded once at start (a malformed table stops the start), with the merge bounds a deployment
     * may configure in place of the shipped ones.
     */
    @Bean
    StrawRules strawRules(
            @Value("${lantian.straw.merge-distance-km:#{null}}") Double distanceKm,
            @Value("${lantian.straw.merge-window-hours:#{null}}") Double windowHours) {
        return StrawRules.load().withMergeBounds(distanceKm, windowHours);
    }

    /**
     * The counties' duty rosters: the shipped one, or the file {@code lantian.straw.duty-roster} names (a county's own
     * roster replaces the shipped rows without a new release).
     */
    @Bean
    DutyRoster dutyRoster(@Value("${lantian.straw.duty-roster:}") String file) throws java.io.IOException {
        if (file.isBlank()) {
            return DutyRoster.shipped();
        }
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(java.nio.file.Path.of(file))) {
            return DutyRoster.read(in, file);
        }
    }
}
