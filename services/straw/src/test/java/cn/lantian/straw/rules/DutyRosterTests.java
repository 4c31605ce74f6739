package cn.lantian.straw.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lantian.reference.Jurisdiction;
import cn.lantian.reference.Jurisdictions;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DutyRosterTests {

    static final String HEADER = "county,id,nameZh,nameEn,duty,source,status\n";

    @Test
    void everyCountyOfThePrefectureHasOneDutyOfficeOnTheShippedRoster() {
        DutyRoster roster = DutyRoster.shipped();
        for (Jurisdiction county : Jurisdictions.load().ofKind(Jurisdiction.Kind.COUNTY)) {
            assertThat(roster.dutyOf(county.id())).as(county.id()).get().satisfies(u -> {
                assertThat(u.county()).isEqualTo(county.id());
                assertThat(u.nameZh()).isNotBlank();
                assertThat(u.nameEn()).isNotBlank();
            });
        }
        assertThat(roster.all())
                .filteredOn(u -> !u.duty())
                .isNotEmpty()
                .allSatisfy(u -> assertThat(u.status()).isEqualTo("unconfirmed"));
        assertThat(roster.dutyOf("xpcc-3")).isEmpty();
    }

    @Test
    void aRosterWithoutOrWithTwoDutyOfficesForACountyIsRefused() {
        assertThatThrownBy(() -> read(HEADER + "653125,653125-a,甲镇,A Town,no,x,unconfirmed\n"))
                .hasMessageContaining("county 653125 needs exactly one duty unit, has 0");
        assertThatThrownBy(() -> read(HEADER
                        + "653125,653125-a,甲,A,yes,x,platform choice\n"
                        + "653125,653125-b,乙,B,yes,x,platform choice\n"))
                .hasMessageContaining("has 2");
        assertThatThrownBy(() -> read(HEADER
                        + "653125,653125-a,甲,A,yes,x,platform choice\n"
                        + "653124,653125-a,乙,B,yes,x,platform choice\n"))
                .hasMessageContaining("repeats");
        assertThatThrownBy(() -> read(HEADER + "653125,653125-a,甲,A,maybe,x,platform choice\n"))
                .hasMessageContaining("duty is yes or no");
        assertThatThrownBy(() -> read("county,id\n")).hasMessageContaining("must start with the header");
    }

    @Test
    void aCountysOwnRosterReplacesTheShippedOne() {
        DutyRoster own = read(HEADER
                + "653125,653125-office,莎车县禁烧办,Yarkant burning office,yes,county roster 2026,confirmed\n"
                + "653125,653125-awat,阿瓦提镇,Awat Town,no,county roster 2026,confirmed\n");
        assertThat(own.dutyOf("653125")).get().extracting(DutyRoster.Unit::id).isEqualTo("653125-office");
        assertThat(own.unitsOf("653125"))
                .extracting(DutyRoster.Unit::id)
                .containsExactly("653125-office", "653125-awat");
        assertThat(own.unit("653125-awat"))
                .get()
                .extracting(DutyRoster.Unit::county)
                .isEqualTo("653125");
    }

    private static DutyRoster read(String csv) {
        return DutyRoster.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "test roster");
    }
}
