package io.rowflow.query;

import io.rowflow.QueryException;
import io.rowflow.dialect.PostgresDialect;
import io.rowflow.sql.Expression;
import io.rowflow.sql.Join;
import io.rowflow.sql.OrderItem;
import io.rowflow.sql.Predicate;
import io.rowflow.sql.Projection;
import io.rowflow.sql.SelectStatement;
import io.rowflow.sql.Selectable;
import io.rowflow.sql.TableRef;
import java.util.ArrayList;
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

    private final Projection<T> projection;
    private final @Nullable TableRef from;
    private final List<Join> joins;
    private final @Nullable Predicate where;
    private final List<Expression> groupBy;
    private final @Nullable Predicate having;
    private final List<OrderItem> orderBy;
    private final boolean distinct;
    private final @Nullable Long limit;
    private final @Nullable Long offset;
    private final List<Object> seekAfter;
    private final int fetchSize;

    private SelectQuery(Projection<T> projection, @Nullable TableRef from, List<Join> joins, @Nullable Predicate where,
                        List<Expression> groupBy, @Nullable Predicate having, List<OrderItem> orderBy, boolean distinct,
                        @Nullable Long limit, @Nullable Long offset, List<Object> seekAfter, int fetchSize) {
        this.projection = projection;
        this.from = from;
        this.joins = joins;
        this.where = where;
        this.groupBy = groupBy;
        this.having = having;
        this.orderBy = orderBy;
        this.distinct = distinct;
        this.limit = limit;
        this.offset = offset;
        this.seekAfter = seekAfter;
        this.fetchSize = fetchSize;
    }

    static <T> SelectQuery<T> of(Projection<T> projection, @Nullable TableRef from) {
        return new SelectQuery<>(projection, from, List.of(), null, List.of(), null, List.of(), false, null, null,
                List.of(), 0);
    }

    /** Selects from this entity (needed when the selected values do not name the table first). */
    public SelectQuery<T> from(EntityPath<?> entity) {
        return new SelectQuery<>(projection, entity.tableRef(), joins, where, groupBy, having, orderBy, distinct,
                limit, offset, seekAfter, fetchSize);
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
        List<Join> more = new ArrayList<>(joins);
        more.add(join);
        return new SelectQuery<>(projection, from, List.copyOf(more), where, groupBy, having, orderBy, distinct,
                limit, offset, seekAfter, fetchSize);
    }

    /** Filters rows; a second call adds its condition with {@code AND}. */
    public SelectQuery<T> where(Condition condition) {
        Predicate added = condition.toPredicate();
        Predicate combined = where == null ? added : new Predicate.And(List.of(where, added));
        return new SelectQuery<>(projection, from, joins, combined, groupBy, having, orderBy, distinct, limit, offset,
                seekAfter, fetchSize);
    }

    /** Groups rows by these expressions. */
    public SelectQuery<T> groupBy(Expr<?>... expressions) {
        List<Expression> nodes = Arrays.stream(expressions).map(Expr::toExpression).toList();
        return new SelectQuery<>(projection, from, joins, where, nodes, having, orderBy, distinct, limit, offset,
                seekAfter, fetchSize);
    }

    /** Filters groups. */
    public SelectQuery<T> having(Condition condition) {
        return new SelectQuery<>(projection, from, joins, where, groupBy, condition.toPredicate(), orderBy, distinct,
                limit, offset, seekAfter, fetchSize);
    }

    /** Sorts by these keys, replacing any earlier order. */
    public SelectQuery<T> orderBy(Order... keys) {
        List<OrderItem> items = Arrays.stream(keys).map(Order::toOrderItem).toList();
        return new SelectQuery<>(projection, from, joins, where, groupBy, having, items, distinct, limit, offset,
                seekAfter, fetchSize);
    }

    /** Removes duplicate rows. */
    public SelectQuery<T> distinct() {
        return new SelectQuery<>(projection, from, joins, where, groupBy, having, orderBy, true, limit, offset,
                seekAfter, fetchSize);
    }

    /** Returns at most this many rows. */
    public SelectQuery<T> limit(long rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + rows);
        }
        return new SelectQuery<>(projection, from, joins, where, groupBy, having, orderBy, distinct, rows, offset,
                seekAfter, fetchSize);
    }

    /** Skips this many rows (prefer {@link #seekAfter(Object...)} for deep pages). */
    public SelectQuery<T> offset(long rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + rows);
        }
        return new SelectQuery<>(projection, from, joins, where, groupBy, having, orderBy, distinct, limit, rows,
                seekAfter, fetchSize);
    }

    /**
     * Keyset paging: only rows that sort after the row whose sort keys had these values, one value
     * per {@code orderBy} key in order. End the order with a unique key (the id) so no row is skipped.
     */
    public SelectQuery<T> seekAfter(Object... values) {
        for (Object value : values) {
            Objects.requireNonNull(value, "seekAfter values must not be null");
        }
        return new SelectQuery<>(projection, from, joins, where, groupBy, having, orderBy, distinct, limit, offset,
                List.of(values), fetchSize);
    }

    /** Asks the driver to fetch this many rows per round trip while streaming. */
    public SelectQuery<T> fetchSize(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("fetchSize must not be negative: " + rows);
        }
        return new SelectQuery<>(projection, from, joins, where, groupBy, having, orderBy, distinct, limit, offset,
                seekAfter, rows);
    }

    @Override
    public SelectStatement<T> toStatement() {
        if (from == null) {
            throw new QueryException("The query selects no table: add from(...)");
        }
        return new SelectStatement<>(projection, from, joins, where, groupBy, having, orderBy, distinct, limit, offset,
                seekAfter, fetchSize);
    }

    /** The SQL as PostgreSQL would receive it, with bind markers; for logs and debugging. */
    @Override
    public String toString() {
        try {
            return io.rowflow.sql.SqlPreview.render(this, new PostgresDialect());
        } catch (RuntimeException e) {
            return "SelectQuery[" + e.getMessage() + "]";
        }
    }
}
