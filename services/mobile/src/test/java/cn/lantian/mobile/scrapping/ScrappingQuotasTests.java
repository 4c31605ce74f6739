package cn.lantian.mobile.scrapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lantian.reference.Jurisdictions;
import org.junit.jupiter.api.Test;

/** The shipped quotas: every county has one, each marked unconfirmed with where the real figure should come from. */
class ScrappingQuotasTests {

    private static final Jurisdictions JURISDICTIONS = Jurisdictions.load();

    @Test
    void everyCountyHasAQuotaMarkedUnconfirmedWithItsSource() {
        ScrappingQuotas quotas = new ScrappingQuotas(JURISDICTIONS);
        JURISDICTIONS
                .ofKind(cn.lantian.reference.Jurisdiction.Kind.COUNTY)
                .forEach(county -> assertThat(quotas.of(county.id()))
                        .as(county.id())
                        .hasValueSatisfying(q -> {
                            assertThat(q.annual()).isPositive();
                            assertThat(q.status()).isEqualTo("unconfirmed");
                            assertThat(q.source()).contains("allocation");
                        }));
    }

    @Test
    void aQuotaForAnUnknownUnitOrWithoutSourceIsRefusedAtLoad() {
        assertThatThrownBy(() ->
                        new ScrappingQuotas(JURISDICTIONS, "unit,annual_quota,status,source\n999999,3,unconfirmed,x\n"))
                .hasMessageContaining("unknown unit 999999");
        assertThatThrownBy(() ->
                        new ScrappingQuotas(JURISDICTIONS, "unit,annual_quota,status,source\n653101,3,unconfirmed,\n"))
                .hasMessageContaining("no source");
    }
}
