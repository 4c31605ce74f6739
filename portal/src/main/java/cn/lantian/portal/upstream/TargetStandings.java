package cn.lantian.portal.upstream;

import java.time.LocalDate;
import java.util.List;

/** The plan's targets for a year and each unit's year-to-date standing, as air-quality evaluates them. */
public record TargetStandings(int year, LocalDate asOf, int remainingDays, List<Unit> units) {

    /**
     * One unit (prefecture, county or Corps unit): measured statistics, progress on each target, and the
     * dust-deducted statistics by indicator name where air-quality gives them (empty otherwise).
     */
    public record Unit(
            String unit,
            int stations,
            Integer validDays,
            Integer goodDays,
            Integer heavyDays,
            Double goodDayShare,
            Double heavyDayShare,
            Double pm25Mean,
            Integer dustDays,
            String source,
            List<Progress> progress,
            java.util.Map<String, Double> dustDeducted) {

        /** The dust-deducted value of an indicator, null where air-quality gives none. */
        public Double dustDeducted(String indicator) {
            return dustDeducted == null ? null : dustDeducted.get(indicator);
        }
    }

    /** One target: value so far, the bound, what remains, the projection and a status. */
    public record Progress(
            String indicator,
            Double value,
            String op,
            Double target,
            Double remaining,
            Double projected,
            String status) {}
}
