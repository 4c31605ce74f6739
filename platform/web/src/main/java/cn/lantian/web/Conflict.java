package cn.lantian.web;

import java.util.Map;

/** The request clashes with the current state (a stale version, a transition not allowed); answered 409. */
public class Conflict extends RuntimeException {

    private final transient Map<String, Object> properties;

    /** The detail is one sentence the caller may read. */
    public Conflict(String detail) {
        this(detail, Map.of());
    }

    /** With extension members that say which state the record is in and what is allowed. */
    public Conflict(String detail, Map<String, Object> properties) {
        super(detail);
        this.properties = Map.copyOf(properties);
    }

    /** Extension members of the problem document. */
    public Map<String, Object> properties() {
        return properties;
    }
}
