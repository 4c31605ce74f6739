package cn.lantian.web;

/** One bad field of a request: its name (JSON property, dotted path, parameter, CSV column or {@code body}) and why. */
public record FieldError(String field, String reason) {}
