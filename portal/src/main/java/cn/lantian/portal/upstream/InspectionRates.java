package cn.lantian.portal.upstream;

import java.time.Instant;
import java.util.List;

/** The stations' pass rates over one period, as mobile last answered (the year up to the moment it was asked). */
public record InspectionRates(Instant from, Instant to, List<InspectionStation> stations) {}
