package cn.lantian.stationary;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Operational settings of the service (not rule numbers: those live in the rule table).
 *
 * @param gapHours hours without a valid CEMS value that raise a data gap
 * @param escalationHours consecutive exceeding hours that escalate
 * @param expiryWarningDays days before a permit ends that raise the warning
 */
@ConfigurationProperties("lantian.stationary")
public record StationaryProperties(int gapHours, int escalationHours, int expiryWarningDays) {

    public StationaryProperties {
        gapHours = gapHours <= 0 ? 6 : gapHours;
        escalationHours = escalationHours <= 0 ? 3 : escalationHours;
        expiryWarningDays = expiryWarningDays <= 0 ? 90 : expiryWarningDays;
    }
}
