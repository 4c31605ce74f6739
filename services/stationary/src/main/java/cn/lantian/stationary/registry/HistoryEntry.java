package cn.lantian.stationary.registry;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** One version of a registry record as it was written. */
public record HistoryEntry(int version, Instant changedAt, String changedBy, JsonNode snapshot) {}
