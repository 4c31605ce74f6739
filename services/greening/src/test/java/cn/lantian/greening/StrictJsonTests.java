package cn.lantian.greening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class StrictJsonTests {

    record Sample(String name, Double value, Integer year, Boolean flag) {
    }

    private final JsonMapper json = strict();

    private static JsonMapper strict() {
        JsonMapper.Builder builder = JsonMapper.builder();
        new Config().strictJson().customize(builder);
        return builder.build();
    }

    @Test
    void acceptsTheRightTypesAndAnIntegerForADecimal() {
        assertThat(json.readValue("{\"name\":\"a\",\"value\":150,\"year\":2026,\"flag\":true}", Sample.class))
                .isEqualTo(new Sample("a", 150.0, 2026, true));
    }

    @Test
    void coercesNothing() {
        assertThatThrownBy(() -> json.readValue("{\"value\":\"150\"}", Sample.class)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> json.readValue("{\"year\":\"2026\"}", Sample.class)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> json.readValue("{\"year\":2026.5}", Sample.class)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> json.readValue("{\"name\":12}", Sample.class)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> json.readValue("{\"flag\":\"true\"}", Sample.class)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> json.readValue("{\"flag\":1}", Sample.class)).isInstanceOf(JacksonException.class);
    }

    @Test
    void refusesUnknownFieldsDuplicatesAndTrailingTokens() {
        assertThatThrownBy(() -> json.readValue("{\"other\":1}", Sample.class)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> json.readValue("{\"name\":\"a\",\"name\":\"b\"}", Sample.class))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> json.readValue("{\"name\":\"a\"} {}", Sample.class)).isInstanceOf(JacksonException.class);
    }
}
