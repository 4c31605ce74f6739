package cn.lantian.dust.web;

import java.util.List;

/** A request whose fields break the rules; answered with 400 problem details listing every bad field. */
public class InvalidInput extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidInput(List<FieldError> errors) {
        super(errors.size() == 1 ? "The field " + errors.get(0).field() + " is invalid."
                : "The request has " + errors.size() + " invalid fields.");
        this.errors = List.copyOf(errors);
    }

    public static InvalidInput of(String field, String reason) {
        return new InvalidInput(List.of(new FieldError(field, reason)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
