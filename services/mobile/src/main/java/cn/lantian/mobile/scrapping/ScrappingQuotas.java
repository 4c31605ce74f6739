package cn.lantian.mobile.scrapping;

import cn.lantian.reference.Csv;
import cn.lantian.reference.Jurisdictions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** The annual scrapping quotas of {@code rules/scrapping-quotas.csv}, per county and Corps unit, with their status. */
@Component
class ScrappingQuotas {

    /** One unit's annual quota. */
    record Quota(String unit, int annual, String status, String source) {}

    private final Map<String, Quota> quotas = new LinkedHashMap<>();

    @Autowired
    ScrappingQuotas(Jurisdictions jurisdictions) {
        this(jurisdictions, text());
    }

    ScrappingQuotas(Jurisdictions jurisdictions, String csv) {
        for (Map<String, String> r : Csv.read(csv)) {
            String unit = r.get("unit");
            if (jurisdictions.byId(unit).isEmpty()) {
                throw new IllegalStateException("scrapping quota for unknown unit " + unit);
            }
            if (blank(r.get("status")) || blank(r.get("source"))) {
                throw new IllegalStateException("scrapping quota of " + unit + " names no source or status");
            }
            int annual = Integer.parseInt(r.get("annual_quota"));
            if (annual < 0) {
                throw new IllegalStateException("scrapping quota of " + unit + " is negative");
            }
            if (quotas.put(unit, new Quota(unit, annual, r.get("status"), r.get("source"))) != null) {
                throw new IllegalStateException("scrapping quota of " + unit + " given twice");
            }
        }
    }

    Optional<Quota> of(String unit) {
        return Optional.ofNullable(quotas.get(unit));
    }

    Map<String, Quota> all() {
        return quotas;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String text() {
        try (InputStream in =
                ScrappingQuotas.class.getClassLoader().getResourceAsStream("rules/scrapping-quotas.csv")) {
            if (in == null) {
                throw new IllegalStateException("rules/scrapping-quotas.csv is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
