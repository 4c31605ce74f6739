package cn.lantian.dust.web;

/** One bad field of a request: its name (dotted path, CSV column, or {@code body}) and what is wrong with it. */
public record FieldError(String field, String reason) {
}
