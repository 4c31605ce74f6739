package cn.lantian.stationary.monitoring;

import java.time.Instant;

/**
 * One hourly CEMS value as sent: the mean of the hour that starts at {@code hour}.
 *
 * @param value measured concentration, mg/m3 (dry, standard state)
 * @param o2 measured oxygen, %
 * @param flow flue-gas flow, m3/h
 * @param flag HJ 212 data flag (N normal, M maintenance, C calibration, D fault, F stopped, ...)
 */
public record Reading(
        String outletId, String pollutant, Instant hour, double value, Double o2, Double flow, String flag) {}
