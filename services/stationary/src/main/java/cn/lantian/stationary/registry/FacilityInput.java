package cn.lantian.stationary.registry;

import cn.lantian.web.TextLength;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

/** What a caller sends to create or change a facility. */
public record FacilityInput(
        @Size(max = TextLength.ID) String id,
        @Size(max = TextLength.CODE) String kind,
        @Size(max = TextLength.ID) String enterpriseId,
        @Size(max = TextLength.ID) String parentId,
        @Size(max = TextLength.NAME) String name,
        @Size(max = TextLength.CODE) String status,
        Double lon,
        Double lat,
        JsonNode attributes) {}
