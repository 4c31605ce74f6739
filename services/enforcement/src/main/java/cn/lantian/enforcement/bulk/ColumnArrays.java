package cn.lantian.enforcement.bulk;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Rows of text values sent as one text array per column ({@code :c0}, {@code :c1}, ...), which an insert turns back
 * into rows with {@link #unnest()}: one round trip whatever the number of rows. Values may be null; the statement casts
 * each column to its type.
 */
public final class ColumnArrays {

    private final String[][] columns;

    private ColumnArrays(String[][] columns) {
        this.columns = columns;
    }

    /** The rows, each with one value per column, all of the same width. */
    public static ColumnArrays of(List<String[]> rows) {
        int width = rows.isEmpty() ? 0 : rows.get(0).length;
        String[][] columns = new String[width][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            if (row.length != width) {
                throw new IllegalArgumentException("row " + r + " has " + row.length + " values, not " + width);
            }
            for (int c = 0; c < width; c++) {
                columns[c][r] = row[c];
            }
        }
        return new ColumnArrays(columns);
    }

    /** {@code unnest(:c0::text[], ...)}, to use in a FROM clause with an alias naming the columns. */
    public String unnest() {
        return IntStream.range(0, columns.length)
                .mapToObj(c -> ":c" + c + "::text[]")
                .collect(Collectors.joining(", ", "unnest(", ")"));
    }

    /** Binds every column's array to the statement. */
    public DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec) {
        for (int c = 0; c < columns.length; c++) {
            spec = spec.bind("c" + c, columns[c]);
        }
        return spec;
    }
}
