package cn.lantian.dust.monitor;

import cn.lantian.dust.web.Checks;
import cn.lantian.web.FieldError;
import cn.lantian.web.InvalidInput;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks readings, naming each bad one by its position ({@code [3].pm10}): a known shape, a time with offset no more
 * than five minutes ahead and not older than the accepted age, concentrations within an instrument's range.
 */
final class ReadingChecks {

    static final int MAX_BATCH = 10_000;
    static final double MAX_CONCENTRATION = 20_000;
    static final Duration MAX_AGE = Duration.ofDays(400);

    private ReadingChecks() {}

    static List<Reading> check(List<ReadingInput> inputs, Clock clock) {
        if (inputs == null || inputs.isEmpty()) {
            throw InvalidInput.of("body", "holds no reading");
        }
        if (inputs.size() > MAX_BATCH) {
            throw InvalidInput.of("body", "at most " + MAX_BATCH + " readings per batch");
        }
        Instant now = clock.instant();
        List<FieldError> errors = new ArrayList<>();
        List<Reading> readings = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            ReadingInput in = inputs.get(i);
            String p = "[" + i + "].";
            if (in == null) {
                errors.add(new FieldError("[" + i + "]", "must be a reading object"));
                continue;
            }
            int before = errors.size();
            String monitor = in.monitorId();
            if (monitor == null || monitor.isBlank()) {
                errors.add(new FieldError(p + "monitorId", "is required"));
            } else if (Checks.textProblem(monitor, 64) != null) {
                errors.add(new FieldError(p + "monitorId", Checks.textProblem(monitor, 64)));
            }
            Instant at = null;
            if (in.at() == null) {
                errors.add(new FieldError(p + "at", "is required"));
            } else {
                try {
                    at = OffsetDateTime.parse(in.at()).toInstant();
                    if (at.isAfter(now.plus(Duration.ofMinutes(5)))) {
                        errors.add(new FieldError(p + "at", "must not be in the future"));
                    } else if (at.isBefore(now.minus(MAX_AGE))) {
                        errors.add(new FieldError(p + "at", "must not be older than " + MAX_AGE.toDays() + " days"));
                    }
                } catch (DateTimeParseException e) {
                    errors.add(new FieldError(
                            p + "at", "must be a date and time with offset, such as " + "2026-12-01T10:05:00+08:00"));
                }
            }
            concentration(errors, p + "pm10", in.pm10(), true);
            concentration(errors, p + "pm25", in.pm25(), false);
            concentration(errors, p + "tsp", in.tsp(), false);
            if (errors.size() == before) {
                readings.add(new Reading(monitor, at, in.pm10(), in.pm25(), in.tsp()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return readings;
    }

    private static void concentration(List<FieldError> errors, String field, Double value, boolean required) {
        if (value == null) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
        } else if (value.isNaN() || value < 0 || value > MAX_CONCENTRATION) {
            errors.add(new FieldError(field, "must be between 0 and " + (int) MAX_CONCENTRATION + " µg/m³"));
        }
    }
}
