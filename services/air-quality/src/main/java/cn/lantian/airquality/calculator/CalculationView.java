package cn.lantian.airquality.calculator;

import cn.lantian.airquality.aqi.AqiResult;
import cn.lantian.airquality.aqi.AqiStandard;
import cn.lantian.airquality.aqi.Category;
import cn.lantian.airquality.aqi.Pollutant;
import java.math.BigDecimal;
import java.util.List;

/** What the calculator answers: the standard version, each IAQI, the AQI, its category and primary pollutants. */
record CalculationView(String standard, String standardTitle, Integer aqi, Category category, List<String> primaryPollutants,
        List<String> nonAttainmentPollutants, List<Item> subIndices) {

    /** One parameter's IAQI. */
    record Item(String parameter, String pollutant, BigDecimal concentration, String unit, Integer iaqi, String note) {
    }

    static CalculationView of(AqiStandard standard, AqiResult result) {
        return new CalculationView(result.standard(), standard.title(), result.aqi(), result.category(),
                result.primary().stream().map(Pollutant::label).toList(),
                result.nonAttainment().stream().map(Pollutant::label).toList(),
                result.subIndices().stream().map(s -> new Item(s.indicator().key(), s.indicator().pollutant().label(),
                        s.concentration(), s.indicator().unit(), s.iaqi(), s.note())).toList());
    }
}
