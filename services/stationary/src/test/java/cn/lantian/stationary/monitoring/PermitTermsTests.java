package cn.lantian.stationary.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PermitTermsTests {

    private static final LocalDate FROM = LocalDate.parse("2026-01-01");
    private static final LocalDate UNTIL = LocalDate.parse("2026-12-31");

    private static PermitTerms.Version version(
            String number, int version, String recordedAt, String status, double nox) {
        return new PermitTerms.Version(
                number, version, Instant.parse(recordedAt), FROM, UNTIL, status, Map.of("o1|NOx", nox), List.of("o1"));
    }

    @Test
    void eachHourTakesTheVersionRecordedByThenAndEarlierHoursTheFirst() {
        PermitTerms terms = new PermitTerms(List.of(
                version("P1", 2, "2026-06-01T02:00:00Z", "valid", 30),
                version("P1", 1, "2026-03-01T00:00:00Z", "valid", 50)));
        assertThat(terms.at("o1", "NOx", Instant.parse("2026-02-01T00:00:00Z")))
                .isEqualTo(new PermitTerms.Judgement(true, 50.0));
        assertThat(terms.at("o1", "NOx", Instant.parse("2026-06-01T01:00:00Z")).limit())
                .isEqualTo(50.0);
        assertThat(terms.at("o1", "NOx", Instant.parse("2026-06-01T02:00:00Z")).limit())
                .isEqualTo(30.0);
    }

    @Test
    void validityDatesAreDaysInChinaStandardTime() {
        PermitTerms terms = new PermitTerms(List.of(version("P1", 1, "2025-01-01T00:00:00Z", "valid", 50)));
        assertThat(terms.at("o1", "NOx", Instant.parse("2025-12-31T15:00:00Z")).permitted())
                .isFalse();
        assertThat(terms.at("o1", "NOx", Instant.parse("2025-12-31T16:00:00Z")).permitted())
                .isTrue();
        assertThat(terms.at("o1", "NOx", Instant.parse("2026-12-31T15:00:00Z")).permitted())
                .isTrue();
        assertThat(terms.at("o1", "NOx", Instant.parse("2026-12-31T16:00:00Z")))
                .isEqualTo(new PermitTerms.Judgement(false, null));
    }

    @Test
    void aRevokedPermitCoversTheHoursBeforeItsRevocationOnly() {
        PermitTerms terms = new PermitTerms(List.of(
                version("P1", 1, "2026-01-01T00:00:00Z", "valid", 50),
                version("P1", 2, "2026-05-01T08:30:00Z", "revoked", 50)));
        assertThat(terms.at("o1", "NOx", Instant.parse("2026-05-01T08:00:00Z")).permitted())
                .isTrue();
        assertThat(terms.at("o1", "NOx", Instant.parse("2026-05-01T09:00:00Z")).permitted())
                .isFalse();
    }

    @Test
    void theStrictestLimitOfTheCoveringPermitsAppliesAndAPermitWithoutTheOutletCoversNothing() {
        PermitTerms.Version other = new PermitTerms.Version(
                "P2",
                1,
                Instant.parse("2026-01-01T00:00:00Z"),
                FROM,
                UNTIL,
                "valid",
                Map.of("o1|NOx", 40.0, "o1|SO2", 35.0),
                List.of("o1"));
        PermitTerms terms = new PermitTerms(List.of(version("P1", 1, "2026-01-01T00:00:00Z", "valid", 50), other));
        Instant hour = Instant.parse("2026-04-01T00:00:00Z");
        assertThat(terms.at("o1", "NOx", hour).limit()).isEqualTo(40.0);
        assertThat(terms.at("o1", "PM", hour))
                .as("covered, but no PM limit")
                .isEqualTo(new PermitTerms.Judgement(true, null));
        assertThat(terms.at("o2", "NOx", hour).permitted()).isFalse();
    }
}
