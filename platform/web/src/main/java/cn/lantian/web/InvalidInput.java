package cn.lantian.web;

import java.util.List;

/** Input that breaks one or more rules; answered 400 with every bad field under {@code errors}. */
public class InvalidInput extends RuntimeException {

    private final transient List<FieldError> errors;

    /** Needs at least one field error. */
    public InvalidInput(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.reason()).reduce((a, b) -> a + "; " + b).orElse("invalid input"));
        this.errors = List.copyOf(errors);
    }

    /** A single bad field. */
    public static InvalidInput of(String field, String reason) {
        return new InvalidInput(List.of(new FieldError(field, reason)));
    }

    /** The bad fields, in the order found. */
    public List<FieldError> errors() {
        return errors;
    }
}
