package cn.lantian.airquality.aqi;

import java.math.BigDecimal;

/**
 * A special case of a standard: above {@code above}, {@code indicator} is not indexed on its table. HJ 633-2012 reports
 * the pollutant by {@code use} instead; HJ 633-2026 counts it as {@code fixedIndex}; EPA uses {@code use} and falls back
 * to {@code fixedIndex} when {@code use} gives nothing. {@code useMinValidHours}: hourly values a 24-hour {@code use}
 * needs when it has to be computed from hours (the real-time report), null where the data file gives none.
 */
record Substitution(
        Indicator indicator,
        BigDecimal above,
        Indicator use,
        Integer fixedIndex,
        Integer useMinValidHours,
        String source) {}
