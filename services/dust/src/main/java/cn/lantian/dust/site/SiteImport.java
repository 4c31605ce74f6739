package cn.lantian.dust.site;

import cn.lantian.reference.Csv;
import cn.lantian.security.Caller;
import cn.lantian.web.FieldError;
import cn.lantian.web.Forbidden;
import cn.lantian.web.InvalidInput;
import cn.lantian.web.NotFound;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Imports sites from CSV with a report per row; each good row is stored in its own transaction. */
@Component
class SiteImport {

    static final List<String> COLUMNS = List.of(
            "id",
            "project",
            "builderName",
            "builderCreditCode",
            "areaM2",
            "phase",
            "plannedStart",
            "plannedEnd",
            "actualStart",
            "actualEnd",
            "address",
            "lon",
            "lat",
            "status");
    static final int MAX_ROWS = 5000;

    private final SiteService service;

    SiteImport(SiteService service) {
        this.service = service;
    }

    Mono<ImportReport> run(Caller caller, String csv) {
        List<List<String>> raw = Csv.parse(csv);
        if (raw.isEmpty()) {
            throw InvalidInput.of("body", "holds no header row");
        }
        List<String> header = raw.get(0).stream().map(String::trim).toList();
        List<String> missing = COLUMNS.stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw InvalidInput.of("body", "the header lacks the columns " + String.join(", ", missing));
        }
        List<Map<String, String>> rows = Csv.read(csv);
        if (rows.size() > MAX_ROWS) {
            throw InvalidInput.of("body", "at most " + MAX_ROWS + " rows per import");
        }
        AtomicInteger created = new AtomicInteger();
        AtomicInteger updated = new AtomicInteger();
        List<ImportReport.RejectedRow> rejected = new ArrayList<>();
        return Flux.range(0, rows.size())
                .concatMap(i -> {
                    Map<String, String> row = rows.get(i);
                    int line = i + 2;
                    Site site;
                    try {
                        site = service.check(input(row), null);
                    } catch (InvalidInput e) {
                        rejected.add(new ImportReport.RejectedRow(line, row.get("id"), e.errors()));
                        return Mono.empty();
                    }
                    return service.save(caller, site, false)
                            .doOnNext(s -> (s.created() ? created : updated).incrementAndGet())
                            .onErrorResume(Forbidden.class, e -> reject(rejected, line, row, "lon", e.getMessage()))
                            .onErrorResume(
                                    NotFound.class,
                                    e -> reject(
                                            rejected,
                                            line,
                                            row,
                                            "id",
                                            "names a site outside your jurisdiction or agency"));
                })
                .then(Mono.fromSupplier(
                        () -> new ImportReport(rows.size(), created.get(), updated.get(), List.copyOf(rejected))));
    }

    private static <T> Mono<T> reject(
            List<ImportReport.RejectedRow> rejected, int line, Map<String, String> row, String field, String reason) {
        rejected.add(new ImportReport.RejectedRow(line, row.get("id"), List.of(new FieldError(field, reason))));
        return Mono.empty();
    }

    private static SiteInput input(Map<String, String> row) {
        List<FieldError> errors = new ArrayList<>();
        BigDecimal area = decimal(row, "areaM2", errors);
        Double lon = number(row, "lon", errors);
        Double lat = number(row, "lat", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new SiteInput(
                blank(row.get("id")),
                blank(row.get("project")),
                blank(row.get("builderName")),
                blank(row.get("builderCreditCode")),
                area,
                blank(row.get("phase")),
                blank(row.get("plannedStart")),
                blank(row.get("plannedEnd")),
                blank(row.get("actualStart")),
                blank(row.get("actualEnd")),
                blank(row.get("address")),
                lon,
                lat,
                blank(row.get("status")));
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static BigDecimal decimal(Map<String, String> row, String column, List<FieldError> errors) {
        String value = blank(row.get(column));
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(column, "must be a number"));
            return null;
        }
    }

    private static Double number(Map<String, String> row, String column, List<FieldError> errors) {
        BigDecimal value = decimal(row, column, errors);
        return value == null ? null : value.doubleValue();
    }
}
