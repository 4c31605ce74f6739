package cn.lantian.enforcement.web;

import java.util.Map;

/** The request clashes with the current state; the properties say which state and what is allowed. */
public class Conflict extends RuntimeException {

    private final Map<String, Object> properties;

    public Conflict(String reason, Map<String, Object> properties) {
        super(reason);
        this.properties = Map.copyOf(properties);
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
