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
    enum Rounding { CEILING, NEAREST }

    /** What happens to a concentration above the table's top. */
    enum Beyond { CAP, EXTRAPOLATE }

    /** What happens to a concentration below the table's first row (EPA 1-hour O3 starts at 0.125 ppm). */
    enum Below { ERROR, DISREGARD }

    /** A breakpoint table with the conversion and truncation the standard applies before looking it up. */
    record Table(List<Segment> segments, Integer truncateDecimals, BigDecimal conversion) {

        BigDecimal prepare(BigDecimal c) {
            BigDecimal value = conversion == null ? c : c.multiply(conversion);
            return truncateDecimals == null ? value : value.setScale(truncateDecimals, RoundingMode.DOWN);
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
    private final int primaryAbove;
    private final int nonAttainmentAbove;
    private final Map<Indicator, Table> tables;
    private final Map<Indicator, String> unconfirmed;
    private final List<Substitution> substitutions;
    private final List<Category> categories;

    AqiStandard(String id, String family, String title, String source, LocalDate appliesFrom, LocalDate appliesUntil,
            Rounding rounding, Beyond beyond, Below below, int primaryAbove, int nonAttainmentAbove,
            Map<Indicator, Table> tables, Map<Indicator, String> unconfirmed, List<Substitution> substitutions,
            List<Category> categories) {
        this.id = id;
        this.family = family;
        this.title = title;
        this.source = source;
        this.appliesFrom = appliesFrom;
        this.appliesUntil = appliesUntil;
        this.rounding = rounding;
        this.beyond = beyond;
        this.below = below;
        this.primaryAbove = primaryAbove;
        this.nonAttainmentAbove = nonAttainmentAbove;
        this.tables = Map.copyOf(tables);
        this.unconfirmed = Map.copyOf(unconfirmed);
        this.substitutions = List.copyOf(substitutions);
        this.categories = List.copyOf(categories);
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
        return categories.stream().filter(c -> c.contains(aqi)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no category for AQI " + aqi + " in " + id));
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
        Map<Indicator, BigDecimal> given = new EnumMap<>(Indicator.class);
        values.forEach((indicator, value) -> {
            if (value != null) {
                given.put(indicator, value);
            }
        });
        List<SubIndex> subIndices = new ArrayList<>();
        for (Map.Entry<Indicator, BigDecimal> e : given.entrySet()) {
            subIndices.add(subIndex(e.getKey(), e.getValue(), given));
        }
        Integer aqi = subIndices.stream().map(SubIndex::iaqi).filter(Objects::nonNull).max(Integer::compare).orElse(null);
        Set<Pollutant> primary = new LinkedHashSet<>();
        Set<Pollutant> over = new LinkedHashSet<>();
        for (SubIndex s : subIndices) {
            if (s.iaqi() == null) {
                continue;
            }
            if (aqi > primaryAbove && s.iaqi().equals(aqi)) {
                primary.add(s.indicator().pollutant());
            }
            if (s.iaqi() > nonAttainmentAbove) {
                over.add(s.indicator().pollutant());
            }
        }
        return new AqiResult(id, List.copyOf(subIndices), aqi, aqi == null ? null : category(aqi), List.copyOf(primary),
                List.copyOf(over));
    }

    /**
     * Like {@link #compute}, but an indicator that cannot be indexed from these values alone (1-hour SO2 above 800
     * needs the 24-hour mean; a row this version marks unconfirmed) is left out instead of failing the whole result.
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

    /** The IAQI of one value on its own table, without special cases; empty where the standard does not index it. */
    public Optional<Integer> iaqi(Indicator indicator, BigDecimal concentration) {
        return Optional.ofNullable(plain(indicator, concentration).iaqi());
    }

    private SubIndex subIndex(Indicator indicator, BigDecimal c, Map<Indicator, BigDecimal> given) {
        if (c.signum() < 0) {
            throw new AqiInputException(indicator.key(), "a concentration cannot be negative");
        }
        if (unconfirmed.containsKey(indicator)) {
            throw new AqiInputException(indicator.key(), id + ": " + unconfirmed.get(indicator));
        }
        Table table = tables.get(indicator);
        if (table == null) {
            return new SubIndex(indicator, c, null, "not indexed by " + id);
        }
        for (Substitution s : substitutions) {
            if (s.indicator() == indicator && table.prepare(c).compareTo(s.above()) > 0) {
                return substituted(indicator, c, s, given);
            }
        }
        return plain(indicator, c);
    }

    private SubIndex substituted(Indicator indicator, BigDecimal c, Substitution s, Map<Indicator, BigDecimal> given) {
        BigDecimal other = given.get(s.use());
        Integer iaqi = other == null ? null : plain(s.use(), other).iaqi();
        if (iaqi == null && s.fallbackIndex() != null) {
            return new SubIndex(indicator, c, s.fallbackIndex(), "fixed at " + s.fallbackIndex() + ": " + s.source());
        }
        if (other == null) {
            throw new AqiInputException(indicator.key(), "above " + s.above().stripTrailingZeros().toPlainString()
                    + " this value is not indexed; " + s.use().key() + " is needed (" + s.source() + ")");
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
                return new SubIndex(indicator, c, last.indexHigh(), "beyond the table: reported as " + last.indexHigh());
            }
            return new SubIndex(indicator, c, last.rounded(value, rounding == Rounding.CEILING),
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
        return new SubIndex(indicator, c, segment.rounded(value, rounding == Rounding.CEILING), null);
    }

    @Override
    public String toString() {
        return id;
    }
}
