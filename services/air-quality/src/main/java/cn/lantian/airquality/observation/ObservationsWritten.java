package cn.lantian.airquality.observation;

import java.util.Set;

/** Observations of these years were written: whoever evaluates those years learns it without observation knowing who. */
public record ObservationsWritten(Set<Integer> years) {}
