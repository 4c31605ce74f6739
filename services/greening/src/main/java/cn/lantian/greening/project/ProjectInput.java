package cn.lantian.greening.project;

import cn.lantian.greening.rules.AreaInput;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** A new afforestation project as a forestry officer records it. */
public record ProjectInput(String name, String programme, List<String> species, String plantingSeason, Integer plantingYear,
        AreaInput planned, AreaInput planted, JsonNode boundary, String corpsUnit, ForestChief forestChief) {

    /** The responsible forest chiefs (林长) at county, township and village level. */
    public record ForestChief(String county, String township, String village) {
    }
}
