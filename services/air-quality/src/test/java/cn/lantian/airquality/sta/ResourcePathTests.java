package cn.lantian.airquality.sta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourcePathTests {

    @Test
    void navigatesWithIdsToAPropertyValue() {
        ResourcePath p = ResourcePath.parse("Things(1)/Datastreams(14)/Observations(5)/result/$value");
        assertThat(p.segments()).hasSize(3);
        assertThat(p.last().type()).isEqualTo(EntityType.OBSERVATION);
        assertThat(p.last().id()).isEqualTo(5L);
        assertThat(p.property()).isEqualTo("result");
        assertThat(p.value()).isTrue();
        assertThat(p.collection()).isFalse();
    }

    @Test
    void setsAndRefs() {
        ResourcePath p = ResourcePath.parse("Things(1)/Datastreams/$ref");
        assertThat(p.collection()).isTrue();
        assertThat(p.ref()).isTrue();
        ResourcePath single = ResourcePath.parse("Observations(7)/Datastream/Thing");
        assertThat(single.collection()).isFalse();
        assertThat(single.last().type()).isEqualTo(EntityType.THING);
    }

    @Test
    void unknownOrMisplacedSegmentsAreNotFound() {
        for (String bad : new String[] {
            "Stations",
            "Things/Datastreams",
            "Things(1)/Sensor",
            "Observations(1)/Datastream(2)",
            "Things(1)/name/x",
            "Things(x)",
            "Things(1)/$value"
        }) {
            assertThatThrownBy(() -> ResourcePath.parse(bad)).as(bad).isInstanceOf(ResourcePath.NotFoundAtPath.class);
        }
    }

    @Test
    void rawPlusIsASpaceExceptInsideADateTimeOffset() {
        Map<String, String> options = SensorThingsController.queryOptions(
                "$filter=phenomenonTime+ge+2026-12-01T00:00:00+08:00+and+result%20gt%2050&$top=2");
        assertThat(options)
                .containsEntry("$filter", "phenomenonTime ge 2026-12-01T00:00:00+08:00 and result gt 50")
                .containsEntry("$top", "2");
        assertThat(SensorThingsController.queryOptions("$filter=name%20eq%20%27a%2Bb%27"))
                .containsEntry("$filter", "name eq 'a+b'");
    }

    @Test
    void expandPathsNestAndOptionsAreRead() {
        QueryOptions o = QueryOptions.of(
                Map.of("$expand", "Datastreams($top=2;$expand=Observations($orderby=phenomenonTime desc)),Locations"));
        assertThat(o.expand()).hasSize(2);
        QueryOptions.Expand ds = o.expand().get(0);
        assertThat(ds.relation()).isEqualTo("Datastreams");
        assertThat(ds.options().top()).isEqualTo(2);
        assertThat(ds.options().expand().get(0).relation()).isEqualTo("Observations");
        QueryOptions nested = QueryOptions.of(Map.of("$expand", "Datastreams/Sensor"));
        assertThat(nested.expand().get(0).options().expand().get(0).relation()).isEqualTo("Sensor");
        assertThatThrownBy(() -> QueryOptions.of(Map.of("$top", "-1"))).isInstanceOf(QueryException.class);
        assertThatThrownBy(() -> QueryOptions.of(Map.of("$bogus", "1"))).isInstanceOf(QueryException.class);
    }
}
