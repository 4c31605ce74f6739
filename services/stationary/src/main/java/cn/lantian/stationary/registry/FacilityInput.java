package cn.lantian.stationary.registry;

import tools.jackson.databind.JsonNode;

/** What a caller sends to create or change a facility. */
public record FacilityInput(String id, String kind, String enterpriseId, String parentId, String name, String status,
        Double lon, Double lat, JsonNode attributes) {
}
