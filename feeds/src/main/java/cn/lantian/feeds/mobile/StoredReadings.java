package cn.lantian.feeds.mobile;

import cn.lantian.feeds.AgencyApi;
import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Where each site's readings stand in mobile: the newest reading stored at the site's place
 * ({@code GET /api/mobile/v1/readings/latest}, the agency's token), so that a restart resumes instead of resending.
 */
@FunctionalInterface
interface StoredReadings {

    /** The time of the newest remote-sensing reading mobile holds at {@code site}, empty when it holds none. */
    Optional<Instant> latest(Site site) throws IOException;

    /** The read of the mobile service behind {@code mobile}, with one token for the reads of one catch-up. */
    static StoredReadings of(AgencyApi mobile) throws IOException {
        String token = mobile.token();
        return site -> {
            JsonNode answer = mobile.get(
                    String.format(
                            Locale.ROOT,
                            "/api/mobile/v1/readings/latest?check=remote-sensing&lon=%s&lat=%s",
                            site.lon(),
                            site.lat()),
                    token);
            JsonNode at = answer.path("at");
            return at.isMissingNode() || at.isNull() ? Optional.empty() : Optional.of(Instant.parse(at.asString()));
        };
    }
}
