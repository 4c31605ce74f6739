package cn.lantian.straw.firepoint;

import cn.lantian.straw.csv.Csv;
import cn.lantian.web.FieldError;
import cn.lantian.web.InvalidInput;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Reads FIRMS active-fire CSV as NASA publishes it, in its two dialects: MODIS ({@code brightness}, {@code bright_t31},
 * confidence 0-100) and VIIRS ({@code bright_ti4}, {@code bright_ti5}, confidence l/n/h), with the archive's optional
 * {@code type} column. {@code acq_date} + {@code acq_time} (HHMM, leading zeros optional) are UTC.
 */
final class FirmsParser {

    /** The dialect of a file, told by its brightness column. */
    enum Dialect {
        MODIS("brightness"),
        VIIRS("bright_ti4");

        final String brightness;

        Dialect(String brightness) {
            this.brightness = brightness;
        }
    }

    /** What a body held: the good detections and the rows refused with their reasons. */
    record Parsed(Dialect dialect, List<Detection> detections, List<RowResult> rejected, int rows) {}

    private static final List<String> REQUIRED =
            List.of("latitude", "longitude", "acq_date", "acq_time", "satellite", "confidence", "frp");
    private static final Pattern TIME = Pattern.compile("^\\d{1,4}$");
    private static final Pattern SATELLITE = Pattern.compile("^[A-Za-z0-9 _-]{1,16}$");
    private static final Pattern PERCENT = Pattern.compile("^\\d{1,3}$");
    private static final int MAX_REASONS = 1;
    /** Files of at least this many rows are read on several threads; fewer are not worth the hand-over. */
    private static final int PARALLEL_FROM = 2000;

    private FirmsParser() {}

    /**
     * Parses a whole body.
     *
     * @throws InvalidInput when the header is not a FIRMS header (the body is refused whole)
     */
    static Parsed parse(String body) {
        List<Csv.Row> rows = Csv.parse(body);
        if (rows.isEmpty()) {
            throw InvalidInput.of("body", "holds no FIRMS header");
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = rows.get(0).fields();
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        Dialect dialect = columns.containsKey(Dialect.MODIS.brightness)
                ? Dialect.MODIS
                : columns.containsKey(Dialect.VIIRS.brightness) ? Dialect.VIIRS : null;
        List<FieldError> missing = new ArrayList<>();
        if (dialect == null) {
            missing.add(new FieldError("header", "needs brightness (MODIS) or bright_ti4 (VIIRS)"));
        }
        for (String column : REQUIRED) {
            if (!columns.containsKey(column)) {
                missing.add(new FieldError("header", "needs column " + column));
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidInput(missing);
        }
        List<Csv.Row> lines = rows.subList(1, rows.size());
        int n = lines.size();
        Detection[] read = new Detection[n];
        RowResult[] refused = new RowResult[n];
        // A day's file takes milliseconds; a season's takes seconds: read the rows on every core. Days repeat
        // throughout a file, so each distinct acq_date is parsed once.
        Map<String, LocalDate> days = new ConcurrentHashMap<>();
        IntStream indexes = IntStream.range(0, n);
        (n >= PARALLEL_FROM ? indexes.parallel() : indexes).forEach(i -> {
            List<String> reasons = new ArrayList<>(MAX_REASONS);
            Detection d = detection(lines.get(i), columns, dialect, reasons, days);
            if (d == null) {
                refused[i] = RowResult.rejected(lines.get(i).line(), String.join("; ", reasons));
            } else {
                read[i] = d;
            }
        });
        List<Detection> detections = new ArrayList<>(n);
        List<RowResult> rejected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (read[i] != null) {
                detections.add(read[i]);
            } else {
                rejected.add(refused[i]);
            }
        }
        return new Parsed(dialect, detections, rejected, n);
    }

    private static Detection detection(
            Csv.Row row,
            Map<String, Integer> columns,
            Dialect dialect,
            List<String> reasons,
            Map<String, LocalDate> days) {
        List<String> f = row.fields();
        Double lat = number(f, columns, "latitude", -90, 90, true, reasons);
        Double lon = number(f, columns, "longitude", -180, 180, true, reasons);
        Double brightness = number(f, columns, dialect.brightness, 0, 2000, false, reasons);
        Double frp = number(f, columns, "frp", 0, 100000, false, reasons);
        java.time.Instant at = null;
        LocalDate day = null;
        LocalTime clock = null;
        String date = text(f, columns, "acq_date");
        String time = text(f, columns, "acq_time");
        day = date == null ? null : days.get(date);
        if (day == null) {
            try {
                day = LocalDate.parse(date == null ? "" : date);
                days.putIfAbsent(date, day);
            } catch (DateTimeParseException e) {
                reasons.add("acq_date: not a date YYYY-MM-DD");
            }
        }
        if (time != null
                && TIME.matcher(time).matches()
                && Integer.parseInt(time) / 100 < 24
                && Integer.parseInt(time) % 100 < 60) {
            clock = LocalTime.of(Integer.parseInt(time) / 100, Integer.parseInt(time) % 100);
        } else {
            reasons.add("acq_time: not a time of day HHMM");
        }
        if (day != null && clock != null) {
            at = day.atTime(clock).toInstant(ZoneOffset.UTC);
        }
        String satellite = text(f, columns, "satellite");
        if (satellite == null || !SATELLITE.matcher(satellite).matches()) {
            reasons.add("satellite: missing or not a satellite name");
        }
        String confidence = confidence(text(f, columns, "confidence"), dialect, reasons);
        String instrument = text(f, columns, "instrument");
        if (instrument == null) {
            instrument = dialect.name();
        } else if (!instrument.equalsIgnoreCase("MODIS") && !instrument.equalsIgnoreCase("VIIRS")) {
            reasons.add("instrument: not MODIS or VIIRS");
        }
        String daynight = text(f, columns, "daynight");
        if (daynight != null && !daynight.equals("D") && !daynight.equals("N")) {
            reasons.add("daynight: not D or N");
        }
        Integer type = null;
        String typeText = text(f, columns, "type");
        if (typeText != null) {
            if (typeText.length() == 1 && typeText.charAt(0) >= '0' && typeText.charAt(0) <= '3') {
                type = typeText.charAt(0) - '0';
            } else {
                reasons.add("type: not 0, 1, 2 or 3");
            }
        }
        if (!reasons.isEmpty()) {
            return null;
        }
        return new Detection(
                row.line(),
                lat,
                lon,
                at,
                satellite,
                instrument.toUpperCase(Locale.ROOT),
                confidence,
                brightness,
                frp,
                daynight,
                type);
    }

    private static String confidence(String value, Dialect dialect, List<String> reasons) {
        if (value == null) {
            reasons.add("confidence: missing");
            return null;
        }
        if (dialect == Dialect.VIIRS) {
            String v = value.toLowerCase(Locale.ROOT);
            String letter = switch (v) {
                case "l", "low" -> "l";
                case "n", "nominal" -> "n";
                case "h", "high" -> "h";
                default -> null;
            };
            if (letter == null) {
                reasons.add("confidence: not l, n or h");
            }
            return letter;
        }
        if (!PERCENT.matcher(value).matches() || Integer.parseInt(value) > 100) {
            reasons.add("confidence: not a whole number 0-100");
            return null;
        }
        return String.valueOf(Integer.parseInt(value));
    }

    private static String text(List<String> fields, Map<String, Integer> columns, String name) {
        Integer i = columns.get(name);
        if (i == null || i >= fields.size()) {
            return null;
        }
        String v = fields.get(i).trim();
        return v.isEmpty() ? null : v;
    }

    private static Double number(
            List<String> fields,
            Map<String, Integer> columns,
            String name,
            double min,
            double max,
            boolean required,
            List<String> reasons) {
        String v = text(fields, columns, name);
        if (v == null) {
            if (required) {
                reasons.add(name + ": missing");
            }
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            if (Double.isNaN(d)
                    || d < min
                    || d > max
                    || v.endsWith("d")
                    || v.endsWith("f")
                    || v.endsWith("D")
                    || v.endsWith("F")) {
                reasons.add(name + ": not a number from " + fmt(min) + " to " + fmt(max));
                return null;
            }
            return d;
        } catch (NumberFormatException e) {
            reasons.add(name + ": not a number");
            return null;
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
