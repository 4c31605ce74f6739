package cn.lantian.straw.web;

import java.util.List;

/** A request whose fields break the rules; answered with 400 problem details listing every field. */
public class InvalidInput extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidInput(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.reason()).reduce((a, b) -> a + "; " + b).orElse("invalid"));
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
