package cn.lantian.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessRecordTests {

    @Test
    void namesTheOutcomeOfEachStatus() {
        assertThat(AccessRecord.outcomeOf(200)).isEqualTo("allowed");
        assertThat(AccessRecord.outcomeOf(201)).isEqualTo("allowed");
        assertThat(AccessRecord.outcomeOf(302)).isEqualTo("allowed");
        assertThat(AccessRecord.outcomeOf(401)).isEqualTo("denied");
        assertThat(AccessRecord.outcomeOf(403)).isEqualTo("denied");
        assertThat(AccessRecord.outcomeOf(429)).isEqualTo("denied");
        assertThat(AccessRecord.outcomeOf(400)).isEqualTo("failed");
        assertThat(AccessRecord.outcomeOf(413)).isEqualTo("failed");
        assertThat(AccessRecord.outcomeOf(502)).isEqualTo("failed");
    }

    @Test
    void takesTheCallerFromTheToken() {
        Caller caller = new Caller("housing-shache", Set.of("housing"), "county", "653125", false);
        AccessRecord record =
                AccessRecord.of(caller, "POST", "/api/dust/v1/sites", "653125", 201, "r-1", Instant.EPOCH);
        assertThat(record.principal()).isEqualTo("housing-shache");
        assertThat(record.agencies()).containsExactly("housing");
        assertThat(record.agency()).isEqualTo("housing");
        assertThat(record.outcome()).isEqualTo("allowed");
        assertThat(record.placedIn()).isEqualTo("653125");
    }

    @Test
    void isPlacedInTheTargetElseTheCallersJurisdictionElseThePrefecture() {
        AccessRecord foreign = new AccessRecord(
                "p", List.of(), "county", "653101", "GET", "/x", "xpcc-3-41", "allowed", 200, null, Instant.EPOCH);
        assertThat(foreign.placedIn()).isEqualTo("xpcc-3-41");
        AccessRecord garbage = new AccessRecord(
                "p", List.of(), "county", "653101", "GET", "/x", "<script>", "allowed", 200, null, Instant.EPOCH);
        assertThat(garbage.placedIn()).isEqualTo("653101");
        AccessRecord nowhere =
                new AccessRecord("p", null, "none", null, "GET", "/x", null, "allowed", 200, null, Instant.EPOCH);
        assertThat(nowhere.placedIn()).isEqualTo("653100");
        assertThat(nowhere.agency()).isNull();
    }
}
