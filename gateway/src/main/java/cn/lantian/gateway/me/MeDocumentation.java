package cn.lantian.gateway.me;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gateway's own OpenAPI description (its only API is who-am-I); the services' documents are listed beside it. */
@Configuration(proxyBeanMethods = false)
class MeDocumentation {

    @Bean
    OpenAPI gatewayApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Lantian gateway")
                        .version("v1")
                        .description("GET /api/me: the caller as the platform sees them. Every service's API is "
                                + "listed in the selector above, reached through this gateway with a Keycloak token "
                                + "of realm kashgar."))
                .components(new Components()
                        .addSecuritySchemes(
                                "keycloak",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("keycloak"));
    }
}
