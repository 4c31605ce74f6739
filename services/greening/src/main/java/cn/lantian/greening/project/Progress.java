package cn.lantian.greening.project;

import cn.lantian.greening.access.Access;
import cn.lantian.greening.rules.Areas;
import cn.lantian.greening.rules.Rules;
import cn.lantian.reference.Jurisdiction;
import cn.lantian.reference.Jurisdictions;
import cn.lantian.security.Caller;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Afforestation progress of one planting year per county and per Corps unit: planned and planted area, and the
 * planted area weighted by each project's latest survival rate. A project on Corps land counts for its county and for
 * its Corps unit, and a regiment's projects count for its division too (a division's row is the division's whole
 * work, so its regiments' rows are parts of it, not additions to it); projects not yet checked are shown apart, not
 * weighted in.
 */
@Component
public class Progress {

    /** One unit's progress in a year. */
    public record Row(
            String unit,
            String name,
            String kind,
            long projects,
            Areas planned,
            Areas planted,
            Areas checkedPlanted,
            Areas surviving,
            Areas unchecked,
            Double survivalPercent) {}

    private final DatabaseClient db;
    private final Jurisdictions jurisdictions;
    private final Access access;
    private final Rules rules;

    Progress(DatabaseClient db, Jurisdictions jurisdictions, Access access, Rules rules) {
        this.db = db;
        this.jurisdictions = jurisdictions;
        this.access = access;
        this.rules = rules;
    }

    private record Sums(long projects, double planned, double planted, double checked, double surviving) {

        Sums plus(Sums o) {
            return new Sums(
                    projects + o.projects,
                    planned + o.planned,
                    planted + o.planted,
                    checked + o.checked,
                    surviving + o.surviving);
        }
    }

    /** The rows of every county and Corps unit the caller sees, zero where nothing was planted. */
    public Mono<List<Row>> of(Caller caller, int year) {
        List<String> visible = access.visibleUnits(caller);
        return db.sql("""
                        with latest as (
                            select distinct on (project_id) project_id, rate_percent
                              from survival_check order by project_id, checked_on desc),
                        placed as (
                            select p.id, p.jurisdiction as unit, p.planned_ha, p.planted_ha from project p
                             where p.planting_year = :year
                            union all
                            select p.id, p.corps_unit, p.planned_ha, p.planted_ha from project p
                             where p.planting_year = :year and p.corps_unit is not null
                               and p.corps_unit <> p.jurisdiction)
                        select x.unit, count(*) as n, sum(x.planned_ha) as planned, sum(x.planted_ha) as planted,
                               coalesce(sum(x.planted_ha) filter (where l.rate_percent is not null), 0) as checked,
                               coalesce(sum(x.planted_ha * l.rate_percent / 100), 0) as surviving
                          from placed x left join latest l on l.project_id = x.id
                         group by x.unit""")
                .bind("year", year)
                .map(r -> Map.entry(
                        r.get("unit", String.class),
                        new Sums(
                                r.get("n", Long.class),
                                r.get("planned", Double.class),
                                r.get("planted", Double.class),
                                r.get("checked", Double.class),
                                r.get("surviving", Double.class))))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new)
                .map(this::rolledUp)
                .map(sums -> jurisdictions.all().stream()
                        .filter(j -> j.kind() == Jurisdiction.Kind.COUNTY || j.isCorps())
                        .filter(j -> visible == null || visible.contains(j.id()))
                        .map(j -> row(j, sums.getOrDefault(j.id(), new Sums(0, 0, 0, 0, 0))))
                        .toList());
    }

    /** The sums with each Corps unit's added to every Corps unit above it (a regiment's to its division). */
    private Map<String, Sums> rolledUp(Map<String, Sums> own) {
        Map<String, Sums> all = new HashMap<>(own);
        own.forEach((unit, sums) -> {
            Optional<Jurisdiction> above = jurisdictions.byId(unit).flatMap(this::parent);
            while (above.isPresent() && above.get().isCorps()) {
                all.merge(above.get().id(), sums, Sums::plus);
                above = parent(above.get());
            }
        });
        return all;
    }

    private Optional<Jurisdiction> parent(Jurisdiction j) {
        return j.parent() == null ? Optional.empty() : jurisdictions.byId(j.parent());
    }

    private Row row(Jurisdiction j, Sums s) {
        Double percent = s.checked() > 0 ? Math.round(s.surviving() / s.checked() * 1000) / 10.0 : null;
        return new Row(
                j.id(),
                j.nameZh(),
                j.isCorps() ? "corps" : "county",
                s.projects(),
                Areas.of(s.planned(), rules),
                Areas.of(s.planted(), rules),
                Areas.of(s.checked(), rules),
                Areas.of(s.surviving(), rules),
                Areas.of(s.planted() - s.checked(), rules),
                percent);
    }
}
