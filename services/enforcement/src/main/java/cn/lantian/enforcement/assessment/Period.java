package cn.lantian.enforcement.assessment;

import cn.lantian.web.InvalidInput;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** A half year such as {@code 2024-H1}, bounded in China Standard Time. */
public record Period(String name, int year, Instant start, Instant end) {

    private static final ZoneId CST = ZoneId.of("Asia/Shanghai");

    /** Reads {@code YYYY-H1} or {@code YYYY-H2}. */
    public static Period parse(String text) {
        if (text == null || !text.matches("^[0-9]{4}-H[12]$")) {
            throw InvalidInput.of("period", "must look like 2024-H1 or 2024-H2");
        }
        int year = Integer.parseInt(text.substring(0, 4));
        LocalDate from = LocalDate.of(year, text.endsWith("1") ? 1 : 7, 1);
        return new Period(
                text,
                year,
                from.atStartOfDay(CST).toInstant(),
                from.plusMonths(6).atStartOfDay(CST).toInstant());
    }

    public boolean contains(Instant t) {
        return t != null && !t.isBefore(start) && t.isBefore(end);
    }
}
