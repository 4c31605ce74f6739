package cn.lantian.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ProblemTests {

    @Test
    void writesTheStandardMembersFirstAndErrorsOnlyWhenThereAreAny() {
        Map<String, Object> plain =
                Problem.of(HttpStatus.NOT_FOUND, "No case c-1.").document("/api/x");
        assertThat(plain.keySet()).containsExactly("type", "title", "status", "detail", "instance");
        assertThat(plain.get("title")).isEqualTo("Not Found");
        Map<String, Object> invalid =
                Problem.invalid(List.of(new FieldError("name", "is required"))).document("/api/x");
        assertThat(invalid.keySet()).containsExactly("type", "title", "status", "detail", "instance", "errors");
    }

    @Test
    void clipsWhatACallerSentBackToTheSchemasLimits() {
        Problem problem =
                Problem.invalid(List.of(new FieldError("f".repeat(1000), "not '" + "x".repeat(100_000) + "'")));
        assertThat(problem.errors().get(0).field()).hasSizeLessThanOrEqualTo(Problem.MAX_FIELD);
        assertThat(problem.errors().get(0).reason())
                .hasSizeLessThanOrEqualTo(Problem.MAX_REASON)
                .endsWith("…");
    }

    @Test
    void keepsStandardMembersOverExtensions() {
        Map<String, Object> doc = Problem.of(HttpStatus.CONFLICT, "Closed.")
                .with("status", 200)
                .with("state", "closed")
                .document("/api/x");
        assertThat(doc.get("status")).isEqualTo(409);
        assertThat(doc.get("state")).isEqualTo("closed");
    }
}
