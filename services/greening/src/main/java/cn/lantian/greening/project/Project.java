package cn.lantian.greening.project;

import cn.lantian.greening.geo.Siting;
import cn.lantian.greening.rules.Areas;
import cn.lantian.reference.Placement;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** An afforestation project as the API shows it. */
record Project(
        String id,
        String name,
        String programme,
        List<String> species,
        String plantingSeason,
        int plantingYear,
        Areas planned,
        Areas planted,
        Areas boundaryArea,
        String jurisdiction,
        String corpsUnit,
        List<PlacedShare> shares,
        ProjectInput.ForestChief forestChief,
        Survival latestSurvival,
        JsonNode boundary) {

    /** One unit's part of the boundary. */
    record PlacedShare(String unit, Areas area, double share) {

        static PlacedShare of(Siting.Share s, cn.lantian.greening.rules.Rules rules) {
            return new PlacedShare(s.unit(), Areas.of(s.hectares(), rules), Math.round(s.share() * 10_000) / 10_000.0);
        }
    }

    /** A survival check. */
    record Survival(String id, String checkedOn, double ratePercent, String verdict, Areas replanted, String note) {}

    @JsonIgnore
    Placement placement() {
        return new Placement(jurisdiction, corpsUnit);
    }
}
