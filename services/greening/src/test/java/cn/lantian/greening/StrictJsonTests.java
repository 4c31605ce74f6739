package cn.lantian.greening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class StrictJsonTests {

    record Sample(String name, Double value, Integer year, Boolean flag) {}

    private final JsonMapper json = strict();

    private static JsonMapper strict() {
        JsonMapper.Builder builder = JsonMapper.builder();
        new Config().refuseUnknownFields().customize(builder);
        return builder.build();
    }

    @Test
    void acceptsAWellFormedSample() {
        assertThat(json.readValue("{\"name\":\"a\",\"value\":150.5,\"year\":2026,\"flag\":true}", Sample.class))
                .isEqualTo(new Sample("a", 150.5, 2026, true));
    }

    @Test
    void refusesUnknownFieldsDuplicatesAndTrailingTokens() {
        assertThatThrownBy(() -> json.readValue("{\"other\":1}", Sample.class)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> json.readValue("{\"name\":\"a\",\"name\":\"b\"}", Sample.class))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> json.readValue("{\"name\":\"a\"} {}", Sample.class))
                .isInstanceOf(JacksonException.class);
    }
}
