package cn.lantian.airquality.aqi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One version of an air quality index standard, built from its data file: breakpoint tables, special cases, rounding
 * and categories. Immutable and thread-safe.
 */
public final class AqiStandard {

    /** How an index is turned into an integer. */
    enum Rounding {
        CEILING,
        NEAREST
    }

    /** What happens to a concentration above the table's top. */
    enum Beyond {
        CAP,
        EXTRAPOLATE
    }

    /** What happens to a concentration below the table's first row (EPA 1-hour O3 starts at 0.125 ppm). */
    enum Below {
        ERROR,
        DISREGARD
    }

    /**
     * A breakpoint table with the conversion and truncation the standard applies before looking it up.
     *
     * @param note why this indicator is indexed on another's rows (1-hour PM on the daily rows), else null
     */
    record Table(List<Segment> segments, Integer truncateDecimals, BigDecimal conversion, String note) {

        BigDecimal prepare(BigDecimal c) {
            BigDecimal value = conversion == null ? c : c.multiply(conversion);
            return truncateDecimals == null ? value : value.setScale(truncateDecimals, RoundingMode.DOWN);
        }

        Table aliased(String why) {
            return new Table(segments, truncateDecimals, conversion, why);
        }
    }

    /** Which indicators a report indexes, and where the standard says so. */
    record ReportSpec(List<Indicator> indicators, String source) {}

    /**
     * The missing-data rule: in these reports, an AQI computed without every indicator is published only above
     * {@code publishAbove}; otherwise it is NA and only the single values are published.
     */
    record MissingData(Set<Report> reports, int publishAbove, String source) {}

    /** Concentrations rounded before indexing: decimals per pollutant, half to even (GB/T 8170). */
    record ConcentrationRounding(Map<Pollutant, Integer> decimals, String source) {

        BigDecimal round(Indicator indicator, BigDecimal c) {
            Integer places = decimals.get(indicator.pollutant());
            return places == null ? c : c.setScale(places, RoundingMode.HALF_EVEN);
        }
    }

    private final String id;
    private final String family;
    private final String title;
    private final String source;
    private final LocalDate appliesFrom;
    private final LocalDate appliesUntil;
    private final Rounding rounding;
    private final Beyond beyond;
    private final Below below;
    private final Integer aqiMinimum;
    private final int primaryAbove;
    private final Integer nonAttainmentAbove;
    private final ConcentrationRounding concentrationRounding;
    private final Map<Indicator, Table> tables;
    private final Map<Indicator, String> unconfirmed;
    private final List<Substitution> substitutions;
    private final List<Category> categories;
    private final Map<Report, ReportSpec> reports;
    private final MissingData missingData;
    private final Map<Pollutant, SensitiveGroups> sensitiveGroups;

    AqiStandard(
            String id,
            String family,
            String title,
            String source,
            LocalDate appliesFrom,
            LocalDate appliesUntil,
            Rounding rounding,
            Beyond beyond,
            Below below,
            Integer aqiMinimum,
            int primaryAbove,
            Integer nonAttainmentAbove,
            ConcentrationRounding concentrationRounding,
            Map<Indicator, Table> tables,
            Map<Indicator, String> unconfirmed,
            List<Substitution> substitutions,
            List<Category> categories,
            Map<Report, ReportSpec> reports,
            MissingData missingData,
            Map<Pollutant, SensitiveGroups> sensitiveGroups) {
        this.id = id;
        this.family = family;
        this.title = title;
        this.source = source;
        this.appliesFrom = appliesFrom;
        this.appliesUntil = appliesUntil;
        this.rounding = rounding;
        this.beyond = beyond;
        this.below = below;
        this.aqiMinimum = aqiMinimum;
        this.primaryAbove = primaryAbove;
        this.nonAttainmentAbove = nonAttainmentAbove;
        this.concentrationRounding = concentrationRounding;
        this.tables = Map.copyOf(tables);
        this.unconfirmed = Map.copyOf(unconfirmed);
        this.substitutions = List.copyOf(substitutions);
        this.categories = List.copyOf(categories);
        this.reports = Map.copyOf(reports);
        this.missingData = missingData;
        this.sensitiveGroups = Map.copyOf(sensitiveGroups);
    }

    public String id() {
        return id;
    }

    /** HJ633 or EPA: versions of one family replace each other by date. */
    public String family() {
        return family;
    }

    public String title() {
        return title;
    }

    /** Where every number of this version comes from. */
    public String source() {
        return source;
    }

    public LocalDate appliesFrom() {
        return appliesFrom;
    }

    /** First day this version no longer applies, or null while it is current. */
    public LocalDate appliesUntil() {
        return appliesUntil;
    }

    public List<Category> categories() {
        return categories;
    }

    /** Whether this version indexes the indicator at all (directly or through its real-time table). */
    public boolean indexes(Indicator indicator) {
        return tables.containsKey(indicator) || unconfirmed.containsKey(indicator);
    }

    /** Whether this version's data confirms the breakpoints of every one of these indicators. */
    public boolean confirms(java.util.Collection<Indicator> indicators) {
        return indicators.stream().noneMatch(unconfirmed::containsKey);
    }

    /** The category an AQI falls in. */
    public Category category(int aqi) {
        return categories.stream()
                .filter(c -> c.contains(aqi))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no category for AQI " + aqi + " in " + id));
    }

    /** The indicators of a report (HJ 633-2026 4.2.2, 4.2.3), or empty where this version defines none (EPA). */
    public List<Indicator> indicators(Report report) {
        ReportSpec spec = reports.get(report);
        return spec == null ? List.of() : spec.indicators();
    }

    /**
     * Whether this value is reported by the pollutant's 24-hour mean (HJ 633-2012: 1-hour SO2 above 800), which the
     * caller then has to supply.
     */
    public boolean needsDailyMean(Indicator indicator, BigDecimal concentration) {
        Table table = tables.get(indicator);
        return table != null
                && substitutions.stream()
                        .anyMatch(s -> s.indicator() == indicator
                                && s.use() != null
                                && s.useMinValidHours() != null
                                && table.prepare(rounded(indicator, concentration))
                                                .compareTo(s.above())
                                        > 0);
    }

    /** Hourly values a 24-hour mean computed for a special case needs (the data file's {@code useMinValidHours}). */
    public int dailyMeanMinHours() {
        return substitutions.stream()
                .map(Substitution::useMinValidHours)
                .filter(Objects::nonNull)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(id + " computes no 24-hour mean for a special case"));
    }

    /** Where this version's data says how a report is made (its indicators' source), or null. */
    public String reportSource(Report report) {
        ReportSpec spec = reports.get(report);
        return spec == null ? null : spec.source();
    }

    /** The sensitive groups of a pollutant (HJ 633-2026 Table 2), if this version names them. */
    public Optional<SensitiveGroups> sensitiveGroups(Pollutant pollutant) {
        return Optional.ofNullable(sensitiveGroups.get(pollutant));
    }

    /**
     * Computes every IAQI, the AQI, category, primary and non-attainment pollutants.
     *
     * @param values concentrations by indicator (µg/m³; CO mg/m³); indicators this version does not index are
     *        returned with a note and no IAQI
     * @throws AqiInputException for a negative value, a value only indexable through another one that is missing, or
     *         an indicator whose breakpoints this version's data marks unconfirmed
     */
    public AqiResult compute(Map<Indicator, BigDecimal> values) {
        Map<Indicator, BigDecimal> given = given(values);
        return result(indexAll(given.keySet(), given), List.of(), null);
    }

    /**
     * Like {@link #compute}, but an indicator that cannot be indexed from these values alone (1-hour SO2 above 800
     * needs the 24-hour mean under HJ 633-2012; a row this version marks unconfirmed) is left out instead of failing
     * the whole result.
     */
    public AqiResult computeLeavingOut(Map<Indicator, BigDecimal> values) {
        Map<Indicator, BigDecimal> usable = new EnumMap<>(Indicator.class);
        usable.putAll(values);
        while (true) {
            try {
                return compute(usable);
            } catch (AqiInputException e) {
                usable.remove(Indicator.ofKey(e.parameter()).orElseThrow(() -> e));
            }
        }
    }

    /**
     * One report's AQI: only the report's indicators are indexed (other values serve only a special case, such as the
     * 24-hour SO2 that reports a 1-hour SO2 above 800 under HJ 633-2012); an indicator that is missing or cannot be
     * indexed is left out and listed in {@code missing}; where this version's missing-data rule covers the report, an
     * AQI without every indicator is published only above its threshold, otherwise it is NA.
     */
    public AqiResult report(Report report, Map<Indicator, BigDecimal> values) {
        List<Indicator> wanted = indicators(report);
        Map<Indicator, BigDecimal> given = given(values);
        Set<Indicator> indexed = new LinkedHashSet<>();
        List<Indicator> missing = new ArrayList<>();
        for (Indicator i : wanted) {
            if (given.containsKey(i)) {
                indexed.add(i);
            } else {
                missing.add(i);
            }
        }
        List<SubIndex> subIndices;
        while (true) {
            try {
                subIndices = indexAll(indexed, given);
                break;
            } catch (AqiInputException e) {
                Indicator failed = Indicator.ofKey(e.parameter()).orElseThrow(() -> e);
                if (!indexed.remove(failed)) {
                    throw e;
                }
                missing.add(failed);
            }
        }
        AqiResult full = result(subIndices, missing, null);
        if (missing.isEmpty()
                || missingData == null
                || !missingData.reports().contains(report)
                || full.aqi() != null && full.aqi() > missingData.publishAbove()) {
            return full;
        }
        return new AqiResult(
                id,
                full.subIndices(),
                null,
                null,
                List.of(),
                List.of(),
                List.copyOf(missing),
                "NA: " + missingData.source());
    }

    private static Map<Indicator, BigDecimal> given(Map<Indicator, BigDecimal> values) {
        Map<Indicator, BigDecimal> given = new EnumMap<>(Indicator.class);
        values.forEach((indicator, value) -> {
            if (value != null) {
                given.put(indicator, value);
            }
        });
        return given;
    }

    private List<SubIndex> indexAll(java.util.Collection<Indicator> indicators, Map<Indicator, BigDecimal> given) {
        List<SubIndex> subIndices = new ArrayList<>();
        for (Indicator indicator : indicators) {
            subIndices.add(subIndex(indicator, given.get(indicator), given));
        }
        return subIndices;
    }

    private AqiResult result(List<SubIndex> subIndices, List<Indicator> missing, String note) {
        Integer aqi = subIndices.stream()
                .map(SubIndex::iaqi)
                .filter(Objects::nonNull)
                .max(Integer::compare)
                .orElse(null);
        if (aqi != null && aqiMinimum != null && aqi < aqiMinimum) {
            aqi = aqiMinimum;
        }
        Set<Pollutant> primary = new LinkedHashSet<>();
        Set<Pollutant> over = new LinkedHashSet<>();
        for (SubIndex s : subIndices) {
            if (s.iaqi() == null) {
                continue;
            }
            if (aqi > primaryAbove && s.iaqi().equals(aqi)) {
                primary.add(s.indicator().pollutant());
            }
            if (nonAttainmentAbove != null && s.iaqi() > nonAttainmentAbove) {
                over.add(s.indicator().pollutant());
            }
        }
        return new AqiResult(
                id,
                List.copyOf(subIndices),
                aqi,
                aqi == null ? null : category(aqi),
                List.copyOf(primary),
                List.copyOf(over),
                List.copyOf(missing),
                note);
    }

    /** The IAQI of one value on its own table, without special cases; empty where the standard does not index it. */
    public Optional<Integer> iaqi(Indicator indicator, BigDecimal concentration) {
        return Optional.ofNullable(
                plain(indicator, rounded(indicator, concentration)).iaqi());
    }

    private BigDecimal rounded(Indicator indicator, BigDecimal c) {
        return concentrationRounding == null ? c : concentrationRounding.round(indicator, c);
    }

    private SubIndex subIndex(Indicator indicator, BigDecimal given, Map<Indicator, BigDecimal> all) {
        if (given.signum() < 0) {
            throw new AqiInputException(indicator.key(), "a concentration cannot be negative");
        }
        if (unconfirmed.containsKey(indicator)) {
            throw new AqiInputException(indicator.key(), id + ": " + unconfirmed.get(indicator));
        }
        Table table = tables.get(indicator);
        if (table == null) {
            return new SubIndex(indicator, given, null, "not indexed by " + id);
        }
        BigDecimal c = rounded(indicator, given);
        for (Substitution s : substitutions) {
            if (s.indicator() == indicator && table.prepare(c).compareTo(s.above()) > 0) {
                return substituted(indicator, c, s, all);
            }
        }
        return plain(indicator, c);
    }

    private SubIndex substituted(Indicator indicator, BigDecimal c, Substitution s, Map<Indicator, BigDecimal> given) {
        BigDecimal other = s.use() == null ? null : given.get(s.use());
        Integer iaqi =
                other == null ? null : plain(s.use(), rounded(s.use(), other)).iaqi();
        if (iaqi == null && s.fixedIndex() != null) {
            return new SubIndex(indicator, c, s.fixedIndex(), "counted as " + s.fixedIndex() + ": " + s.source());
        }
        if (other == null) {
            throw new AqiInputException(
                    indicator.key(),
                    "above " + s.above().stripTrailingZeros().toPlainString() + " this value is not indexed; "
                            + s.use().key() + " is needed (" + s.source() + ")");
        }
        return new SubIndex(indicator, c, iaqi, "reported by " + s.use().key() + ": " + s.source());
    }

    private SubIndex plain(Indicator indicator, BigDecimal c) {
        Table table = tables.get(indicator);
        if (table == null) {
            return new SubIndex(indicator, c, null, "not indexed by " + id);
        }
        BigDecimal value = table.prepare(c);
        List<Segment> segments = table.segments();
        Segment first = segments.get(0);
        Segment last = segments.get(segments.size() - 1);
        if (value.compareTo(first.low()) < 0) {
            if (below == Below.DISREGARD) {
                return new SubIndex(indicator, c, null, "below the table's first breakpoint: disregarded by " + id);
            }
            throw new AqiInputException(indicator.key(), "below the table of " + id);
        }
        if (value.compareTo(last.high()) > 0) {
            if (beyond == Beyond.CAP) {
                return new SubIndex(
                        indicator, c, last.indexHigh(), "beyond the table: reported as " + last.indexHigh());
            }
            return new SubIndex(
                    indicator,
                    c,
                    last.rounded(value, rounding == Rounding.CEILING),
                    "beyond the table: extrapolated on its top row");
        }
        Segment segment = null;
        for (Segment s : segments) {
            if (s.contains(value)) {
                segment = s;
                break;
            }
            // Between two EPA rows after truncation cannot happen; keep the row below a gap for safety.
            if (s.low().compareTo(value) <= 0) {
                segment = s;
            }
        }
        return new SubIndex(indicator, c, segment.rounded(value, rounding == Rounding.CEILING), table.note());
    }

    @Override
    public String toString() {
        return id;
    }
}
