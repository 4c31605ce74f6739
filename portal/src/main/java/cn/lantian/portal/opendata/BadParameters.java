package cn.lantian.portal.opendata;

import java.util.List;

/** One or more query parameters are wrong; each is named with the reason. */
public class BadParameters extends RuntimeException {

    /** A wrong parameter and what it should be. */
    public record Violation(String parameter, String reason) {
    }

    private final List<Violation> violations;

    public BadParameters(List<Violation> violations) {
        super(violations.toString());
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
