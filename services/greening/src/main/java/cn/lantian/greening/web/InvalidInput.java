package cn.lantian.greening.web;

import java.util.List;

/** Input that breaks one or more rules; answered 400 with every bad field under {@code errors}. */
public class InvalidInput extends RuntimeException {

    /** One bad field (a name, a dotted path, or {@code body}) and what is wrong with it. */
    public record FieldError(String field, String reason) {
    }

    private final transient List<FieldError> errors;

    public InvalidInput(List<FieldError> errors) {
        super(errors.size() == 1 ? "The field " + errors.get(0).field() + " is invalid."
                : "The request has " + errors.size() + " invalid fields.");
        this.errors = List.copyOf(errors);
    }

    /** A single bad field. */
    public static InvalidInput of(String field, String reason) {
        return new InvalidInput(List.of(new FieldError(field, reason)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
