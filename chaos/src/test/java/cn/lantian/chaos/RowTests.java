package cn.lantian.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RowTests {

    @Test
    void aRunWhoseEveryEventHasOneCaseAndOneDocumentPasses() {
        Row row = Row.of("poison", 1000, new Tally.Counts(1000, 1000, 1000, 1000), 2.5);

        assertThat(row.lost()).isZero();
        assertThat(row.duplicated()).isZero();
        assertThat(row.passed()).isTrue();
    }

    @Test
    void anEventMissingFromTheIndexIsLostEvenIfItsCaseExists() {
        Row row = Row.of("es node killed", 1000, new Tally.Counts(1000, 1000, 1000, 998), 4.0);

        assertThat(row.lost()).isEqualTo(2);
        assertThat(row.passed()).isFalse();
    }

    @Test
    void aCaseOpenedTwiceOrAnExtraCaseOpenedEventCountsAsDuplicated() {
        Row twice = Row.of("killed after commit", 1000, new Tally.Counts(1001, 1000, 1001, 1000), 1.0);
        Row extraEvent = Row.of("killed before mark", 1000, new Tally.Counts(1000, 1000, 1003, 1000), 1.0);

        assertThat(twice.duplicated()).isEqualTo(1);
        assertThat(extraEvent.duplicated()).isEqualTo(3);
        assertThat(twice.passed()).isFalse();
    }

    @Test
    void aRunThatNeverRecoveredFailsAndSaysSo() {
        Row row = Row.of("broker restart", 10, new Tally.Counts(10, 10, 10, 10), -1);

        assertThat(row.passed()).isFalse();
        assertThat(row.format()).contains("never");
    }

    @Test
    void eventsAreStableSoThatARepublishIsTheSameEvent() {
        assertThat(Exceedances.id("r1", 7)).isEqualTo(Exceedances.id("r1", 7));
        assertThat(Exceedances.event("r1", 7)).contains("\"id\":\"chaos-r1-7\"", "outlet/chaos-r1-7/DA001");
        assertThat(Exceedances.poison("r1", 7)).doesNotContain("\"type\"");
    }
}
