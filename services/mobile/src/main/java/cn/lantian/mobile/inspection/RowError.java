package cn.lantian.mobile.inspection;

import cn.lantian.web.FieldError;
import java.util.List;

/**
 * A row of an upload that was not taken, and why.
 *
 * @param row the row's number: its line in CSV (the header is line 1), its position from 1 in a JSON array
 */
public record RowError(int row, List<FieldError> errors) {}
