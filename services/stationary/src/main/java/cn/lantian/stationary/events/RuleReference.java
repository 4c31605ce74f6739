package cn.lantian.stationary.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The rule object of finding and exceedance event schemas: which rule, its source and threshold. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleReference(String id, String source, Double threshold, String unit) {}
