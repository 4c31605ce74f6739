package cn.lantian.airquality.calculator;

import cn.lantian.airquality.aqi.AqiInputException;
import cn.lantian.airquality.aqi.AqiStandard;
import cn.lantian.airquality.aqi.AqiStandards;
import cn.lantian.airquality.aqi.Indicator;
import cn.lantian.web.FieldError;
import cn.lantian.web.InvalidInput;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/public/v1/aqi/calculate}: the AQI of concentrations given as query parameters, without a token. */
@RestController
class CalculatorController {

    private static final String STANDARD = "standard";

    private final AqiStandards standards;
    private final AirQualityProperties properties;

    CalculatorController(AqiStandards standards, AirQualityProperties properties) {
        this.standards = standards;
        this.properties = properties;
    }

    /**
     * Computes the AQI. Parameters are indicator keys such as {@code pm25_24h=80} or {@code pm10_1h=707}
     * (µg/m³; CO in mg/m³) and an optional {@code standard} (HJ633-2012, HJ633-2026, EPA-2024).
     */
    @GetMapping("/api/public/v1/aqi/calculate")
    CalculationView calculate(@RequestParam MultiValueMap<String, String> query) {
        List<FieldError> violations = new ArrayList<>();
        String standardId =
                query.getFirst(STANDARD) == null ? properties.calculatorDefaultStandard() : query.getFirst(STANDARD);
        AqiStandard standard = standards.byId(standardId).orElse(null);
        if (standard == null) {
            violations.add(
                    new FieldError(STANDARD, "unknown standard '" + standardId + "'; one of " + standards.ids()));
        }
        Map<Indicator, BigDecimal> values = new EnumMap<>(Indicator.class);
        query.forEach((name, texts) -> {
            if (STANDARD.equals(name)) {
                return;
            }
            Indicator indicator = Indicator.ofKey(name).orElse(null);
            if (indicator == null) {
                violations.add(new FieldError(name, "unknown parameter"));
            } else if (texts.size() != 1) {
                violations.add(new FieldError(name, "give it once"));
            } else {
                parse(name, texts.get(0), violations).ifPresent(v -> values.put(indicator, v));
            }
        });
        if (values.isEmpty() && violations.isEmpty()) {
            violations.add(new FieldError("query", "give at least one concentration, e.g. pm25_24h=80"));
        }
        if (standard != null) {
            values.keySet().stream()
                    .filter(i -> !standard.indexes(i))
                    .forEach(i -> violations.add(
                            new FieldError(i.key(), standard.id() + " has no breakpoints for this averaging period")));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        try {
            return CalculationView.of(standard, standard.compute(values));
        } catch (AqiInputException e) {
            throw InvalidInput.of(e.parameter(), e.getMessage());
        }
    }

    private static java.util.Optional<BigDecimal> parse(String name, String text, List<FieldError> violations) {
        try {
            BigDecimal value = new BigDecimal(text.trim());
            if (value.signum() < 0) {
                violations.add(new FieldError(name, "must not be negative"));
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(value);
        } catch (NumberFormatException e) {
            violations.add(new FieldError(name, "not a number: '" + text + "'"));
            return java.util.Optional.empty();
        }
    }
}
