package io.rowflow.replica;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ValidationDepth;
import io.rowflow.DataAccessException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * How a {@link ReplicaRouting} reads replication positions: how far the primary has written and
 * how far a replica has replayed, as comparable numbers. {@link #postgres()} reads WAL positions
 * (LSNs); {@link #none()} reads nothing, which leaves read-your-writes and the lag bound off (for
 * databases without such positions) and only checks that a replica answers.
 *
 * @since 0.2
 */
public interface ReplicaPositions {

    /**
     * Emits the position the primary has written up to, on a connection of the primary; called
     * after a write or a read-write transaction, and by health checks. Empty when unknown.
     */
    Mono<Long> written(Connection primary);

    /**
     * Emits the position a replica has replayed up to, on a connection of it; empty when unknown
     * (but the replica answered). Fails when the replica does not answer.
     */
    Mono<Long> replayed(Connection replica);

    /**
     * PostgreSQL streaming replication: {@code pg_current_wal_lsn()} on the primary (the WAL
     * written, which includes every commit acknowledged so far) and {@code pg_last_wal_replay_lsn()}
     * on a standby; a server not in recovery counts as caught up with itself.
     */
    static ReplicaPositions postgres() {
        return PostgresPositions.INSTANCE;
    }

    /** No positions: a replica's health is whether it answers a round trip. */
    static ReplicaPositions none() {
        return new ReplicaPositions() {
            @Override
            public Mono<Long> written(Connection primary) {
                return Mono.empty();
            }

            @Override
            public Mono<Long> replayed(Connection replica) {
                return Mono.from(replica.validate(ValidationDepth.REMOTE))
                        .flatMap(valid -> valid ? Mono.<Long>empty()
                                : Mono.error(new DataAccessException("The replica's connection is not valid", null, null, true, null)));
            }

            @Override
            public String toString() {
                return "ReplicaPositions.none";
            }
        };
    }

    /** A position as PostgreSQL writes an LSN ({@code 16/B374D848}). */
    static String format(long position) {
        return Long.toHexString(position >>> 32).toUpperCase(java.util.Locale.ROOT) + "/"
                + Long.toHexString(position & 0xFFFFFFFFL).toUpperCase(java.util.Locale.ROOT);
    }

    /** An LSN as PostgreSQL writes it ({@code 16/B374D848}) as a comparable number. */
    static long parse(String lsn) {
        int slash = lsn.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("Not a WAL position: " + lsn);
        }
        return Long.parseLong(lsn.substring(0, slash), 16) << 32 | Long.parseLong(lsn.substring(slash + 1), 16);
    }
}

/** WAL positions of PostgreSQL streaming replication. */
final class PostgresPositions implements ReplicaPositions {

    static final PostgresPositions INSTANCE = new PostgresPositions();

    private static final String WRITTEN = "SELECT pg_current_wal_lsn()::text";
    private static final String REPLAYED = "SELECT (CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn()"
            + " ELSE pg_current_wal_lsn() END)::text";

    private PostgresPositions() {
    }

    @Override
    public Mono<Long> written(Connection primary) {
        return position(primary, WRITTEN);
    }

    @Override
    public Mono<Long> replayed(Connection replica) {
        return position(replica, REPLAYED);
    }

    private static Mono<Long> position(Connection connection, String sql) {
        return Flux.from(connection.createStatement(sql).execute())
                .concatMap(result -> result.map((row, metadata) -> java.util.Optional.ofNullable(row.get(0, String.class))))
                .next()
                .flatMap(lsn -> Mono.justOrEmpty(lsn.map(ReplicaPositions::parse)));
    }

    @Override
    public String toString() {
        return "ReplicaPositions.postgres";
    }
}
