package cn.lantian.straw.web;

/** One bad field of a request: its name (dotted path, query parameter, CSV column or {@code body}) and what is wrong. */
public record FieldError(String field, String reason) {
}
