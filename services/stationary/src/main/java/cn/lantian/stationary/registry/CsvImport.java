package cn.lantian.stationary.registry;

import cn.lantian.reference.Csv;
import cn.lantian.security.Caller;
import cn.lantian.web.Conflict;
import cn.lantian.web.FieldError;
import cn.lantian.web.Forbidden;
import cn.lantian.web.InvalidInput;
import cn.lantian.web.NotFound;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

/**
 * Bulk import of registry records from CSV, row by row through the same checks as the API, each row in its own
 * transaction so that a bad row never takes good ones with it.
 */
@Service
class CsvImport {

    private static final Set<String> FACILITY_COLUMNS =
            Set.of("id", "kind", "enterpriseId", "parentId", "name", "status", "lon", "lat");

    private final RegistryService service;
    private final ObjectMapper json;

    CsvImport(RegistryService service, ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    /** Header: id,creditCode,name,industry,grade,ultraLow,lon,lat. */
    Mono<ImportReport> enterprises(Caller caller, String csv) {
        List<Map<String, String>> rows = Csv.read(csv);
        return Flux.range(0, rows.size())
                .concatMap(i -> {
                    Map<String, String> r = rows.get(i);
                    List<FieldError> errors = new ArrayList<>();
                    Double lon = number(r, "lon", errors);
                    Double lat = number(r, "lat", errors);
                    if (!errors.isEmpty()) {
                        return Mono.just(Row.rejected(i + 2, errors));
                    }
                    EnterpriseInput in = new EnterpriseInput(
                            blank(r.get("id")),
                            r.get("creditCode"),
                            r.get("name"),
                            blank(r.get("industry")),
                            blank(r.get("grade")),
                            blank(r.get("ultraLow")),
                            lon,
                            lat);
                    return outcome(
                            i + 2, service.saveEnterprise(caller, in, null).map(Enterprise::id));
                })
                .collectList()
                .map(list -> report(rows.size(), list));
    }

    /** Header: id,kind,enterpriseId,parentId,name,status,lon,lat and one column per attribute of the kinds imported. */
    Mono<ImportReport> facilities(Caller caller, String csv) {
        List<Map<String, String>> rows = Csv.read(csv);
        return Flux.range(0, rows.size())
                .concatMap(i -> {
                    Map<String, String> r = rows.get(i);
                    List<FieldError> errors = new ArrayList<>();
                    Double lon = number(r, "lon", errors);
                    Double lat = number(r, "lat", errors);
                    FacilityKind kind = FacilityKind.of(r.get("kind")).orElse(null);
                    if (kind == null) {
                        errors.add(new FieldError("kind", "unknown facility kind"));
                    }
                    if (!errors.isEmpty()) {
                        return Mono.just(Row.rejected(i + 2, errors));
                    }
                    Map<String, String> cells = new LinkedHashMap<>(r);
                    cells.keySet().removeAll(FACILITY_COLUMNS);
                    FacilityInput in = new FacilityInput(
                            blank(r.get("id")),
                            r.get("kind"),
                            r.get("enterpriseId"),
                            blank(r.get("parentId")),
                            r.get("name"),
                            blank(r.get("status")),
                            lon,
                            lat,
                            kind.attributesFromText(cells, json));
                    return outcome(i + 2, service.saveFacility(caller, in, null).map(Facility::id));
                })
                .collectList()
                .map(list -> report(rows.size(), list));
    }

    private record Row(int line, String id, List<FieldError> errors) {
        static Row rejected(int line, List<FieldError> errors) {
            return new Row(line, null, errors);
        }
    }

    private static Mono<Row> outcome(int line, Mono<String> saved) {
        return saved.map(id -> new Row(line, id, List.of()))
                .onErrorResume(InvalidInput.class, e -> Mono.just(Row.rejected(line, e.errors())))
                .onErrorResume(
                        Forbidden.class,
                        e -> Mono.just(Row.rejected(line, List.of(new FieldError("lon", e.getMessage())))))
                .onErrorResume(
                        e -> e instanceof Conflict
                                || e instanceof NotFound
                                || e instanceof DataIntegrityViolationException,
                        e -> Mono.just(Row.rejected(line, List.of(new FieldError("id", e.getMessage())))));
    }

    private static ImportReport report(int rows, List<Row> outcomes) {
        return new ImportReport(
                rows,
                outcomes.stream().filter(r -> r.id() != null).map(Row::id).toList(),
                outcomes.stream()
                        .filter(r -> r.id() == null)
                        .map(r -> new ImportReport.RejectedRow(r.line(), r.errors()))
                        .toList());
    }

    private static Double number(Map<String, String> r, String column, List<FieldError> errors) {
        try {
            return Double.valueOf(r.get(column));
        } catch (NumberFormatException | NullPointerException e) {
            errors.add(new FieldError(column, "must be a number"));
            return null;
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
