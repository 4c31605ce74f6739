package cn.lantian.airquality.web;

import java.util.List;

/** Input that breaks one or more rules; each {@link Violation} names the field or parameter at fault. */
public class InvalidInput extends RuntimeException {

    /** One bad field and why. */
    public record Violation(String field, String reason) {
    }

    private final List<Violation> violations;

    public InvalidInput(List<Violation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.reason()).reduce((a, b) -> a + "; " + b).orElse("invalid input"));
        this.violations = List.copyOf(violations);
    }

    /** A single bad field. */
    public static InvalidInput of(String field, String reason) {
        return new InvalidInput(List.of(new Violation(field, reason)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
