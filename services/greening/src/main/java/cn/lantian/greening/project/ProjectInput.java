package cn.lantian.greening.project;

import cn.lantian.greening.rules.AreaInput;
import cn.lantian.web.TextLength;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** A new afforestation project as a forestry officer records it. */
public record ProjectInput(
        @Size(max = TextLength.NAME) String name,
        @Size(max = TextLength.NAME) String programme,
        List<@Size(max = TextLength.NAME) String> species,
        @Size(max = TextLength.CODE) String plantingSeason,
        Integer plantingYear,
        AreaInput planned,
        AreaInput planted,
        JsonNode boundary,
        @Size(max = TextLength.ID) String corpsUnit,
        @Valid ForestChief forestChief) {

    /** The responsible forest chiefs (林长) at county, township and village level. */
    public record ForestChief(
            @Size(max = TextLength.NAME) String county,
            @Size(max = TextLength.NAME) String township,
            @Size(max = TextLength.NAME) String village) {}
}
