package cn.lantian.dust.monitor;

import cn.lantian.dust.rules.DustRules;
import cn.lantian.dust.rules.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges a site hour's mean PM10: above the absolute alarm level, or more than the margin above the nearest national
 * station's same hour. Without that station hour only the alarm level is judged; the comparison waits for the hour.
 */
final class ExceedanceRule {

    /** A rule the hour broke, with the figure it was compared against. */
    record Breach(Rule rule, String kind, double limit) {}

    static final String ALARM = "monitor-alarm";
    static final String OVER_STATION = "monitor-over-station";

    private final Rule alarm;
    private final Rule overStation;

    ExceedanceRule(DustRules rules) {
        this.alarm = rules.rule(DustRules.PM10_ALARM);
        this.overStation = rules.rule(DustRules.PM10_OVER_STATION);
    }

    /** The alarm level breach, if the mean is above it (equal is not above). */
    List<Breach> absolute(double meanPm10) {
        return meanPm10 > alarm.number() ? List.of(new Breach(alarm, ALARM, alarm.number())) : List.of();
    }

    /** The station comparison breach, if the station's hour is known and the mean is more than the margin above it. */
    List<Breach> relative(double meanPm10, Double stationPm10) {
        if (stationPm10 == null) {
            return List.of();
        }
        double limit = stationPm10 + overStation.number();
        return meanPm10 > limit ? List.of(new Breach(overStation, OVER_STATION, limit)) : List.of();
    }

    /** Both judgements. */
    List<Breach> judge(double meanPm10, Double stationPm10) {
        List<Breach> all = new ArrayList<>(absolute(meanPm10));
        all.addAll(relative(meanPm10, stationPm10));
        return all;
    }
}
