package cn.lantian.eventing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Wrapped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rows in PostgreSQL's COPY text format, sent with {@code COPY ... FROM STDIN} on the connection of the current
 * transaction: the database's fastest way in, without the parameter encoding of a bulk insert's column arrays.
 */
public final class CopyRows {

    /** Bytes per buffer handed to the driver, so that a large import is not one huge buffer. */
    private static final int BUFFER = 1 << 20;

    private final List<byte[]> chunks = new ArrayList<>();
    private final StringBuilder row = new StringBuilder(BUFFER + 4096);
    private boolean first = true;
    private int rows;

    /** An empty set of rows. */
    public CopyRows() {}

    /** Ends the current row. */
    public CopyRows end() {
        row.append('\n');
        rows++;
        first = true;
        if (row.length() >= BUFFER) {
            flush();
        }
        return this;
    }

    /** The next column: text, escaped as COPY's text format needs; null is COPY's NULL. */
    public CopyRows text(String value) {
        separate();
        if (value == null) {
            row.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> row.append("\\\\");
                case '\t' -> row.append("\\t");
                case '\n' -> row.append("\\n");
                case '\r' -> row.append("\\r");
                default -> row.append(c);
            }
        }
        return this;
    }

    /** The next column: a number (Java's rendering, which PostgreSQL reads back exactly) or NULL. */
    public CopyRows number(Double value) {
        separate();
        row.append(value == null ? "\\N" : Double.toString(value));
        return this;
    }

    /** The next column: a whole number. */
    public CopyRows number(long value) {
        separate();
        row.append(value);
        return this;
    }

    /** The next column: an instant, ISO 8601 in UTC, or NULL. */
    public CopyRows instant(java.time.Instant value) {
        return text(value == null ? null : value.toString());
    }

    /** The next column: a text array of simple values (no quote or backslash), each quoted. */
    public CopyRows array(List<String> values) {
        separate();
        row.append('{');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                row.append(',');
            }
            row.append('"').append(values.get(i)).append('"');
        }
        row.append('}');
        return this;
    }

    private void separate() {
        if (!first) {
            row.append('\t');
        }
        first = false;
    }

    private void flush() {
        chunks.add(row.toString().getBytes(StandardCharsets.UTF_8));
        row.setLength(0);
    }

    private List<byte[]> done() {
        if (row.length() > 0) {
            flush();
        }
        return chunks;
    }

    /**
     * Sends the rows with {@code copy} (a {@code COPY table (columns) FROM STDIN} statement) in the current transaction.
     *
     * @return the number of rows the database took
     */
    public Mono<Long> send(DatabaseClient db, String copy) {
        List<byte[]> data = done();
        if (rows == 0) {
            return Mono.just(0L);
        }
        return db.inConnection(c ->
                postgres(c).copyIn(copy, Flux.fromIterable(data).map(b -> (ByteBuf) Unpooled.wrappedBuffer(b))));
    }

    /** The driver's own connection behind the pool's and Spring's wrappers. */
    private static PostgresqlConnection postgres(Connection connection) {
        Object c = connection;
        while (!(c instanceof PostgresqlConnection) && c instanceof Wrapped<?> wrapped) {
            c = wrapped.unwrap();
        }
        if (c instanceof PostgresqlConnection postgres) {
            return postgres;
        }
        throw new IllegalStateException("COPY needs a PostgreSQL connection, not "
                + connection.getClass().getName());
    }
}
