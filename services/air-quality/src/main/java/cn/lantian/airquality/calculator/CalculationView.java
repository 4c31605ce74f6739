package cn.lantian.airquality.calculator;

import cn.lantian.airquality.aqi.AqiResult;
import cn.lantian.airquality.aqi.AqiStandard;
import cn.lantian.airquality.aqi.Category;
import cn.lantian.airquality.aqi.Pollutant;
import cn.lantian.airquality.aqi.SensitiveGroups;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What the calculator answers: the standard version, each IAQI, the AQI, its category, primary pollutants and, where
 * the version names them (HJ 633-2026 Table 2), the sensitive groups of each pollutant whose IAQI exceeds 100.
 */
record CalculationView(
        String standard,
        String standardTitle,
        Integer aqi,
        Category category,
        List<String> primaryPollutants,
        List<String> nonAttainmentPollutants,
        List<Item> subIndices,
        List<Groups> sensitiveGroups) {

    /** One parameter's IAQI; {@code concentration} is the value indexed (after the version's rounding, if any). */
    record Item(String parameter, String pollutant, BigDecimal concentration, String unit, Integer iaqi, String note) {}

    /** The sensitive groups of one pollutant above 100. */
    record Groups(String pollutant, String zh, String en, String ug) {}

    static CalculationView of(AqiStandard standard, AqiResult result) {
        List<Groups> groups = result.subIndices().stream()
                .filter(s -> s.iaqi() != null && s.iaqi() > 100)
                .map(s -> s.indicator().pollutant())
                .distinct()
                .map(p -> standard.sensitiveGroups(p).map(g -> groups(p, g)).orElse(null))
                .filter(Objects::nonNull)
                .toList();
        return new CalculationView(
                result.standard(),
                standard.title(),
                result.aqi(),
                result.category(),
                result.primary().stream().map(Pollutant::label).toList(),
                result.nonAttainment().stream().map(Pollutant::label).toList(),
                result.subIndices().stream()
                        .map(s -> new Item(
                                s.indicator().key(),
                                s.indicator().pollutant().label(),
                                s.concentration(),
                                s.indicator().unit(),
                                s.iaqi(),
                                s.note()))
                        .toList(),
                groups);
    }

    private static Groups groups(Pollutant pollutant, SensitiveGroups g) {
        return new Groups(pollutant.label(), g.zh(), g.en(), g.ug());
    }
}
