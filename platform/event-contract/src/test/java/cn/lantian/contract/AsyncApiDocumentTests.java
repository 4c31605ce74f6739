package cn.lantian.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class AsyncApiDocumentTests {

    static final Path DIR = Path.of("src/main/resources/contract");

    @SuppressWarnings("unchecked")
    static Map<String, Object> document() throws IOException {
        try (Reader in = Files.newBufferedReader(DIR.resolve("asyncapi.yaml"))) {
            return new Yaml().load(in);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void describesEveryEventTypeOnItsExchangeAndRoutingKey() throws IOException {
        Map<String, Object> doc = document();
        assertThat(doc.get("asyncapi")).isEqualTo("3.0.0");
        Map<String, Map<String, Object>> channels = (Map<String, Map<String, Object>>) doc.get("channels");
        for (EventType type : EventContract.load().types()) {
            assertThat(channels.values()).as(type.type()).anySatisfy(channel -> {
                assertThat(channel.get("address")).isEqualTo(type.routingKey());
                Map<String, Object> amqp =
                        (Map<String, Object>) ((Map<String, Object>) channel.get("bindings")).get("amqp");
                Map<String, Object> exchange = (Map<String, Object>) amqp.get("exchange");
                assertThat(exchange.get("name")).isEqualTo(type.exchange());
                assertThat(exchange.get("type")).isEqualTo("topic");
                assertThat(exchange.get("durable")).isEqualTo(true);
            });
        }
    }

    @Test
    void namesTheDeadLetterExchange() throws IOException {
        assertThat(Files.readString(DIR.resolve("asyncapi.yaml")))
                .contains("name: " + EventContract.DEAD_LETTER_EXCHANGE);
    }

    @Test
    void everyFileReferenceResolves() throws IOException {
        List<String> refs = new ArrayList<>();
        collectRefs(document(), refs);
        List<String> files = refs.stream().filter(r -> r.startsWith("./")).toList();
        assertThat(files).isNotEmpty();
        assertThat(files)
                .allSatisfy(r -> assertThat(DIR.resolve(r.substring(2))).isRegularFile());
    }

    @SuppressWarnings("unchecked")
    private static void collectRefs(Object node, List<String> into) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if ("$ref".equals(k) && v instanceof String s) {
                    into.add(s);
                } else {
                    collectRefs(v, into);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectRefs(item, into));
        }
    }
}
