package cn.lantian.airquality.aqi;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The AQI standards, read once from their data files. */
@Configuration(proxyBeanMethods = false)
class AqiConfiguration {

    @Bean
    AqiStandards aqiStandards() {
        return AqiStandards.load();
    }
}
