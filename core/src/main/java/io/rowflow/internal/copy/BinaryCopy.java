package io.rowflow.internal.copy;

import io.r2dbc.spi.Connection;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Whether binary COPY can run here, and running it. r2dbc-postgresql is an optional dependency of
 * core: this class never touches its types, and the code that does is loaded only when the driver
 * is on the class path.
 */
public final class BinaryCopy {

    private static final boolean DRIVER_PRESENT = present("io.r2dbc.postgresql.api.PostgresqlConnection");

    private BinaryCopy() {
    }

    /** Whether r2dbc-postgresql (1.1 or later, with {@code copyIn}) is on the class path. */
    public static boolean available() {
        return DRIVER_PRESENT;
    }

    /**
     * {@code COPY ... FROM STDIN} of these pages on the connection, emitting the rows copied, or
     * {@code null} when the connection is not r2dbc-postgresql's (nor wraps one). The copy starts on
     * subscription; an error from the pages or the server aborts it, and the server keeps none of
     * its rows.
     */
    public static @Nullable Mono<Long> copyIn(Connection connection, String sql, Flux<byte[]> pages) {
        return DRIVER_PRESENT ? PostgresCopyIn.copyIn(connection, sql, pages) : null;
    }

    /** Whether COPY can run on this connection: it is r2dbc-postgresql's, or wraps one. */
    public static boolean canCopy(Connection connection) {
        return DRIVER_PRESENT && PostgresCopyIn.unwrap(connection) != null;
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, BinaryCopy.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError missing) {
            return false;
        }
    }
}
