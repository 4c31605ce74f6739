package cn.lantian.greening.project;

import cn.lantian.greening.geo.Siting;
import cn.lantian.greening.rules.Areas;
import cn.lantian.greening.rules.Rules;
import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The project and survival-check tables. */
@Repository
class Projects {

    private static final String SELECT = """
            select p.id, p.name, p.programme, p.species, p.planting_season, p.planting_year, p.planned_ha, p.planted_ha,
                   p.boundary::text as boundary, p.boundary_ha, p.jurisdiction, p.corps_unit, p.shares::text as shares,
                   p.chief_county, p.chief_township, p.chief_village,
                   s.id as s_id, s.checked_on, s.rate_percent, s.verdict, s.replanted_ha, s.note
              from project p
              left join lateral (select * from survival_check c where c.project_id = p.id
                                  order by c.checked_on desc limit 1) s on true
            """;

    /** A stored share, as written in {@code project.shares}. */
    record StoredShare(String unit, double hectares, double share) {}

    /** List filters; null means any. */
    record Filter(List<String> visible, String jurisdiction, String programme, Integer year, String after, int limit) {}

    private final DatabaseClient db;
    private final JsonMapper json;
    private final Rules rules;

    Projects(DatabaseClient db, JsonMapper json, Rules rules) {
        this.db = db;
        this.json = json;
        this.rules = rules;
    }

    Mono<Void> insert(
            String id,
            ProjectInput in,
            double plannedHa,
            double plantedHa,
            JsonNode boundary,
            Siting.Site site,
            boolean demo) {
        List<StoredShare> shares = site.shares().stream()
                .map(s -> new StoredShare(s.unit(), s.hectares(), s.share()))
                .toList();
        ProjectInput.ForestChief chief = in.forestChief();
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        insert into project (id, name, programme, species, planting_season, planting_year, planned_ha,
                            planted_ha, boundary, boundary_ha, jurisdiction, corps_unit, shares, chief_county,
                            chief_township, chief_village, demo)
                        values (:id, :name, :programme, :species, :season, :year, :planned, :planted, :boundary::jsonb,
                            :boundaryHa, :jurisdiction, :corps, :shares::jsonb, :chiefCounty, :chiefTownship,
                            :chiefVillage, :demo)""")
                .bind("id", id)
                .bind("name", in.name())
                .bind("programme", in.programme())
                .bind("species", in.species().toArray(String[]::new))
                .bind("season", in.plantingSeason())
                .bind("year", in.plantingYear())
                .bind("planned", plannedHa)
                .bind("planted", plantedHa)
                .bind("boundary", boundary.toString())
                .bind("boundaryHa", site.hectares())
                .bind("jurisdiction", site.placement().jurisdiction())
                .bind("shares", json.writeValueAsString(shares))
                .bind("chiefCounty", chief.county())
                .bind("demo", demo);
        spec = bindNullable(spec, "corps", site.placement().corpsUnit());
        spec = bindNullable(spec, "chiefTownship", chief.township());
        spec = bindNullable(spec, "chiefVillage", chief.village());
        return spec.then();
    }

    Mono<Project> find(String id) {
        return db.sql(SELECT + " where p.id = :id")
                .bind("id", id)
                .map(this::project)
                .one();
    }

    Flux<Project> list(Filter f) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where true");
        List<Object[]> binds = new ArrayList<>();
        if (f.visible() != null) {
            sql.append(" and (p.jurisdiction = any(:visible) or p.corps_unit = any(:visible))");
            binds.add(new Object[] {"visible", f.visible().toArray(String[]::new)});
        }
        if (f.jurisdiction() != null) {
            sql.append(" and (p.jurisdiction = :jurisdiction or p.corps_unit = :jurisdiction)");
            binds.add(new Object[] {"jurisdiction", f.jurisdiction()});
        }
        if (f.programme() != null) {
            sql.append(" and p.programme = :programme");
            binds.add(new Object[] {"programme", f.programme()});
        }
        if (f.year() != null) {
            sql.append(" and p.planting_year = :year");
            binds.add(new Object[] {"year", f.year()});
        }
        if (f.after() != null) {
            sql.append(" and p.id > :after");
            binds.add(new Object[] {"after", f.after()});
        }
        sql.append(" order by p.id limit :limit");
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString()).bind("limit", f.limit() + 1);
        for (Object[] b : binds) {
            spec = spec.bind((String) b[0], b[1]);
        }
        return spec.map(this::project).all();
    }

    /** Sets the planted area to date. */
    Mono<Void> planted(String id, double hectares) {
        return db.sql("update project set planted_ha = :ha, updated_at = now() where id = :id")
                .bind("ha", hectares)
                .bind("id", id)
                .then();
    }

    Mono<Boolean> insertSurvival(
            String id,
            String projectId,
            LocalDate checkedOn,
            double rate,
            String verdict,
            double replantedHa,
            String note) {
        return bindNullable(
                        db.sql("""
                        insert into survival_check (id, project_id, checked_on, rate_percent, verdict, replanted_ha, note)
                        values (:id, :project, :on, :rate, :verdict, :replanted, :note)
                        on conflict (project_id, checked_on) do nothing""")
                                .bind("id", id)
                                .bind("project", projectId)
                                .bind("on", checkedOn)
                                .bind("rate", rate)
                                .bind("verdict", verdict)
                                .bind("replanted", replantedHa),
                        "note",
                        note)
                .fetch()
                .rowsUpdated()
                .map(n -> n == 1);
    }

    Flux<Project.Survival> survivals(String projectId) {
        return db.sql("select id, checked_on, rate_percent, verdict, replanted_ha, note from survival_check "
                        + "where project_id = :p order by checked_on")
                .bind("p", projectId)
                .map(r -> new Project.Survival(
                        r.get("id", String.class),
                        r.get("checked_on", LocalDate.class).toString(),
                        r.get("rate_percent", Double.class),
                        r.get("verdict", String.class),
                        Areas.of(r.get("replanted_ha", Double.class), rules),
                        r.get("note", String.class)))
                .all();
    }

    private Project project(Readable r) {
        List<StoredShare> stored = Arrays.asList(json.readValue(r.get("shares", String.class), StoredShare[].class));
        Project.Survival survival = r.get("s_id", String.class) == null
                ? null
                : new Project.Survival(
                        r.get("s_id", String.class),
                                r.get("checked_on", LocalDate.class).toString(),
                        r.get("rate_percent", Double.class), r.get("verdict", String.class),
                        Areas.of(r.get("replanted_ha", Double.class), rules), r.get("note", String.class));
        return new Project(
                r.get("id", String.class),
                r.get("name", String.class),
                r.get("programme", String.class),
                List.of(r.get("species", String[].class)),
                r.get("planting_season", String.class),
                r.get("planting_year", Integer.class),
                Areas.of(r.get("planned_ha", Double.class), rules),
                Areas.of(r.get("planted_ha", Double.class), rules),
                Areas.of(r.get("boundary_ha", Double.class), rules),
                r.get("jurisdiction", String.class),
                r.get("corps_unit", String.class),
                stored.stream()
                        .map(s -> new Project.PlacedShare(
                                s.unit(), Areas.of(s.hectares(), rules), Math.round(s.share() * 10_000) / 10_000.0))
                        .toList(),
                new ProjectInput.ForestChief(
                        r.get("chief_county", String.class),
                        r.get("chief_township", String.class),
                        r.get("chief_village", String.class)),
                survival,
                json.readTree(r.get("boundary", String.class)));
    }

    static DatabaseClient.GenericExecuteSpec bindNullable(
            DatabaseClient.GenericExecuteSpec spec, String name, Object value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }
}
