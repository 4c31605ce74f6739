package cn.lantian.airquality.evaluation;

import cn.lantian.airquality.aqi.AqiStandards;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The evaluation's rule data and calculators as beans. */
@Configuration(proxyBeanMethods = false)
class EvaluationConfiguration {

    @Bean
    EvaluationRuleSets evaluationRuleSets() {
        return EvaluationRuleSets.load();
    }

    /** Daily values under the first version; the year's evaluation switches to the version that assesses it. */
    @Bean
    DailyValues dailyValues(AqiStandards standards, EvaluationRuleSets rules) {
        return new DailyValues(standards, rules.all().get(0));
    }

    @Bean
    UnitAqi unitAqi(AqiStandards standards) {
        return new UnitAqi(standards);
    }

    @Bean
    Targets targets() {
        return Targets.load();
    }
}
