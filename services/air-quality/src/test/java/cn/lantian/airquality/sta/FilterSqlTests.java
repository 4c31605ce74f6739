package cn.lantian.airquality.sta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class FilterSqlTests {

    private static String sql(EntityType type, String filter, SqlParameters params) {
        return new FilterSql(params).condition(FilterParser.parse(filter), type, "e");
    }

    @Test
    void thingOfADatastreamIsAnIndexedColumnOfTheObservation() {
        SqlParameters p = new SqlParameters();
        String where = sql(EntityType.OBSERVATION, "Datastream/Thing/id eq 3", p);
        assertThat(where).isEqualTo("(e.thing_id = :p0)");
        assertThat(p.values()).containsExactly(3L);
    }

    @Test
    void intervalStartBoundIsRepeatedOnTheIndexedEnd() {
        SqlParameters p = new SqlParameters();
        String where = sql(EntityType.OBSERVATION, "phenomenonTime ge 2026-11-01T00:00:00Z", p);
        assertThat(where).isEqualTo("(e.phenomenon_start >= :p0 and e.phenomenon_end >= :p0)");
        assertThat(p.values()).containsExactly(OffsetDateTime.parse("2026-11-01T00:00:00Z"));
    }

    @Test
    void observationIdIsItsDatastreamAndHour() {
        SqlParameters p = new SqlParameters();
        long id = 14 * EntityType.HOURS_PER_DATASTREAM + 497_000;
        String where = sql(EntityType.OBSERVATION, "id eq " + id, p);
        assertThat(where).isEqualTo("(e.datastream_id = :p0 and e.phenomenon_end = :p1)");
        assertThat(p.values().get(0)).isEqualTo(14L);
        assertThat(p.values().get(1)).isEqualTo(OffsetDateTime.parse("2026-09-12T08:00:00Z"));
    }

    @Test
    void deeperSingleHopsBecomeSubqueriesAndValuesAreBound() {
        SqlParameters p = new SqlParameters();
        String where = sql(EntityType.OBSERVATION, "Datastream/ObservedProperty/name eq 'PM2.5'", p);
        assertThat(where)
                .isEqualTo(
                        "((select (select t1.name from sta_observed_properties t1 where t1.id = t0.observed_property_id)"
                                + " from sta_datastreams t0 where t0.id = e.datastream_id) = :p0)");
        assertThat(p.values()).containsExactly("PM2.5");
    }

    @Test
    void jsonMembersAreReadAsText() {
        SqlParameters p = new SqlParameters();
        String where = sql(EntityType.THING, "properties/kind eq 'national'", p);
        assertThat(where).isEqualTo("(e.properties #>> :p0::text[] = :p1)");
        assertThat(p.values()).containsExactly("{kind}", "national");
    }

    @Test
    void nullComparisonsUseIsNull() {
        assertThat(sql(EntityType.OBSERVATION, "parameters eq null", new SqlParameters()))
                .isEqualTo("(e.parameters is null)");
    }

    @Test
    void refusesUnknownPropertiesSetsAndFunctions() {
        assertThatThrownBy(() -> sql(EntityType.THING, "colour eq 'red'", new SqlParameters()))
                .isInstanceOf(QueryException.class);
        assertThatThrownBy(() -> sql(EntityType.THING, "Datastreams/name eq 'x'", new SqlParameters()))
                .isInstanceOf(QueryException.class);
        assertThatThrownBy(() -> sql(EntityType.THING, "geo.intersects(location, 'x')", new SqlParameters()))
                .isInstanceOf(QueryException.class);
        assertThatThrownBy(() -> sql(EntityType.THING, "name", new SqlParameters()))
                .isInstanceOf(QueryException.class);
    }
}
