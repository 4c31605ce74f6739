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

    @Test
    void everyOperationAndEveryTagItUsesIsDescribed() {
        OpenAPI api = new OpenAPI()
                .info(new Info().title("OpenAPI definition").version("v0"))
                .paths(new io.swagger.v3.oas.models.Paths()
                        .addPathItem(
                                "/api/dust/v1/sites",
                                new io.swagger.v3.oas.models.PathItem()
                                        .get(new io.swagger.v3.oas.models.Operation()
                                                .summary("Sites the caller sees")
                                                .addTagsItem("site-controller"))
                                        .post(new io.swagger.v3.oas.models.Operation()
                                                .addTagsItem("site-controller"))));
        new ApiDocumentInfo("dust", "1.0.0").customise(api);
        var item = api.getPaths().get("/api/dust/v1/sites");
        assertThat(item.getGet().getDescription()).isEqualTo("Sites the caller sees.");
        assertThat(item.getPost().getDescription()).isEqualTo("Answers POST /api/dust/v1/sites.");
        assertThat(api.getTags()).singleElement().satisfies(t -> {
            assertThat(t.getName()).isEqualTo("site-controller");
            assertThat(t.getDescription()).isNotBlank();
        });
        assertThat(api.getInfo().getContact().getName()).isNotBlank();
    }
}
