package cn.lantian.enforcement.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CampaignTests {

    static Campaign.Task task(String id, String team, String target) {
        return new Campaign.Task(id, "case-" + id, null, team, target, "pending", null, null, List.of(), null, null);
    }

    final Campaign campaign = new Campaign(
            "c",
            "autumn",
            "ecology",
            LocalDate.of(2024, 10, 1),
            LocalDate.of(2024, 10, 31),
            "coordinator",
            Instant.EPOCH,
            List.of(new Pairing("653125", "xpcc-3"), new Pairing("653101", "653130")),
            List.of(task("1", "653125", "xpcc-3"), task("2", "653101", "653130"), task("3", "653125", "xpcc-3")));

    @Test
    void aParticipantKeepsOnlyTheirPairingsAndThoseTasks() {
        Campaign shache = campaign.onlyPairings(p -> p.team().equals("653125"));
        assertThat(shache.pairings()).containsExactly(new Pairing("653125", "xpcc-3"));
        assertThat(shache.tasks()).extracting(Campaign.Task::id).containsExactly("1", "3");
        assertThat(shache.agency()).isEqualTo("ecology");
    }

    @Test
    void noPairingLeavesNoTask() {
        Campaign none = campaign.onlyPairings(p -> false);
        assertThat(none.pairings()).isEmpty();
        assertThat(none.tasks()).isEmpty();
    }
}
