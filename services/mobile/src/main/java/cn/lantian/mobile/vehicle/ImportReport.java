package cn.lantian.mobile.vehicle;

import cn.lantian.web.FieldError;
import java.util.List;

/**
 * What a CSV import did: every valid row imported, every invalid row listed with why; nothing dropped silently.
 *
 * @param rows data rows read (header excluded)
 */
public record ImportReport(int rows, List<String> imported, List<RejectedRow> rejected) {

    /** A row that was not imported, with its line in the file (the header is line 1). */
    public record RejectedRow(int line, List<FieldError> errors) {}
}
