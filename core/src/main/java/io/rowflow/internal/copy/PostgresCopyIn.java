package io.rowflow.internal.copy;

import io.netty.buffer.Unpooled;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Wrapped;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The call into r2dbc-postgresql: loaded only once {@link BinaryCopy} has found the driver. */
final class PostgresCopyIn {

    private PostgresCopyIn() {
    }

    /** The copy on this connection (unwrapping pools and proxies that say what they wrap), or {@code null}. */
    static @Nullable Mono<Long> copyIn(Connection connection, String sql, Flux<byte[]> pages) {
        PostgresqlConnection postgres = unwrap(connection);
        return postgres == null ? null : postgres.copyIn(sql, pages.map(Unpooled::wrappedBuffer));
    }

    /** The r2dbc-postgresql connection this one is or wraps, or {@code null}. */
    static @Nullable PostgresqlConnection unwrap(Connection connection) {
        Object current = connection;
        for (int depth = 0; depth < 8; depth++) {
            if (current instanceof PostgresqlConnection postgres) {
                return postgres;
            }
            if (!(current instanceof Wrapped<?> wrapped)) {
                return null;
            }
            current = wrapped.unwrap();
        }
        return null;
    }
}
