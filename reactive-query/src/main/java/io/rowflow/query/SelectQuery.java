package io.rowflow.query;

import io.rowflow.QueryException;
import io.rowflow.dialect.PostgresDialect;
import io.rowflow.sql.FetchPlan;
import io.rowflow.sql.Fetchable;
import io.rowflow.sql.Join;
import io.rowflow.sql.OrderItem;
import io.rowflow.sql.Predicate;
import io.rowflow.sql.SelectStatement;
import io.rowflow.sql.Selectable;
import io.rowflow.sql.TableRef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

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

    private SelectQuery(SelectStatement<T> statement) {
        this.statement = statement;
    }

    static <T> SelectQuery<T> of(io.rowflow.sql.Projection<T> projection, TableRef from) {
        return new SelectQuery<>(SelectStatement.of(projection, from));
    }

    /** Selects from this entity (needed when the selected values do not name the table first). */
    public SelectQuery<T> from(EntityPath<?> entity) {
        return new SelectQuery<>(statement.withFrom(entity.tableRef()));
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
        return new SelectQuery<>(statement.withJoin(join));
    }

    /** Filters rows; a second call adds its condition with {@code AND}. */
    public SelectQuery<T> where(Condition condition) {
        Predicate added = condition.toPredicate();
        Predicate current = statement.where();
        return new SelectQuery<>(statement.withWhere(current == null ? added : new Predicate.And(List.of(current, added))));
    }

    /** Groups rows by these expressions. */
    public SelectQuery<T> groupBy(Expr<?>... expressions) {
        return new SelectQuery<>(statement.withGroupBy(Arrays.stream(expressions).map(Expr::toExpression).toList()));
    }

    /** Filters groups. */
    public SelectQuery<T> having(Condition condition) {
        return new SelectQuery<>(statement.withHaving(condition.toPredicate()));
    }

    /** Sorts by these keys, replacing any earlier order. */
    public SelectQuery<T> orderBy(Order... keys) {
        List<OrderItem> items = Arrays.stream(keys).map(Order::toOrderItem).toList();
        return new SelectQuery<>(statement.withOrderBy(items));
    }

    /** Removes duplicate rows. */
    public SelectQuery<T> distinct() {
        return new SelectQuery<>(statement.withDistinct(true));
    }

    /** Returns at most this many rows. */
    public SelectQuery<T> limit(long rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + rows);
        }
        return new SelectQuery<>(statement.withLimit(rows));
    }

    /** Skips this many rows (prefer {@link #seekAfter(Object...)} for deep pages). */
    public SelectQuery<T> offset(long rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + rows);
        }
        return new SelectQuery<>(statement.withOffset(rows));
    }

    /**
     * Keyset paging: only rows that sort after the row whose sort keys had these values, one value
     * per {@code orderBy} key in order. End the order with a unique key (the id) so no row is skipped.
     */
    public SelectQuery<T> seekAfter(Object... values) {
        for (Object value : values) {
            Objects.requireNonNull(value, "seekAfter values must not be null");
        }
        return new SelectQuery<>(statement.withSeekAfter(List.of(values)));
    }

    /** Asks the driver to fetch this many rows per round trip while streaming. */
    public SelectQuery<T> fetchSize(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("fetchSize must not be negative: " + rows);
        }
        return new SelectQuery<>(statement.withFetchSize(rows));
    }

    /**
     * Loads relationships with the entities: {@code with(AUTHOR.books.then(BOOK.reviews))}. Each
     * relationship costs one follow-up query per batch of parents (see {@link #batchSize(int)}).
     */
    public SelectQuery<T> with(Fetchable... relationships) {
        List<FetchPlan> plans = new ArrayList<>(statement.fetches());
        plans.addAll(FetchPlan.all(relationships));
        return new SelectQuery<>(statement.withFetches(plans, statement.batchSize()));
    }

    /**
     * Parents per follow-up query when loading relationships; the database's
     * {@code relationBatchSize} (256 unless set) when not given. Wins over the database's default.
     */
    public SelectQuery<T> batchSize(int parents) {
        if (parents < 1) {
            throw new IllegalArgumentException("batchSize must be positive: " + parents);
        }
        return new SelectQuery<>(statement.withFetches(statement.fetches(), parents));
    }

    @Override
    public SelectStatement<T> toStatement() {
        if (statement.from() == null) {
            throw new QueryException("The query selects no table: add from(...)");
        }
        return statement;
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
