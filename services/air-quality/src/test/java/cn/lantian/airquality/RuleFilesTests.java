package cn.lantian.airquality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every file of standards, limits and rules names where its numbers come from. */
class RuleFilesTests {

    @Test
    void everyStandardAndRuleFileNamesItsSource() throws IOException {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        JsonMapper json = JsonMapper.builder().build();
        int files = 0;
        for (String pattern :
                new String[] {"classpath:aqi/*.json", "classpath:evaluation/*.json", "classpath:alert/*.json"}) {
            for (Resource r : resolver.getResources(pattern)) {
                if ("versions.json".equals(r.getFilename())) {
                    continue; // a list of file names, no numbers
                }
                try (InputStream in = r.getInputStream()) {
                    JsonNode root = json.readTree(in);
                    assertThat(root.path("source").asString(""))
                            .as(r.getFilename())
                            .isNotBlank();
                    root.path("limitSets")
                            .forEach(s -> assertThat(s.path("source").asString(""))
                                    .as(s.path("id").asString())
                                    .contains("GB 3095"));
                    root.path("substitutions")
                            .forEach(s ->
                                    assertThat(s.path("source").asString("")).isNotBlank());
                    root.path("targets")
                            .forEach(t ->
                                    assertThat(t.path("source").asString("")).isNotBlank());
                    files++;
                }
            }
        }
        assertThat(files).isGreaterThanOrEqualTo(9);
    }
}
