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
    Parameters parameters() {
        return Parameters.load();
    }

    /** Names the API, its version and its licence in the OpenAPI document (springdoc fills in the paths). */
    @Bean
    io.swagger.v3.oas.models.OpenAPI openApi(Licence licence) {
        return new io.swagger.v3.oas.models.OpenAPI()
                .info(new io.swagger.v3.oas.models.info.Info()
                        .title("Lantian open data")
                        .version("v1")
                        .description(
                                "Kashgar Prefecture's air quality and what is done about it. " + licence.attribution())
                        .contact(new io.swagger.v3.oas.models.info.Contact()
                                .name("Lantian open data")
                                .url("https://lantian.kashgar.cn/open-data"))
                        // OpenAPI 3.1: a licence names either its SPDX identifier or its URL, not both.
                        .license(new io.swagger.v3.oas.models.info.License()
                                .name(licence.name())
                                .identifier(licence.id())));
    }

    /** The OpenAPI document's server is the address visitors use, as for every address the portal publishes. */
    @Bean
    org.springdoc.core.customizers.ServerBaseUrlCustomizer publicServer(cn.lantian.portal.PortalProperties properties) {
        String configured = properties.publicBaseUrl();
        return (url, request) -> configured == null || configured.isBlank() ? url : configured.replaceAll("/+$", "");
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
