package cn.lantian.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemShapeTests {

    @Test
    void acceptsThePlatformShape() {
        assertThat(ProblemShape.violations("""
                {"type":"about:blank","title":"Bad Request","status":400,"detail":"One field is not valid.",
                 "instance":"/api/x","errors":[{"field":"name","reason":"size must be between 0 and 200"}]}""")).isEmpty();
        assertThat(ProblemShape.assertProblem("""
                {"type":"about:blank","title":"Conflict","status":409,"detail":"Case 3 is closed.",
                 "instance":"/api/x","state":"closed"}""", 409).get("state").asString()).isEqualTo("closed");
    }

    @Test
    void refusesTheShapesOfBefore() {
        assertThat(ProblemShape.violations("""
                {"type":"about:blank","title":"Invalid request","status":400,"detail":"x","instance":"/a",
                 "errors":[{"field":"name","message":"too long"}]}""")).isNotEmpty();
        assertThat(ProblemShape.violations("""
                {"type":"about:blank","title":"Bad","status":400,"detail":"x","instance":"/a",
                 "invalid-params":[{"name":"q","reason":"bad"}]}""")).isNotEmpty();
        assertThat(ProblemShape.violations("""
                {"timestamp":"2026-12-06T10:00:00Z","path":"/a","status":404,"error":"Not Found","requestId":"1"}""")).isNotEmpty();
        assertThat(ProblemShape.violations("""
                {"type":"about:blank","title":"Bad Request","status":400,"detail":"For input string: \\"abc\\"","instance":"/a"}""")).isNotEmpty();
        assertThat(ProblemShape.violations("")).isNotEmpty();
        assertThat(ProblemShape.violations("<html>Whitelabel Error Page</html>"))
                .isNotEmpty();
    }
}
