package cn.lantian.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The decoders hold whatever the body caps allow, with no second setting to keep in step: a JSON body above the
 * codecs' own default (256 KB) but within its path's cap is read, and one above the cap is 413.
 */
@SpringBootTest(
        classes = LargestBodyTests.App.class,
        properties = {
            "lantian.web.max-body=64KB",
            "lantian.web.larger-bodies[0].path=/anything",
            "lantian.web.larger-bodies[0].max=1MB",
            "lantian.web.json.accept-unknown-fields=true"
        })
class LargestBodyTests {

    @SpringBootApplication
    @Import(WebAnswersTests.Things.class)
    static class App {}

    @Autowired
    ApplicationContext context;

    WebTestClient client;

    @BeforeEach
    void client() {
        client = WebTestClient.bindToApplicationContext(context).build();
    }

    @Test
    void readsABodyUpToItsPathsCap() {
        String body = "{\"name\":\"" + "x".repeat(600 * 1024) + "\"}";
        client.post()
                .uri("/anything")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk();
        client.post()
                .uri("/visits")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isEqualTo(413);
    }

    @Test
    void acceptsUnknownFieldsWhereTheServiceSaysSo() {
        byte[] answer = client.post()
                .uri("/visits")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"reason\":\"dust\",\"newerField\":1}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBodyContent();
        assertThat(new String(answer)).contains("\"reason\":\"dust\"");
    }
}
