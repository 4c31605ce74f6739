package cn.lantian.straw.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The rule tables as the service applies them, each row with its source and status. */
@RestController
class RulesController {

    private final StrawRules rules;
    private final DutyRoster roster;

    RulesController(StrawRules rules, DutyRoster roster) {
        this.rules = rules;
        this.roster = roster;
    }

    @GetMapping("/api/straw/v1/rules")
    Map<String, Object> rules() {
        Map<String, Object> tables = new LinkedHashMap<>();
        tables.put("rules", rules.rules());
        tables.put("seasons", rules.seasons());
        tables.put("alertMeasures", rules.measures());
        tables.put("dutyRoster", roster.all());
        return tables;
    }
}
