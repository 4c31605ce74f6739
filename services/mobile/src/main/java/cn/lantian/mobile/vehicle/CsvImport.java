package cn.lantian.mobile.vehicle;

import cn.lantian.reference.Csv;
import cn.lantian.security.Caller;
import cn.lantian.web.Conflict;
import cn.lantian.web.FieldError;
import cn.lantian.web.Forbidden;
import cn.lantian.web.InvalidInput;
import cn.lantian.web.NotFound;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Bulk registration from CSV, row by row through the same checks as the API, each row in its own transaction so that
 * a bad row never takes good ones with it. Header: id,plate,vin,kind,fuel,emissionStage,certifiedOn,
 * operatingFreight,owner,home.
 */
@Service
class CsvImport {

    private final VehicleService service;

    CsvImport(VehicleService service) {
        this.service = service;
    }

    Mono<ImportReport> vehicles(Caller caller, String csv) {
        List<Map<String, String>> rows = Csv.read(csv);
        return Flux.range(0, rows.size())
                .concatMap(i -> {
                    Map<String, String> r = rows.get(i);
                    List<FieldError> errors = new ArrayList<>();
                    LocalDate certified = null;
                    try {
                        certified = blank(r.get("certifiedOn")) == null ? null : LocalDate.parse(r.get("certifiedOn"));
                    } catch (DateTimeParseException e) {
                        errors.add(new FieldError("certifiedOn", "must be a date YYYY-MM-DD"));
                    }
                    Boolean freight =
                            switch (String.valueOf(r.get("operatingFreight")).toLowerCase()) {
                                case "true", "yes", "1" -> Boolean.TRUE;
                                case "false", "no", "0" -> Boolean.FALSE;
                                default -> null;
                            };
                    if (freight == null) {
                        errors.add(new FieldError("operatingFreight", "must be true or false"));
                    }
                    if (!errors.isEmpty()) {
                        return Mono.just(new Row(i + 2, null, errors));
                    }
                    VehicleInput in = new VehicleInput(
                            blank(r.get("id")),
                            r.get("plate"),
                            r.get("vin"),
                            r.get("kind"),
                            r.get("fuel"),
                            r.get("emissionStage"),
                            certified,
                            freight,
                            r.get("owner"),
                            r.get("home"));
                    return service.save(caller, in, null)
                            .map(v -> new Row(i + 2, v.id(), List.of()))
                            .onErrorResume(InvalidInput.class, e -> Mono.just(new Row(i + 2, null, e.errors())))
                            .onErrorResume(
                                    Forbidden.class,
                                    e -> Mono.just(
                                            new Row(i + 2, null, List.of(new FieldError("home", e.getMessage())))))
                            .onErrorResume(
                                    e -> e instanceof Conflict
                                            || e instanceof NotFound
                                            || e instanceof DataIntegrityViolationException,
                                    e -> Mono.just(new Row(
                                            i + 2,
                                            null,
                                            List.of(new FieldError(
                                                    "plate", "a vehicle with this id, plate or VIN is registered")))));
                })
                .collectList()
                .map(list -> new ImportReport(
                        rows.size(),
                        list.stream().filter(r -> r.id() != null).map(Row::id).toList(),
                        list.stream()
                                .filter(r -> r.id() == null)
                                .map(r -> new ImportReport.RejectedRow(r.line(), r.errors()))
                                .toList()));
    }

    private record Row(int line, String id, List<FieldError> errors) {}

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
