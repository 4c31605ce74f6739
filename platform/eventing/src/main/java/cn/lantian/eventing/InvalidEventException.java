package cn.lantian.eventing;

import java.util.List;

/** A message that does not honour the event contract; its message lists every violation, for the dead-letter queue. */
public class InvalidEventException extends RuntimeException {

    private final List<String> violations;

    public InvalidEventException(List<String> violations) {
        super("invalid event: " + String.join("; ", violations));
        this.violations = List.copyOf(violations);
    }

    /** What is wrong, one entry per violation. */
    public List<String> violations() {
        return violations;
    }
}
