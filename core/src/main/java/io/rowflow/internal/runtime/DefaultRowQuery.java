package io.rowflow.internal.runtime;

import io.rowflow.NonUniqueResultException;
import io.rowflow.RowQuery;
import io.rowflow.internal.execution.Executor;
import io.rowflow.internal.execution.OperationShape;
import io.rowflow.internal.execution.PreparedSql;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A statement plus a row mapper. The statement is prepared on each subscription, so a missing
 * parameter is reported then, and the mapper is created per subscription too (it caches column
 * positions for one result).
 */
final class DefaultRowQuery<T> implements RowQuery<T> {

    private final Executor executor;
    private final OperationShape operation;
    private final int fetchSize;
    private final Supplier<PreparedSql> statement;
    private final Supplier<BiFunction<Row, RowMetadata, T>> mapper;
    private final UnaryOperator<Flux<T>> loaded;

    /** A query whose mapped rows go through {@code loaded} (the after-load callbacks of an entity). */
    DefaultRowQuery(Executor executor, OperationShape operation, int fetchSize, Supplier<PreparedSql> statement,
                    Supplier<BiFunction<Row, RowMetadata, T>> mapper, UnaryOperator<Flux<T>> loaded) {
        this.loaded = loaded;
        this.executor = executor;
        this.operation = operation;
        this.fetchSize = fetchSize;
        this.statement = statement;
        this.mapper = mapper;
    }

    @Override
    public Flux<T> fetch() {
        return loaded.apply(Flux.defer(() -> executor.stream(operation, statement.get(), fetchSize, mapper.get())));
    }

    @Override
    public Mono<T> fetchOne() {
        return Mono.defer(() -> {
            PreparedSql sql = statement.get();
            return loaded.apply(executor.queryAtMost(operation, sql, 2, mapper.get())).collectList().flatMap(rows -> {
                if (rows.size() > 1) {
                    return Mono.error(new NonUniqueResultException("Expected at most one row but got more from: " + sql.sql()));
                }
                return Mono.justOrEmpty(rows.isEmpty() ? null : rows.get(0));
            });
        });
    }

    @Override
    public Mono<T> fetchFirst() {
        return Mono.defer(() -> loaded.apply(executor.queryAtMost(operation, statement.get(), 1, mapper.get()))
                .reduce((first, none) -> first));
    }
}
