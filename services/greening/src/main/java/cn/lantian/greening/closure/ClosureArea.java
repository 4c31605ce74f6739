package cn.lantian.greening.closure;

import cn.lantian.greening.rules.Areas;
import cn.lantian.reference.Placement;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A sand-closure protection area as the API shows it. */
record ClosureArea(
        String id,
        String name,
        String level,
        String designation,
        Integer designatedYear,
        boolean assumed,
        String boundaryNote,
        Areas area,
        String jurisdiction,
        String corpsUnit,
        List<Map<String, Object>> shares,
        Map<String, ClosureInput.WorkItem> workItems,
        JsonNode boundary) {

    @JsonIgnore
    Placement placement() {
        return new Placement(jurisdiction, corpsUnit);
    }
}
