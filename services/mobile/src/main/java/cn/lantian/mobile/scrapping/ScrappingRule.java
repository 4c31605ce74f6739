package cn.lantian.mobile.scrapping;

import cn.lantian.mobile.vehicle.Vehicle;
import cn.lantian.mobile.vehicle.Vocabulary;
import cn.lantian.reference.Csv;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which vehicles the plan orders scrapped: an operating diesel truck of China III or below, meaning certified before
 * China IV applied to all new heavy diesel vehicles (the date marked {@code used} in {@code rules/china-iv-dates.csv}),
 * or recorded at stage III or lower; and every lean-burn or petrol-to-gas converted gas vehicle.
 */
@Component
class ScrappingRule {

    static final String OLD_DIESEL = "diesel-china-iii-and-below";
    static final String OLD_GAS = "lean-burn-or-converted-gas";
    static final List<String> OLD_STAGES = List.of("China I", "China II", "China III");
    static final List<String> GAS_FUELS = List.of("lean-burn-gas", "converted-petrol-gas");
    static final String SOURCE = "喀什地区空气质量持续改善行动实施方案 三.七";

    private final LocalDate chinaIvForAll;
    private final String dateSource;

    ScrappingRule() {
        this(text());
    }

    ScrappingRule(String stageDatesCsv) {
        List<Map<String, String>> used = Csv.read(stageDatesCsv).stream()
                .filter(r -> "China IV".equals(r.get("stage")) && "true".equals(r.get("used")))
                .toList();
        if (used.size() != 1) {
            throw new IllegalStateException("exactly one China IV date must be marked used, not " + used.size());
        }
        this.chinaIvForAll = LocalDate.parse(used.get(0).get("applies_to_all_from"));
        this.dateSource = used.get(0).get("source");
    }

    /** The date from which China IV applied to all new heavy diesel vehicles, as the rule uses it. */
    LocalDate chinaIvForAll() {
        return chinaIvForAll;
    }

    String dateSource() {
        return dateSource;
    }

    /** Why the vehicle must be scrapped, or empty when it need not. */
    Optional<String> reasonFor(Vehicle v) {
        if ("diesel".equals(v.fuel())
                && v.operatingFreight()
                && Vocabulary.truck(v.kind())
                && (v.certifiedOn().isBefore(chinaIvForAll) || OLD_STAGES.contains(v.emissionStage()))) {
            return Optional.of(OLD_DIESEL);
        }
        if (GAS_FUELS.contains(v.fuel())) {
            return Optional.of(OLD_GAS);
        }
        return Optional.empty();
    }

    private static String text() {
        try (InputStream in = ScrappingRule.class.getClassLoader().getResourceAsStream("rules/china-iv-dates.csv")) {
            if (in == null) {
                throw new IllegalStateException("rules/china-iv-dates.csv is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
