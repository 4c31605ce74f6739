package cn.lantian.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.junit.jupiter.api.Test;

class ApiDocumentInfoTests {

    @Test
    void springdocsPlaceholdersBecomeTheServicesNameAndTheApisVersion() {
        OpenAPI api = new OpenAPI().info(new Info().title("OpenAPI definition").version("v0"));
        new ApiDocumentInfo("dust", "1.0.0").customise(api);
        assertThat(api.getInfo().getTitle()).isEqualTo("Lantian dust API");
        assertThat(api.getInfo().getVersion()).isEqualTo("1.0.0");
        assertThat(api.getInfo().getDescription()).contains("dust", "problem details");
    }

    @Test
    void aDocumentThatNamesItselfKeepsItsNameAndVersion() {
        OpenAPI api = new OpenAPI().info(new Info().title("Lantian open data").version("1.2.0"));
        new ApiDocumentInfo("portal", "1.0.0").customise(api);
        assertThat(api.getInfo().getTitle()).isEqualTo("Lantian open data");
        assertThat(api.getInfo().getVersion()).isEqualTo("1.2.0");
    }
}
