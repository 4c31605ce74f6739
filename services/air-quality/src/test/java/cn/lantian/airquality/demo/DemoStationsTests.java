package cn.lantian.airquality.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.reference.Jurisdictions;
import org.junit.jupiter.api.Test;

class DemoStationsTests {

    @Test
    void everyDemoStationIsPlacedWhereItsCoordinatesLieSoItsOfficersMayWriteIt() {
        Jurisdictions jurisdictions = Jurisdictions.load();
        assertThat(DemoStations.load(jurisdictions))
                .hasSizeGreaterThan(15)
                .allSatisfy(d -> assertThat(jurisdictions.admits(
                                d.station().placement(),
                                d.station().longitude(),
                                d.station().latitude()))
                        .as(d.station().id())
                        .isTrue());
    }

    @Test
    void everyDemoStationHasAUyghurNameWrittenInUyghurScript() {
        assertThat(DemoStations.load(Jurisdictions.load()))
                .allSatisfy(d -> assertThat(d.station().nameUg())
                        .as(d.station().id())
                        .isNotBlank()
                        .matches("[\\p{IsArabic}0-9 ()-]+"));
    }
}
