package cn.lantian.airquality.alert;

import cn.lantian.airquality.access.StationAccess;
import cn.lantian.reference.Jurisdictions;
import cn.lantian.reference.Placement;
import cn.lantian.security.Callers;
import cn.lantian.web.FieldError;
import cn.lantian.web.Forbidden;
import cn.lantian.web.InvalidInput;
import cn.lantian.web.TextLength;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Forecast intake ({@code POST /api/air-quality/v1/forecasts}) and the public alert list with history. */
@RestController
class AlertsController {

    private final AlertCycle cycle;
    private final StationAccess policy;
    private final Jurisdictions jurisdictions;
    private final Alerts alerts;

    AlertsController(AlertCycle cycle, StationAccess policy, Jurisdictions jurisdictions, Alerts alerts) {
        this.cycle = cycle;
        this.policy = policy;
        this.jurisdictions = jurisdictions;
        this.alerts = alerts;
    }

    /**
     * A county's forecast of daily AQI for the coming days; {@code drill} for an exercise, whose alert is marked as a
     * drill wherever it shows.
     */
    record Forecast(
            @Size(max = TextLength.CODE) String county,
            @Size(max = TextLength.ID) String issuedAt,
            @Valid List<Day> days,
            Boolean drill) {

        /** One forecast day; {@code dust} when sand and dust drive it. */
        record Day(@Size(max = TextLength.CODE) String day, Integer aqi, Boolean dust) {}
    }

    @PostMapping("/api/air-quality/v1/forecasts")
    Mono<AlertCycle.Outcome> forecast(@Valid @RequestBody Forecast forecast) {
        List<FieldError> errors = new ArrayList<>();
        if (forecast.county() == null || jurisdictions.byId(forecast.county()).isEmpty()) {
            errors.add(new FieldError("county", "not a known jurisdiction: " + forecast.county()));
        }
        Instant issuedAt = null;
        try {
            issuedAt = forecast.issuedAt() == null
                    ? Instant.now()
                    : OffsetDateTime.parse(forecast.issuedAt()).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            errors.add(new FieldError("issuedAt", "an ISO-8601 time with offset"));
        }
        List<ForecastDay> days = new ArrayList<>();
        if (forecast.days() == null || forecast.days().isEmpty()) {
            errors.add(new FieldError("days", "at least one forecast day"));
        } else {
            for (int i = 0; i < forecast.days().size(); i++) {
                Forecast.Day d = forecast.days().get(i);
                try {
                    LocalDate day = LocalDate.parse(d.day());
                    if (d.aqi() == null || d.aqi() < 0) {
                        errors.add(new FieldError("days[" + i + "].aqi", "a non-negative integer"));
                    } else {
                        days.add(new ForecastDay(day, d.aqi(), Boolean.TRUE.equals(d.dust())));
                    }
                } catch (RuntimeException e) {
                    errors.add(new FieldError("days[" + i + "].day", "a date like 2024-12-15"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        Instant at = issuedAt;
        return Callers.current().flatMap(caller -> {
            if (!policy.mayWrite(caller, new Placement(forecast.county(), null))) {
                return Mono.error(
                        new Forbidden("forecasts for " + forecast.county() + " are outside your jurisdiction"));
            }
            return cycle.forecast(
                    forecast.county(),
                    at,
                    days.stream()
                            .sorted(java.util.Comparator.comparing(ForecastDay::day))
                            .toList(),
                    Boolean.TRUE.equals(forecast.drill()));
        });
    }

    /** Alerts, newest first: {@code active=true} for the current ones only, {@code county} to filter. */
    @GetMapping("/api/public/v1/alerts")
    Mono<List<Alerts.AlertView>> alerts(
            @RequestParam(required = false) String county, @RequestParam(defaultValue = "false") boolean active) {
        return alerts.list(county, active).collectList();
    }
}
