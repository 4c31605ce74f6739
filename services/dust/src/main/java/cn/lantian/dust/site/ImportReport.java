package cn.lantian.dust.site;

import cn.lantian.web.FieldError;
import java.util.List;

/**
 * What a CSV import did, row by row: good rows are stored, bad rows listed with every bad field.
 *
 * @param rows data rows read
 * @param created new sites
 * @param updated replaced sites
 * @param rejected the rows not stored, by line number (the header is line 1)
 */
record ImportReport(int rows, int created, int updated, List<RejectedRow> rejected) {

    /** A row not stored and why. */
    record RejectedRow(int line, String id, List<FieldError> errors) {}
}
