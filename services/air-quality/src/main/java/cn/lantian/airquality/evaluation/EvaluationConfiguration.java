package cn.lantian.airquality.evaluation;

import cn.lantian.airquality.aqi.AqiStandards;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The evaluation's rule data and calculators as beans. */
@Configuration(proxyBeanMethods = false)
class EvaluationConfiguration {

    @Bean
    EvaluationRules evaluationRules() {
        return EvaluationRules.load();
    }

    @Bean
    DailyValues dailyValues(AqiStandards standards, EvaluationRules rules) {
        return new DailyValues(standards, rules);
    }

    @Bean
    Targets targets() {
        return Targets.load();
    }
}
