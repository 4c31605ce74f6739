package cn.lantian.portal.opendata;

import cn.lantian.portal.aqi.Categories;
import cn.lantian.reference.Jurisdictions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The data tables the portal reads once at start-up. */
@Configuration
class OpenDataConfiguration {

    @Bean
    Licence licence() {
        return Licence.load();
    }

    @Bean
    Categories categories() {
        return Categories.load();
    }

    @Bean
    Jurisdictions jurisdictions() {
        return Jurisdictions.load();
    }
}
