package io.rowflow.query;

import io.rowflow.QueryException;
import io.rowflow.dialect.PostgresDialect;
import io.rowflow.sql.Fetchable;
import io.rowflow.sql.Join;
import io.rowflow.sql.OrderItem;
import io.rowflow.sql.QueryOptions;
import io.rowflow.sql.SelectStatement;
import io.rowflow.sql.Selectable;
import io.rowflow.sql.TableRef;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An immutable select under construction. Every method returns a new query, so a partial query
 * can be kept in a constant and shared across threads. Run it with {@code db.fetch(query)},
 * {@code fetchOne}, {@code fetchFirst}, {@code count} or {@code exists}.
 *
 * @param <T> the row type
 * @since 0.1
 */
public final class SelectQuery<T> implements Selectable<T> {

    private final SelectStatement<T> statement;
    private final boolean hasFrom;
    private final QueryOptions options;

    private SelectQuery(SelectStatement<T> statement, boolean hasFrom, QueryOptions options) {
        this.statement = statement;
        this.hasFrom = hasFrom;
        this.options = options;
    }

    static <T> SelectQuery<T> of(io.rowflow.sql.Projection<T> projection, @Nullable TableRef from) {
        return new SelectQuery<>(SelectStatement.of(projection, from), from != null, QueryOptions.defaults());
    }

    private SelectQuery<T> with(SelectStatement.Builder<T> changed) {
        return new SelectQuery<>(changed.build(), hasFrom, options);
    }

    private SelectQuery<T> with(QueryOptions changed) {
        return new SelectQuery<>(statement, hasFrom, changed);
    }

    /** Selects from this entity (needed when the selected values do not name the table first). */
    public SelectQuery<T> from(EntityPath<?> entity) {
        return new SelectQuery<>(statement.toBuilder().from(entity.tableRef()).build(), true, options);
    }

    /** Starts an inner join; finish it with {@link JoinStep#on(Condition)}. */
    public JoinStep<T> join(EntityPath<?> entity) {
        return new JoinStep<>(this, Join.JoinType.INNER, entity.tableRef());
    }

    /** Starts a left outer join, keeping rows without a match; finish it with {@link JoinStep#on(Condition)}. */
    public JoinStep<T> leftJoin(EntityPath<?> entity) {
        return new JoinStep<>(this, Join.JoinType.LEFT, entity.tableRef());
    }

    SelectQuery<T> withJoin(Join join) {
        return with(statement.toBuilder().join(join));
    }

    /** Filters rows; a second call adds its condition with {@code AND}. */
    public SelectQuery<T> where(Condition condition) {
        return with(statement.toBuilder().and(condition.toPredicate()));
    }

    /** Groups rows by these expressions. */
    public SelectQuery<T> groupBy(Expr<?>... expressions) {
        return with(statement.toBuilder().groupBy(Arrays.stream(expressions).map(Expr::toExpression).toList()));
    }

    /** Filters groups. */
    public SelectQuery<T> having(Condition condition) {
        return with(statement.toBuilder().having(condition.toPredicate()));
    }

    /** Sorts by these keys, replacing any earlier order. */
    public SelectQuery<T> orderBy(Order... keys) {
        List<OrderItem> items = Arrays.stream(keys).map(Order::toOrderItem).toList();
        return with(statement.toBuilder().orderBy(items));
    }

    /** Removes duplicate rows. */
    public SelectQuery<T> distinct() {
        return with(statement.toBuilder().distinct(true));
    }

    /** Returns at most this many rows. */
    public SelectQuery<T> limit(long rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + rows);
        }
        return with(statement.toBuilder().limit(rows));
    }

    /** Skips this many rows (prefer {@link #seekAfter(Object...)} for deep pages). */
    public SelectQuery<T> offset(long rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + rows);
        }
        return with(statement.toBuilder().offset(rows));
    }

    /**
     * Keyset paging: only rows that sort after the row whose sort keys had these values, one value
     * per {@code orderBy} key in order. End the order with a unique key (the id) so no row is skipped.
     */
    public SelectQuery<T> seekAfter(Object... values) {
        for (Object value : values) {
            Objects.requireNonNull(value, "seekAfter values must not be null");
        }
        return with(statement.toBuilder().seekAfter(List.of(values)));
    }

    /** Asks the driver to fetch this many rows per round trip while streaming. */
    public SelectQuery<T> fetchSize(int rows) {
        return with(options.withFetchSize(rows));
    }

    /**
     * Loads relationships with the entities: {@code with(AUTHOR.books.then(BOOK.reviews))}. Each
     * relationship costs one follow-up query per batch of parents (see {@link #batchSize(int)}).
     */
    public SelectQuery<T> with(Fetchable... relationships) {
        return with(options.with(relationships));
    }

    /**
     * Parents per follow-up query when loading relationships; the database's
     * {@code relationBatchSize} (256 unless set) when not given. Wins over the database's default.
     */
    public SelectQuery<T> batchSize(int parents) {
        if (parents < 1) {
            throw new IllegalArgumentException("batchSize must be positive: " + parents);
        }
        return with(options.withBatchSize(parents));
    }

    @Override
    public SelectStatement<T> toStatement() {
        if (!hasFrom) {
            throw new QueryException("The query selects no table: add from(...)");
        }
        return statement;
    }

    /** How the query runs: its fetch size, the relationships it loads and their batch size. */
    @Override
    public QueryOptions options() {
        return options;
    }

    /**
     * The SQL as PostgreSQL would receive it, with bind markers; for logs and debugging. A query
     * that cannot be rendered (a path of an entity not in the query, say) is described as such,
     * with the reason: {@code SelectQuery that cannot be rendered as SQL: ...}.
     */
    @Override
    public String toString() {
        try {
            return io.rowflow.sql.SqlPreview.render(this, new PostgresDialect());
        } catch (RuntimeException e) {
            return "SelectQuery that cannot be rendered as SQL: " + e.getMessage();
        }
    }
}
