package cn.lantian.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Gives a service's OpenAPI document a real title and version in place of springdoc's placeholders ("OpenAPI
 * definition", "v0"), a description and contact, a description for each operation and each tag it uses; what a
 * document states itself it keeps.
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
        if (info.getContact() == null) {
            info.setContact(new io.swagger.v3.oas.models.info.Contact().name("Lantian platform team"));
        }
        api.setInfo(info);
        describeOperations(api);
    }

    /**
     * Every operation gets a description (its summary, else what it answers) and every tag an operation uses is
     * declared with a description, as Spectral's {@code spectral:oas} rules ask.
     */
    private static void describeOperations(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        java.util.Set<String> used = new java.util.TreeSet<>();
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    if (operation.getDescription() == null
                            || operation.getDescription().isBlank()) {
                        operation.setDescription(
                                operation.getSummary() != null
                                                && !operation.getSummary().isBlank()
                                        ? operation.getSummary() + "."
                                        : "Answers " + method + " " + path + ".");
                    }
                    if (operation.getTags() != null) {
                        used.addAll(operation.getTags());
                    }
                }));
        java.util.Set<String> declared = new java.util.TreeSet<>();
        if (api.getTags() != null) {
            api.getTags().forEach(t -> declared.add(t.getName()));
        }
        for (String tag : used) {
            if (!declared.contains(tag)) {
                api.addTagsItem(new io.swagger.v3.oas.models.tags.Tag()
                        .name(tag)
                        .description("The operations of " + tag.replace('-', ' ') + "."));
            }
        }
    }
}
