package cn.lantian.indexer.index;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where events live: one index per domain and calendar month (UTC) of the event's own {@code time},
 * {@code <prefix>events-<domain>-<yyyy.MM>}, all behind the joint alias {@code <prefix>events}. The month comes from
 * the event and never from the moment it is indexed, so an event always maps to the same index, and
 * {@code op_type=create} with document id = event id keeps a replay, however late, from becoming a second document.
 */
public final class IndexLayout {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu.MM");

    private final String prefix;
    private final int monthsByName;

    public IndexLayout(IndexerProperties properties) {
        this.prefix = properties.indexPrefix();
        this.monthsByName = properties.searchMonthsByName();
    }

    /** The joint alias every search of all months reads. */
    public String alias() {
        return prefix + "events";
    }

    /** The name of the composable index template of the monthly indices (the alias's name). */
    public String templateName() {
        return prefix + "events";
    }

    /** The pattern of every monthly index, the template's {@code index_patterns}. */
    public String pattern() {
        return prefix + "events-*";
    }

    /** The index of one domain's events of one month. */
    public String index(String domain, YearMonth month) {
        return prefix + "events-" + domain + "-" + month.format(MONTH);
    }

    /** The index of one domain in the former layout, without months ({@link LegacyIndices} moves its documents). */
    public String legacyIndex(String domain) {
        return prefix + "events-" + domain;
    }

    /** The index of an event of that domain and time. */
    public String index(String domain, OffsetDateTime time) {
        return index(domain, monthOf(time.toInstant()));
    }

    /** The calendar month in UTC that an instant falls in. */
    public static YearMonth monthOf(Instant instant) {
        return YearMonth.from(instant.atOffset(ZoneOffset.UTC));
    }

    /** Every domain's index of one month, as an index expression. */
    public String month(YearMonth month) {
        return prefix + "events-*-" + month.format(MONTH);
    }

    /**
     * The month of a monthly index of this layout, or empty when the name is not one (another prefix, the alias, an
     * index of the former per-domain layout).
     */
    public Optional<YearMonth> monthOf(String index) {
        if (!index.startsWith(prefix + "events-") || index.length() < prefix.length() + "events-x-uuuu.MM".length()) {
            return Optional.empty();
        }
        String suffix = index.substring(index.length() - "uuuu.MM".length());
        if (index.charAt(index.length() - "uuuu.MM".length() - 1) != '-') {
            return Optional.empty();
        }
        try {
            return Optional.of(YearMonth.parse(suffix, MONTH));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * What a search between two instants reads: the indices of the months the range touches, named, when both ends
     * are given and the range spans at most {@code search-months-by-name} months; otherwise the joint alias. Events
     * outside the range in those months are still filtered out by the query; this only spares the other months'
     * shards.
     *
     * @param from inclusive start, or null
     * @param to exclusive end, or null
     */
    public List<String> searchTargets(Instant from, Instant to) {
        if (from == null || to == null) {
            return List.of(alias());
        }
        YearMonth first = monthOf(from);
        YearMonth last = to.isAfter(from) ? monthOf(to.minusNanos(1)) : first;
        if (first.plusMonths(monthsByName).isBefore(last.plusMonths(1))) {
            return List.of(alias());
        }
        List<String> targets = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            targets.add(month(m));
        }
        return targets;
    }
}
