package cn.lantian.indexer.search;

import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the search API, under {@code lantian.search}.
 *
 * @param defaultPageSize results per page when {@code size} is not given
 * @param maxPageSize the largest {@code size} accepted
 * @param timeZone the zone whose calendar days the by-day aggregation counts (Kashgar keeps Beijing time officially)
 * @param prefectureOnlyDomains domains whose events only the prefecture may search, whatever their jurisdiction
 * @param minRadiusKm the smallest {@code radius} accepted, in kilometres
 * @param maxRadiusKm the largest {@code radius} accepted, in kilometres
 */
@ConfigurationProperties("lantian.search")
record SearchProperties(
        int defaultPageSize,
        int maxPageSize,
        String timeZone,
        Set<String> prefectureOnlyDomains,
        double minRadiusKm,
        double maxRadiusKm) {

    SearchProperties {
        defaultPageSize = defaultPageSize <= 0 ? 20 : defaultPageSize;
        maxPageSize = maxPageSize <= 0 ? 200 : maxPageSize;
        timeZone = timeZone == null ? "Asia/Shanghai" : timeZone;
        prefectureOnlyDomains = prefectureOnlyDomains == null ? Set.of("audit") : Set.copyOf(prefectureOnlyDomains);
        if (!(minRadiusKm > 0) || !(maxRadiusKm >= minRadiusKm) || !Double.isFinite(maxRadiusKm)) {
            throw new IllegalArgumentException("lantian.search.min-radius-km and max-radius-km must be finite, "
                    + "positive and in order, got " + minRadiusKm + " and " + maxRadiusKm);
        }
    }
}
