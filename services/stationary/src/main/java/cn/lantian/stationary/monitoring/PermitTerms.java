package cn.lantian.stationary.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The permit terms an hourly value is judged by: those in force at the value's hour, not today's. The version of a
 * permit in force at an hour is the last one recorded by then; an hour before the permit was first recorded (a paper
 * permit entered later, an old value sent late) takes the first recorded version. That version covers the outlet at
 * the hour when it limits the outlet, is not revoked, and its validity dates (China Standard Time) hold the hour.
 */
final class PermitTerms {

    /** Permit dates are calendar days in China Standard Time. */
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** One recorded version of a permit, with its limits keyed outlet|pollutant and the outlets it covers. */
    record Version(
            String number,
            int version,
            Instant recordedAt,
            LocalDate validFrom,
            LocalDate validUntil,
            String status,
            Map<String, Double> limits,
            List<String> outlets) {}

    /**
     * How an hour of an outlet stands under its permits.
     *
     * @param permitted whether a permit covered the outlet at that hour
     * @param limit the strictest limit in force for the pollutant, or null (no permit, or the permit sets none)
     */
    record Judgement(boolean permitted, Double limit) {}

    private final Map<String, List<Version>> byPermit = new HashMap<>();

    PermitTerms(List<Version> versions) {
        versions.forEach(v ->
                byPermit.computeIfAbsent(v.number(), k -> new ArrayList<>()).add(v));
        byPermit.values().forEach(list -> list.sort(Comparator.comparingInt(Version::version)));
    }

    /** The terms that applied to the outlet's pollutant at the hour. */
    Judgement at(String outletId, String pollutant, Instant hour) {
        LocalDate day = hour.atZone(ZONE).toLocalDate();
        boolean permitted = false;
        Double limit = null;
        for (List<Version> versions : byPermit.values()) {
            Version v = inForce(versions, hour);
            if (!v.outlets().contains(outletId)
                    || "revoked".equals(v.status())
                    || day.isBefore(v.validFrom())
                    || day.isAfter(v.validUntil())) {
                continue;
            }
            permitted = true;
            Double l = v.limits().get(outletId + "|" + pollutant);
            if (l != null && (limit == null || l < limit)) {
                limit = l;
            }
        }
        return new Judgement(permitted, limit);
    }

    private static Version inForce(List<Version> versions, Instant hour) {
        Version chosen = versions.get(0);
        for (Version v : versions) {
            if (!v.recordedAt().isAfter(hour)) {
                chosen = v;
            }
        }
        return chosen;
    }
}
