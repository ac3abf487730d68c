package io.rowflow.internal.execution;

import io.rowflow.dialect.Dialect;
import io.rowflow.dialect.Feature;
import io.rowflow.internal.tx.TransactionScope;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads a result of unknown size inside a transaction in windows, so that at most a window or
 * two of rows is held in memory whatever the subscriber's speed, and the transaction's other
 * statements can run between windows.
 *
 * <p>Where the dialect has {@linkplain Feature#CURSORS server-side cursors} and the statement is a
 * query, it is declared as a cursor and each window is one {@code FETCH}; the next window is
 * fetched only when the subscriber asks for more, and the cursor is closed on completion and on
 * cancel. Errors name the query, not the cursor statements that read it; listeners see each
 * cursor statement ({@code DECLARE}, every {@code FETCH}, {@code CLOSE}) with the query's operation. Otherwise the statement streams holding the connection, reading at most
 * {@link #READ_AHEAD} rows ahead of the subscriber: memory stays bounded, and statements issued
 * meanwhile wait until the rest of a larger result is consumed (entity queries avoid that with
 * keyset windows, see {@code ParentWindows}).
 */
final class TransactionWindows {

    /**
     * Rows read ahead of the subscriber without a cursor: a result up to this size is read at once
     * and frees the connection (as a lookup or a batch would); a larger one is read this far ahead.
     */
    static final int READ_AHEAD = 10_000;


    private final Dialect dialect;
    private final StatementRunner runner;

    TransactionWindows(Dialect dialect, StatementRunner runner) {
        this.dialect = dialect;
        this.runner = runner;
    }

    /**
     * The windows of a statement's rows, each of at most {@code size} rows; {@code inScope} runs
     * one step on the transaction's connection, queued behind its other statements.
     */
    <T> Flux<List<T>> windows(OperationShape operation, PreparedSql sql, int size, BiFunction<Row, RowMetadata, T> mapper,
                              TransactionScope scope, InScope inScope) {
        return windows(operation, sql, size, size, mapper, scope, inScope);
    }

    /**
     * As above, with cursor windows growing from {@code size} rows, doubling per {@code FETCH} up to
     * {@code maxSize}: a long stream needs few round trips, a short one reads little ahead.
     */
    <T> Flux<List<T>> windows(OperationShape operation, PreparedSql sql, int size, int maxSize,
                              BiFunction<Row, RowMetadata, T> mapper, TransactionScope scope, InScope inScope) {
        if (dialect.supports(Feature.CURSORS) && isQuery(sql)) {
            return throughCursor(operation, sql, size, Math.max(size, maxSize), mapper, scope.state().nextCursorName(), inScope);
        }
        return inScope.run(connection -> runner.query(connection, operation, sql, size, mapper))
                .limitRate(Math.max(size, READ_AHEAD))
                .buffer(size);
    }

    private <T> Flux<List<T>> throughCursor(OperationShape operation, PreparedSql sql, int size, int maxSize,
                                            BiFunction<Row, RowMetadata, T> mapper, String cursor, InScope inScope) {
        PreparedSql declare = new PreparedSql(dialect.declareCursor(cursor, sql.sql()), sql.binds());
        PreparedSql close = PreparedSql.of(dialect.closeCursor(cursor));
        String query = sql.sql();
        // Each FETCH is read to its end once it has the connection, whether or not the subscriber
        // has asked for its rows yet: a statement holding the connection without reading would
        // keep the transaction's other statements waiting for ever.
        Function<Integer, Mono<Window<T>>> fetch = rows -> Mono.defer(() -> inScope.run(connection -> runner.query(connection,
                        operation, PreparedSql.of(dialect.fetchFromCursor(cursor, rows)), 0, mapper, query))
                .onBackpressureBuffer()
                .collectList()
                .map(read -> new Window<>(read, rows)));
        Mono<Void> closed = inScope.run(connection -> runner.update(connection, operation, close, query)).then();
        return Flux.usingWhen(inScope.run(connection -> runner.update(connection, operation, declare, query)).then(Mono.just(cursor)),
                        opened -> fetch.apply(size).expand(window -> window.rows().size() < window.asked() ? Mono.empty()
                                : fetch.apply(Math.min(maxSize, window.asked() * 2))),
                        opened -> closed,
                        (opened, error) -> Mono.empty(),
                        opened -> closed.onErrorResume(error -> Mono.empty()))
                .map(Window::rows)
                .filter(window -> !window.isEmpty());
    }

    /** The rows of one {@code FETCH} and how many it asked for: fewer means the cursor is exhausted. */
    private record Window<T>(List<T> rows, int asked) {
    }

    /** Whether the statement is a plain query, which a cursor can be declared over (not a data change returning rows). */
    private static boolean isQuery(PreparedSql sql) {
        String text = sql.sql();
        int start = 0;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        return text.regionMatches(true, start, "SELECT", 0, 6) || text.regionMatches(true, start, "VALUES", 0, 6);
    }

    /** Runs one step of work on the transaction's connection. */
    @FunctionalInterface
    interface InScope {
        <R> Flux<R> run(Function<Connection, ? extends Publisher<R>> work);
    }
}
