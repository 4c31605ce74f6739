package cn.lantian.portal.opendata.schema;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A page of closed enforcement cases (JSON). */
@Schema(description = "A page of closed enforcement cases, by case id; 'next' is the cursor of the next page")
public record CasesPage(LicenceField licence, List<ClosedCase> items, String next) {

    /** A closed case and its outcome. */
    @Schema(description = "A closed case; findingType is the kind of finding that opened it, ruleSource its regulation")
    public record ClosedCase(
            String caseId,
            String enterpriseId,
            String jurisdiction,
            String corpsUnit,
            String findingType,
            String ruleId,
            String ruleSource,
            String summary,
            Instant openedAt,
            Instant closedAt,
            String outcome) {}
}
