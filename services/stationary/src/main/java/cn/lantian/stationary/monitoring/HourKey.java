package cn.lantian.stationary.monitoring;

import java.time.Instant;

/** One hour of one outlet's pollutant. */
record HourKey(String outlet, String pollutant, Instant hour) {}
