package cn.lantian.web;

import tools.jackson.databind.json.JsonMapper;

/**
 * The strict reading of JSON that an outside party sends but no request decoder reads: raw inbound messages (AMQP JSON
 * lines from devices and agency systems) and bodies a controller splits itself. It refuses exactly what a request body
 * is refused for (unknown fields unless the service accepts them, a name twice, trailing tokens, null for a primitive,
 * coerced scalars, unsafe text), so that one format is checked alike on every path that takes it.
 */
public final class InboundJson {

    private final JsonMapper mapper;

    InboundJson(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** The mapper to read inbound values with; never for the service's own stored JSON or for events. */
    public JsonMapper mapper() {
        return mapper;
    }
}
