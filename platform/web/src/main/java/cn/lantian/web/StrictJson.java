package cn.lantian.web;

import java.math.BigDecimal;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The platform's reading of JSON requests: the parser's limits from configuration (beyond them a 400, not a 500), no
 * coercion of scalars (a number is not a string, a date-time or an integer unless it is one), no infinite numbers,
 * and no text that a store cannot keep (NUL, unpaired surrogates).
 */
final class StrictJson {

    private StrictJson() {}

    /** A builder whose parser enforces {@code limits}; Boot's customizers are applied on top of it. */
    static JsonMapper.Builder builder(WebLimitsProperties.Json limits) {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxNestingDepth())
                .maxNumberLength(limits.maxNumberLength())
                .maxStringLength(limits.maxStringLength())
                .maxNameLength(limits.maxNameLength())
                .build();
        return JsonMapper.builder(
                        JsonFactory.builder().streamReadConstraints(constraints).build())
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .addModule(module(limits));
    }

    /**
     * The mapper that reads request bodies: the application's own, and beyond it no unknown field (unless the service
     * accepts them by configuration), no name twice in one object, nothing after the value and no null for a primitive,
     * so that nothing a client did not mean is stored. Only requests: what a service reads from other services and
     * from events keeps the application's mapper, since a newer writer may add fields.
     */
    static JsonMapper forRequests(JsonMapper application, WebLimitsProperties.Json limits) {
        JsonMapper.Builder builder = application
                .rebuild()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
        if (limits.acceptUnknownFields()) {
            builder.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        } else {
            builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        }
        return builder.build();
    }

    static SimpleModule module(WebLimitsProperties.Json limits) {
        SimpleModule module = new SimpleModule("lantian-strict-json");
        module.addDeserializer(String.class, new SafeText());
        module.setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(
                    DeserializationConfig config,
                    BeanDescription.Supplier description,
                    ValueDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                if (type.getPackageName().equals("java.time")) {
                    return new TextOnly(deserializer);
                }
                if (type == Double.class
                        || type == double.class
                        || type == Float.class
                        || type == float.class
                        || type == BigDecimal.class) {
                    return new FiniteNumber(deserializer, limits.maxIntegerDigits());
                }
                return deserializer;
            }
        });
        return module;
    }

    /** Strings only from JSON strings, and only those a database can store. */
    static final class SafeText extends StdScalarDeserializer<String> {

        SafeText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String text = p.getString();
            if (UnsafeText.in(text)) {
                throw InvalidFormatException.from(p, "unsafe text", "", String.class);
            }
            return text;
        }
    }

    /** Date-times and durations only from strings: a number would be read as seconds since 1970. */
    static final class TextOnly extends DelegatingDeserializer {

        TextOnly(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new TextOnly(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return ctxt.handleUnexpectedToken(handledType(), p);
            }
            return _delegatee.deserialize(p, ctxt);
        }
    }

    /** Decimal numbers that are finite and of a size a column can hold ({@code 1e400} is not). */
    static final class FiniteNumber extends DelegatingDeserializer {

        private final int maxIntegerDigits;

        FiniteNumber(ValueDeserializer<?> delegate, int maxIntegerDigits) {
            super(delegate);
            this.maxIntegerDigits = maxIntegerDigits;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new FiniteNumber(delegate, maxIntegerDigits);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() != null && p.currentToken().isNumeric()) {
                BigDecimal value = p.getDecimalValue();
                if (value.precision() - value.scale() > maxIntegerDigits) {
                    return ctxt.handleUnexpectedToken(handledType(), p);
                }
            }
            Object value = _delegatee.deserialize(p, ctxt);
            if (value instanceof Double d && (d.isInfinite() || d.isNaN())
                    || value instanceof Float f && (f.isInfinite() || f.isNaN())) {
                return ctxt.handleUnexpectedToken(handledType(), p);
            }
            return value;
        }
    }
}
