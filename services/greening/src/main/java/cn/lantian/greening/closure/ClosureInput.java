package cn.lantian.greening.closure;

import cn.lantian.web.TextLength;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A sand-closure protection area as the forestry agency records it.
 *
 * @param assumed true for an area drawn for demonstration or planning where no designation was found
 * @param workItems state of each work item the national measures list, by item id
 */
public record ClosureInput(
        @Size(max = TextLength.NAME) String name,
        @Size(max = TextLength.CODE) String level,
        @Size(max = TextLength.NAME) String designation,
        Integer designatedYear,
        Boolean assumed,
        @Size(max = TextLength.TEXT) String boundaryNote,
        JsonNode boundary,
        @Size(max = TextLength.ID) String corpsUnit,
        Map<@Size(max = TextLength.CODE) String, @Valid WorkItem> workItems) {

    /** One work item's state. */
    public record WorkItem(
            @Size(max = TextLength.CODE) String status,
            @Size(max = TextLength.TEXT) String note) {}
}
