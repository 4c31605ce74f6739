package cn.lantian.feeds.stationary;

import java.time.Instant;
import java.util.List;

/** An outlet with CEMS as the registry shows it: source kind, ultra-low flag, pollutants monitored, newest stored hour. */
record Outlet(String id, String sourceKind, boolean ultraLow, List<String> pollutants, Instant latest) {}
