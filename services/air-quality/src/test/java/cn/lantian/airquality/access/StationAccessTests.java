package cn.lantian.airquality.access;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.reference.Jurisdictions;
import cn.lantian.reference.Placement;
import cn.lantian.security.Caller;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StationAccessTests {

    static final double[] TUMXUK = {79.161, 39.8694};

    final StationAccess access = new StationAccess(Jurisdictions.load());

    static Caller caller(String agency, String level, String jurisdiction) {
        return new Caller("u", Set.of(agency), level, jurisdiction, false);
    }

    @Test
    void anOfficerNamesOnlyUnitsTheySpeakFor() {
        Caller corps = caller("ecology", "corps", "xpcc-3");
        assertThat(access.mayReportFor(corps, "xpcc-3")).isTrue();
        assertThat(access.mayReportFor(corps, "xpcc-3-45")).isTrue();
        assertThat(access.mayReportFor(corps, "653125")).isFalse();
        assertThat(access.mayReportFor(corps, "653130"))
                .as("the host county is not the Corps'")
                .isFalse();
        assertThat(access.mayReportFor(caller("housing", "county", "653125"), "653125"))
                .isFalse();
        assertThat(access.mayReportFor(caller("ecology", "prefecture", "653100"), "653125"))
                .isTrue();
    }

    @Test
    void aStationsDataIsWrittenOnlyWhereItsStoredPlaceAgreesWithItsCoordinates() {
        Caller corps = caller("ecology", "corps", "xpcc-3");
        Caller bachu = caller("ecology", "county", "653130");
        Placement tumxuk = new Placement("653130", "xpcc-3");
        assertThat(access.mayWriteStation(corps, tumxuk, TUMXUK[0], TUMXUK[1])).isTrue();
        assertThat(access.mayWriteStation(bachu, tumxuk, TUMXUK[0], TUMXUK[1])).isTrue();
        Placement claimedForShache = new Placement("653125", "xpcc-3");
        assertThat(access.mayWrite(corps, claimedForShache))
                .as("the Corps sees joint records")
                .isTrue();
        assertThat(access.mayWriteStation(corps, claimedForShache, TUMXUK[0], TUMXUK[1]))
                .isFalse();
        assertThat(access.mayWriteStation(
                        caller("ecology", "prefecture", "653100"), claimedForShache, TUMXUK[0], TUMXUK[1]))
                .as("the prefecture corrects it")
                .isTrue();
    }
}
