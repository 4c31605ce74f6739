package cn.lantian.greening.closure;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A sand-closure protection area as the forestry agency records it.
 *
 * @param assumed true for an area drawn for demonstration or planning where no designation was found
 * @param workItems state of each work item the national measures list, by item id
 */
public record ClosureInput(String name, String level, String designation, Integer designatedYear, Boolean assumed,
        String boundaryNote, JsonNode boundary, String corpsUnit, Map<String, WorkItem> workItems) {

    /** One work item's state. */
    public record WorkItem(String status, String note) {
    }
}
