package cn.lantian.airquality.aqi;

/** The groups a standard advises when a pollutant's IAQI exceeds 100 (HJ 633-2026 Table 2), in three languages. */
public record SensitiveGroups(String zh, String en, String ug) {}
