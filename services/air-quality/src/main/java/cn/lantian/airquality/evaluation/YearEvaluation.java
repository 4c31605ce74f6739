package cn.lantian.airquality.evaluation;

import cn.lantian.airquality.observation.Observation;
import cn.lantian.airquality.station.Station;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The year's evaluation of every unit with stations (county, Corps unit, prefecture) from all stations' hours. */
public final class YearEvaluation {

    private final DailyValues dailyValues;
    private final Targets targets;

    public YearEvaluation(DailyValues dailyValues, Targets targets) {
        this.dailyValues = dailyValues;
        this.targets = targets;
    }

    /**
     * One unit's standing: statistics as measured and with dust days deducted, and progress against the target on
     * both; {@code progress} (measured) is the one whose status changes are published.
     */
    public record UnitStanding(String unit, int stations, YearStatistics measured, YearStatistics dustDeducted,
            Target target, List<Progress> progress, List<Progress> progressDustDeducted) {
    }

    /**
     * The whole evaluation.
     *
     * @param aqiStandard the AQI standard version the year's days were judged by (HJ633-2012 for 2024)
     * @param evaluationRules the evaluation rules' version (HJ663-2013)
     */
    public record Result(int year, LocalDate asOf, int remainingDays, String aqiStandard, String evaluationRules,
            List<UnitStanding> units) {
    }

    /**
     * Evaluates the year up to {@code asOf} (inclusive).
     *
     * @param hoursByStation every station's hours of the year
     * @param flagged dust days flagged by the meteorological service, per unit
     */
    public Result evaluate(int year, LocalDate asOf, List<Station> stations, Map<String, List<Observation>> hoursByStation,
            Map<String, Map<LocalDate, String>> flagged) {
        Map<String, List<DailyValue>> stationDays = new LinkedHashMap<>();
        stations.parallelStream().map(s -> Map.entry(s.id(), dailyValues.ofStation(hoursByStation.getOrDefault(s.id(), List.of()))))
                .toList().forEach(e -> stationDays.put(e.getKey(), e.getValue()));
        Map<String, List<Station>> units = new TreeMap<>();
        for (Station s : stations) {
            units.computeIfAbsent(Targets.PREFECTURE, k -> new ArrayList<>()).add(s);
            units.computeIfAbsent(s.jurisdiction(), k -> new ArrayList<>()).add(s);
            if (s.corpsUnit() != null && !s.corpsUnit().equals(s.jurisdiction())) {
                units.computeIfAbsent(s.corpsUnit(), k -> new ArrayList<>()).add(s);
            }
        }
        LocalDate end = asOf.isAfter(LocalDate.of(year, 12, 31)) ? LocalDate.of(year, 12, 31) : asOf;
        int remaining = (int) ChronoUnit.DAYS.between(end, LocalDate.of(year, 12, 31));
        List<UnitStanding> standings = new ArrayList<>();
        units.forEach((unit, members) -> {
            List<List<DailyValue>> days = members.stream().map(s -> stationDays.get(s.id()).stream()
                    .filter(d -> d.day().getYear() == year && !d.day().isAfter(end)).toList()).collect(Collectors.toList());
            List<DailyValue> unitDays = dailyValues.ofUnit(days, flagged.getOrDefault(unit, Map.of()));
            YearStatistics measured = YearStatistics.of(unitDays, dailyValues.rules(), false);
            YearStatistics deducted = YearStatistics.of(unitDays, dailyValues.rules(), true);
            Target target = targets.of(year, unit).orElse(null);
            standings.add(new UnitStanding(unit, members.size(), measured, deducted, target,
                    progress(measured, target, remaining), progress(deducted, target, remaining)));
        });
        return new Result(year, end, remaining, dailyValues.standardFor(LocalDate.of(year, 1, 1)), dailyValues.rules().id(),
                standings);
    }

    private static List<Progress> progress(YearStatistics s, Target target, int remaining) {
        return target == null ? List.of() : List.of(Progress.goodDays(s, target.goodDayShare(), remaining),
                Progress.heavyDays(s, target.heavyDayShare(), remaining), Progress.pm25(s, target.pm25Mean(), remaining));
    }
}
