package cn.lantian.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Gives a service's OpenAPI document a real title and version in place of springdoc's placeholders ("OpenAPI
 * definition", "v0"); a document that names its own keeps them.
 *
 * @param service the application's name, as the title's subject
 * @param version the API's version: its paths are {@code /v1}, so 1.x until a change that breaks clients makes
 *     {@code /v2} and 2.0.0
 */
record ApiDocumentInfo(String service, String version) implements OpenApiCustomizer {

    /** springdoc's placeholder title and version. */
    static final String DEFAULT_TITLE = "OpenAPI definition";

    static final String DEFAULT_VERSION = "v0";

    @Override
    public void customise(OpenAPI api) {
        Info info = api.getInfo() == null ? new Info() : api.getInfo();
        if (info.getTitle() == null || DEFAULT_TITLE.equals(info.getTitle())) {
            info.setTitle("Lantian " + service + " API");
        }
        if (info.getVersion() == null || DEFAULT_VERSION.equals(info.getVersion())) {
            info.setVersion(version);
        }
        if (info.getDescription() == null) {
            info.setDescription("The " + service + " service of Lantian, Kashgar Prefecture's air-pollution "
                    + "action plan platform. Errors are RFC 9457 problem details.");
        }
        api.setInfo(info);
    }
}
