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
        // The townships are the statistics bureau's list: a nine-digit code of their own county, each with its source.
        assertThat(roster.all()).filteredOn(u -> !u.duty()).hasSize(209).allSatisfy(u -> {
            assertThat(u.id()).matches("\\d{9}").startsWith(u.county());
            assertThat(u.source()).contains("统计用区划代码").contains(u.id());
            assertThat(u.status()).isEqualTo("confirmed");
        });
        assertThat(roster.dutyOf("xpcc-3")).isEmpty();
    }

    @Test
    void theCountySeatsOnceRecalledAreTownsOfTheirCountiesOnTheStatisticsBureausList() {
        DutyRoster roster = DutyRoster.shipped();
        assertThat(roster.unit("653121100")).get().satisfies(u -> {
            assertThat(u.county()).isEqualTo("653121");
            assertThat(u.nameZh()).isEqualTo("托克扎克镇");
            assertThat(u.nameEn()).isEqualTo("Tuokezhake Town");
        });
        assertThat(roster.unit("653126100"))
                .get()
                .extracting(DutyRoster.Unit::nameZh)
                .isEqualTo("喀格勒克镇");
        assertThat(roster.unit("653129100"))
                .get()
                .extracting(DutyRoster.Unit::nameZh)
                .isEqualTo("巴仁镇");
        assertThat(roster.unit("653131100"))
                .get()
                .extracting(DutyRoster.Unit::nameZh)
                .isEqualTo("塔什库尔干镇");
        // 巴仁乡 of Shule and of Kargilik share the name of Peyziwat's town: the code tells them apart.
        assertThat(roster.unitsOf("653122"))
                .filteredOn(u -> u.nameZh().equals("巴仁乡"))
                .singleElement()
                .extracting(DutyRoster.Unit::id)
                .isEqualTo("653122200");
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
