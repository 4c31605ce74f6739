package cn.lantian.airquality.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One indicator of a unit against its target: the value so far, what remains and a status.
 *
 * @param indicator good-day-share, heavy-day-share or pm25-mean (the event contract's names)
 * @param remaining good days still needed, heavy days still allowed, or the PM2.5 mean the rest of the year must stay
 *        under (null when no days remain)
 * @param projected the year's value if the rest of the year goes on as so far
 * @param status on-track, at-risk, missed or met
 */
public record Progress(
        String indicator, Double value, String op, double target, Double remaining, Double projected, String status) {

    /** Statuses as the event contract names them. */
    public static final String ON_TRACK = "on-track";

    public static final String AT_RISK = "at-risk";
    public static final String MISSED = "missed";
    public static final String MET = "met";

    /**
     * Good days: how many more the year needs, assuming every remaining day is valid.
     *
     * @param remainingDays calendar days of the year still to come
     */
    public static Progress goodDays(YearStatistics s, Target.Bound bound, int remainingDays) {
        int total = s.validDays() + remainingDays;
        BigDecimal exact = BigDecimal.valueOf(bound.value())
                .multiply(BigDecimal.valueOf(total))
                .divide(BigDecimal.valueOf(100));
        int needed = bound.op().equals(">")
                ? exact.setScale(0, RoundingMode.FLOOR).intValue() + 1
                : exact.setScale(0, RoundingMode.CEILING).intValue();
        int stillNeeded = Math.max(0, needed - s.goodDays());
        String status = status(stillNeeded > remainingDays, bound.met(s.goodDayShare()), remainingDays);
        return new Progress(
                "good-day-share",
                s.goodDayShare(),
                bound.op(),
                bound.value(),
                (double) stillNeeded,
                s.goodDayShare(),
                status);
    }

    /** Heavy days: how many more the year may still have. */
    public static Progress heavyDays(YearStatistics s, Target.Bound bound, int remainingDays) {
        int total = s.validDays() + remainingDays;
        BigDecimal exact = BigDecimal.valueOf(bound.value())
                .multiply(BigDecimal.valueOf(total))
                .divide(BigDecimal.valueOf(100));
        // "< x %" allows the largest count strictly below x % of the days; "<= x %" the largest at or below it.
        int allowed = bound.op().equals("<")
                ? exact.setScale(0, RoundingMode.CEILING).intValue() - 1
                : exact.setScale(0, RoundingMode.FLOOR).intValue();
        int stillAllowed = allowed - s.heavyDays();
        String status = status(stillAllowed < 0, bound.met(s.heavyDayShare()), remainingDays);
        return new Progress(
                "heavy-day-share",
                s.heavyDayShare(),
                bound.op(),
                bound.value(),
                (double) Math.max(stillAllowed, 0),
                s.heavyDayShare(),
                status);
    }

    /** Mean PM2.5: the mean the remaining days must stay under for the year to meet the target. */
    public static Progress pm25(YearStatistics s, Target.Bound bound, int remainingDays) {
        if (s.pm25Mean() == null) {
            return new Progress(
                    "pm25-mean", null, bound.op(), bound.value(), null, null, remainingDays == 0 ? MISSED : AT_RISK);
        }
        Double rest = null;
        boolean impossible = false;
        if (remainingDays > 0) {
            double r = (bound.value() * (s.pm25Days() + remainingDays) - s.pm25Sum()) / remainingDays;
            rest = BigDecimal.valueOf(r).setScale(1, RoundingMode.FLOOR).doubleValue();
            impossible = r <= 0;
        }
        String status = status(impossible, bound.met(s.pm25Mean()), remainingDays);
        return new Progress("pm25-mean", s.pm25Mean(), bound.op(), bound.value(), rest, s.pm25Mean(), status);
    }

    private static String status(boolean impossible, boolean meetingSoFar, int remainingDays) {
        if (remainingDays == 0) {
            return meetingSoFar ? MET : MISSED;
        }
        if (impossible) {
            return MISSED;
        }
        return meetingSoFar ? ON_TRACK : AT_RISK;
    }
}
