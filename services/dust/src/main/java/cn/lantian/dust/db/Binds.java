package cn.lantian.dust.db;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/** Binding nullable values and reading timestamps, the same way in every repository. */
public final class Binds {

    private Binds() {}

    /** Binds the value, or a typed null. */
    public static <T> GenericExecuteSpec bind(GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    /** A timestamptz column as an instant, or null. */
    public static Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
