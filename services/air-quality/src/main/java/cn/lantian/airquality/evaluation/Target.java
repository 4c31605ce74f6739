package cn.lantian.airquality.evaluation;

/**
 * A unit's target for a year, as data.
 *
 * @param goodDayShare bound on the share of good days (%)
 * @param heavyDayShare bound on the share of heavily polluted days (%)
 * @param pm25Mean bound on the mean PM2.5 (µg/m³)
 */
public record Target(int year, String unit, Bound goodDayShare, Bound heavyDayShare, Bound pm25Mean, String source) {

    /** A comparison with its figure: {@code >=}, {@code <} or {@code <=}. */
    public record Bound(String op, double value) {

        /** Whether a value meets the bound. */
        public boolean met(double actual) {
            return switch (op) {
                case ">=" -> actual >= value;
                case ">" -> actual > value;
                case "<" -> actual < value;
                case "<=" -> actual <= value;
                default -> throw new IllegalStateException("unknown operator " + op);
            };
        }
    }
}
