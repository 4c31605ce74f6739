package cn.lantian.airquality.evaluation;

import cn.lantian.airquality.observation.Observation;
import cn.lantian.airquality.station.Station;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The year's evaluation of every unit with stations (county, Corps unit, prefecture) from all stations' hours. */
public final class YearEvaluation {

    private final DailyValues anyRules;
    private final EvaluationRuleSets ruleSets;
    private final Targets targets;
    private final AssessmentStations assessment;
    private final Limits limits;

    public YearEvaluation(DailyValues dailyValues, EvaluationRuleSets ruleSets, Targets targets) {
        this.anyRules = dailyValues;
        this.ruleSets = ruleSets;
        this.targets = targets;
        this.assessment = AssessmentStations.load();
        this.limits = Limits.load();
    }

    /**
     * One unit's standing ({@code stationIds}: the assessment stations it was evaluated from; {@code attainment}: the
     * measured days and year against GB 3095's limits in force): statistics as measured and with dust days deducted, and progress against the target on
     * both; {@code progress} (measured) is the one whose status changes are published. {@code target} is the unit's own
     * or, where the plan sets none for it, the prefecture's ({@code target.unit} says whose).
     *
     * @param pm25RollingMean the mean of this and the earlier years' annual PM2.5 means when the rules ask for a
     *        rolling mean (HJ 663-2026: 3 years), null otherwise or when a year of the window has no value
     */
    public record UnitStanding(
            String unit,
            int stations,
            List<String> stationIds,
            YearStatistics measured,
            Attainment attainment,
            YearStatistics dustDeducted,
            Target target,
            List<Progress> progress,
            List<Progress> progressDustDeducted,
            Double pm25RollingMean,
            Double pm25RollingMeanDustDeducted) {}

    /**
     * The whole evaluation.
     *
     * @param aqiStandard the AQI standard versions the year's days were judged by, comma-separated in order (HJ633-2012
     *        for 2024; HJ633-2012,HJ633-2026 for 2026, whose days from March 1 are HJ 633-2026's); each day names its own
     * @param evaluationRules the version of the evaluation rules that assessed the year (HJ663-2013, HJ663-2026)
     * @param officialFigures which figures that version assesses by: measured or exceptional-events-deducted
     * @param unconfirmedRules the rule fields of that version not confirmed against the standard's text
     */
    public record Result(
            int year,
            LocalDate asOf,
            int remainingDays,
            String aqiStandard,
            String evaluationRules,
            String officialFigures,
            int rollingYears,
            List<String> unconfirmedRules,
            List<UnitStanding> units) {

        /** This result with each unit's rolling PM2.5 mean over the earlier years' results and this one. */
        public Result withEarlierYears(List<Result> earlier) {
            List<UnitStanding> rolled = units.stream()
                    .map(u -> {
                        List<Double> measured = new ArrayList<>();
                        List<Double> deducted = new ArrayList<>();
                        for (Result e : earlier) {
                            UnitStanding same = e.units().stream()
                                    .filter(x -> x.unit().equals(u.unit()))
                                    .findFirst()
                                    .orElse(null);
                            measured.add(same == null ? null : same.measured().pm25Mean());
                            deducted.add(
                                    same == null ? null : same.dustDeducted().pm25Mean());
                        }
                        measured.add(u.measured().pm25Mean());
                        deducted.add(u.dustDeducted().pm25Mean());
                        return new UnitStanding(
                                u.unit(),
                                u.stations(),
                                u.stationIds(),
                                u.measured(),
                                u.attainment(),
                                u.dustDeducted(),
                                u.target(),
                                u.progress(),
                                u.progressDustDeducted(),
                                rollingMean(measured, rollingYears),
                                rollingMean(deducted, rollingYears));
                    })
                    .toList();
            return new Result(
                    year,
                    asOf,
                    remainingDays,
                    aqiStandard,
                    evaluationRules,
                    officialFigures,
                    rollingYears,
                    unconfirmedRules,
                    rolled);
        }
    }

    /** The mean of the annual means, one decimal; null unless there are {@code years} of them, none missing. */
    static Double rollingMean(List<Double> annual, int years) {
        if (years <= 1 || annual.size() < years || annual.stream().anyMatch(java.util.Objects::isNull)) {
            return null;
        }
        double mean = annual.subList(annual.size() - years, annual.size()).stream()
                .mapToDouble(Double::doubleValue)
                .average()
                .orElseThrow();
        return java.math.BigDecimal.valueOf(mean)
                .setScale(1, java.math.RoundingMode.HALF_EVEN)
                .doubleValue();
    }

    /** The version of the evaluation rules that assesses the year. */
    public EvaluationRules rulesFor(int year) {
        return ruleSets.forYear(year);
    }

    /**
     * Evaluates the year up to {@code asOf} (inclusive).
     *
     * @param hoursByStation every station's hours of the year
     * @param flagged dust days flagged by the meteorological service, per unit
     */
    public Result evaluate(
            int year,
            LocalDate asOf,
            List<Station> stations,
            Map<String, List<Observation>> hoursByStation,
            Map<String, Map<LocalDate, String>> flagged) {
        EvaluationRules rules = ruleSets.forYear(year);
        DailyValues dailyValues = anyRules.withRules(rules);
        Map<String, List<DailyValue>> stationDays = new LinkedHashMap<>();
        stations.parallelStream()
                .map(s -> Map.entry(s.id(), dailyValues.ofStation(hoursByStation.getOrDefault(s.id(), List.of()))))
                .toList()
                .forEach(e -> stationDays.put(e.getKey(), e.getValue()));
        Map<String, List<Station>> units = assessment.units(stations);
        LocalDate end = asOf.isAfter(LocalDate.of(year, 12, 31)) ? LocalDate.of(year, 12, 31) : asOf;
        int remaining = (int) ChronoUnit.DAYS.between(end, LocalDate.of(year, 12, 31));
        List<UnitStanding> standings = new ArrayList<>();
        units.forEach((unit, members) -> {
            List<List<DailyValue>> days = members.stream()
                    .map(s -> stationDays.get(s.id()).stream()
                            .filter(d -> d.day().getYear() == year && !d.day().isAfter(end))
                            .toList())
                    .collect(Collectors.toList());
            List<DailyValue> unitDays = dailyValues.ofUnit(days, flagged.getOrDefault(unit, Map.of()));
            YearStatistics measured = YearStatistics.of(unitDays, dailyValues.rules(), false);
            YearStatistics deducted = YearStatistics.of(unitDays, dailyValues.rules(), true);
            Target target = targets.of(year, unit).orElse(null);
            standings.add(new UnitStanding(
                    unit,
                    members.size(),
                    members.stream().map(Station::id).toList(),
                    measured,
                    Attainment.of(year, unitDays, measured, limits),
                    deducted,
                    target,
                    progress(measured, target, remaining),
                    progress(deducted, target, remaining),
                    null,
                    null));
        });
        String first = dailyValues.standardFor(LocalDate.of(year, 1, 1));
        String last = dailyValues.standardFor(end);
        return new Result(
                year,
                end,
                remaining,
                first.equals(last) ? first : first + "," + last,
                rules.id(),
                rules.officialFigures(),
                rules.rollingYears(),
                rules.unconfirmed(),
                standings);
    }

    private static List<Progress> progress(YearStatistics s, Target target, int remaining) {
        return target == null
                ? List.of()
                : List.of(
                        Progress.goodDays(s, target.goodDayShare(), remaining),
                        Progress.heavyDays(s, target.heavyDayShare(), remaining),
                        Progress.pm25(s, target.pm25Mean(), remaining));
    }
}
