package cn.lantian.web;

import jakarta.validation.ConstraintViolation;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Input that breaks one or more rules; answered 400 with every bad field under {@code errors}. */
public class InvalidInput extends RuntimeException {

    private final transient List<FieldError> errors;

    /** Needs at least one field error. */
    public InvalidInput(List<FieldError> errors) {
        super(errors.stream()
                .map(e -> e.field() + ": " + e.reason())
                .reduce((a, b) -> a + "; " + b)
                .orElse("invalid input"));
        this.errors = List.copyOf(errors);
    }

    /** A single bad field. */
    public static InvalidInput of(String field, String reason) {
        return new InvalidInput(List.of(new FieldError(field, reason)));
    }

    /**
     * The Bean Validation violations of a command as field errors (property path and the constraint's message), in
     * a stable order; empty when it is valid. For services that check a command built from CSV as well as JSON.
     */
    public static List<FieldError> errorsOf(Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::reason))
                .toList();
    }

    /** The bad fields, in the order found. */
    public List<FieldError> errors() {
        return errors;
    }
}
