package cn.lantian.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The served DCAT catalogue against the DCAT-AP 3.0.1 release's SHACL shapes ({@code dcat-ap/release-3.0.1/}) and the
 * project's own ({@code dcat-ap/shapes.ttl}), with rdf-validate-shacl on Node ({@code validation/}, installed by the
 * build): no violation, no warning.
 */
class CatalogueShapesIntegrationTests extends PortalTest {

    @LocalServerPort
    int port;

    @Test
    void theCatalogueConformsToTheDcatApShapes() throws IOException, InterruptedException {
        byte[] catalog = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                // The first catalogue reads the owners' data for its periods: slow on a busy machine.
                .responseTimeout(java.time.Duration.ofMinutes(1))
                .build()
                .get()
                .uri("/api/public/v1/catalog")
                .header("X-Forwarded-Host", "open.lantian.example")
                .header("X-Forwarded-Proto", "https")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();
        Path file = Path.of("target", "catalog.jsonld").toAbsolutePath();
        Files.write(file, catalog);
        // The project's shapes and the DCAT-AP 3.0.1 release's own (SEMICeu/DCAT-AP, CC BY 4.0).
        Path shapes = Path.of("src", "test", "resources", "dcat-ap").toAbsolutePath();
        Process node = new ProcessBuilder(
                        "node",
                        "validate-dcat.mjs",
                        shapes.resolve("shapes.ttl").toString(),
                        shapes.resolve("release-3.0.1/dcat-ap-SHACL.ttl").toString(),
                        shapes.resolve("release-3.0.1/ranges.ttl").toString(),
                        file.toString())
                .directory(Path.of("validation").toFile())
                .redirectErrorStream(true)
                .start();
        String report = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(node.exitValue()).as(report).isZero();
        assertThat(report).contains("0 results, conforms: true");
    }
}
