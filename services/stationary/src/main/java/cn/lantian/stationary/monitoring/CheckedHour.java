package cn.lantian.stationary.monitoring;

/**
 * One hourly value that passed every check, with what the checks found.
 *
 * @param valid whether its flag makes it a valid value
 * @param valueRef the value at reference oxygen (null when not valid)
 * @param limit the permit limit in force at its hour, or null
 * @param exceeds whether a valid value exceeds the limit
 * @param referenceO2 the reference oxygen of the outlet's source kind, or null
 */
record CheckedHour(
        Reading reading,
        Outlet outlet,
        boolean valid,
        Double valueRef,
        Double limit,
        boolean exceeds,
        Double referenceO2) {

    /** The outlet and pollutant whose hours form runs. */
    String series() {
        return reading.outletId() + "|" + reading.pollutant();
    }

    HourKey key() {
        return new HourKey(reading.outletId(), reading.pollutant(), reading.hour());
    }
}
