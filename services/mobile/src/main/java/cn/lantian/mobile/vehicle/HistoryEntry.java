package cn.lantian.mobile.vehicle;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** One stored version of a vehicle's registration. */
public record HistoryEntry(int version, Instant changedAt, String changedBy, JsonNode snapshot) {}
