package io.rowflow.internal.runtime;

import io.rowflow.NonUniqueResultException;
import io.rowflow.internal.execution.Executor;
import io.rowflow.internal.execution.PreparedSql;
import io.rowflow.internal.query.QueryRenderer;
import io.rowflow.internal.query.RenderedSelect;
import io.rowflow.sql.DataChange;
import io.rowflow.sql.SelectStatement;
import io.rowflow.sql.Selectable;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs queries of the query model: renders on subscription (so rendering errors arrive through
 * {@code onError}, before any SQL is sent) and executes through the shared executor.
 */
final class QueryOperations {

    private final QueryRenderer renderer;
    private final Executor executor;

    QueryOperations(QueryRenderer renderer, Executor executor) {
        this.renderer = renderer;
        this.executor = executor;
    }

    <T> Flux<T> fetch(Selectable<T> query) {
        Objects.requireNonNull(query, "query");
        return Flux.defer(() -> run(renderer.select(query.toStatement())));
    }

    <T> Mono<T> fetchOne(Selectable<T> query) {
        Objects.requireNonNull(query, "query");
        return Mono.defer(() -> {
            RenderedSelect<T> rendered = renderer.select(limited(query.toStatement(), 2));
            return run(rendered).take(2).collectList().flatMap(rows -> rows.size() > 1
                    ? Mono.error(new NonUniqueResultException("Expected at most one row but got more from: "
                            + rendered.statement().sql()))
                    : Mono.justOrEmpty(rows.isEmpty() ? null : rows.get(0)));
        });
    }

    <T> Mono<T> fetchFirst(Selectable<T> query) {
        Objects.requireNonNull(query, "query");
        return Mono.defer(() -> run(renderer.select(limited(query.toStatement(), 1))).next());
    }

    Mono<Long> count(Selectable<?> query) {
        Objects.requireNonNull(query, "query");
        return Mono.defer(() -> executor.query(renderer.count(query.toStatement()), 0,
                (row, metadata) -> row.get(0, Long.class)).single());
    }

    Mono<Boolean> exists(Selectable<?> query) {
        Objects.requireNonNull(query, "query");
        return Mono.defer(() -> executor.query(renderer.exists(query.toStatement()), 0,
                (row, metadata) -> Boolean.TRUE).hasElements());
    }

    Mono<Long> execute(DataChange statement) {
        Objects.requireNonNull(statement, "statement");
        return Mono.defer(() -> {
            PreparedSql sql = renderer.dataChange(statement.toStatement());
            return executor.update(sql);
        });
    }

    String toSql(Selectable<?> query) {
        return renderer.select(query.toStatement()).statement().sql();
    }

    private <T> Flux<T> run(RenderedSelect<T> rendered) {
        return executor.query(rendered.statement(), rendered.fetchSize(), rendered.mapper().get());
    }

    /** The statement with a row limit, unless it already has a smaller one. */
    private static <T> SelectStatement<T> limited(SelectStatement<T> statement, long rows) {
        if (statement.limit() != null && statement.limit() <= rows) {
            return statement;
        }
        return new SelectStatement<>(statement.projection(), statement.from(), statement.joins(), statement.where(),
                statement.groupBy(), statement.having(), statement.orderBy(), statement.distinct(), rows,
                statement.offset(), statement.seekAfter(), statement.fetchSize());
    }
}
