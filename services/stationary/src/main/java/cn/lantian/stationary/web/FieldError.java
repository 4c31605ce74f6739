package cn.lantian.stationary.web;

/** One bad field of a request: its name (JSON path or CSV column) and why it is bad. */
public record FieldError(String field, String message) {
}
