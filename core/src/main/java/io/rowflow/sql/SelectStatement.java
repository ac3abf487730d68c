package io.rowflow.sql;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An immutable {@code SELECT}: what to return, from where, which rows, in which order, which page.
 *
 * @param projection what each row becomes
 * @param from the first table ({@code null} only while a DSL query is under construction; rendering requires it)
 * @param joins joined tables, in order
 * @param where the row filter, or {@code null}
 * @param groupBy grouping expressions
 * @param having the group filter, or {@code null}
 * @param orderBy sort keys
 * @param distinct whether duplicate rows are removed
 * @param limit the most rows returned, or {@code null}
 * @param offset rows skipped, or {@code null}
 * @param seekAfter keyset paging: values of the sort keys of the last row seen (empty for none)
 * @param fetchSize rows per round trip when streaming (0 for the driver's default)
 * @param fetches relationships to load with the entities (entity projections only)
 * @param batchSize parents per follow-up query when loading relationships (0 for the database's
 *                  default, {@code DatabaseBuilder.relationBatchSize}, 256 unless set)
 * @param <T> the row type
 * @since 0.1
 */
public record SelectStatement<T>(Projection<T> projection, @Nullable TableRef from, List<Join> joins,
                                 @Nullable Predicate where, List<Expression> groupBy, @Nullable Predicate having,
                                 List<OrderItem> orderBy, boolean distinct, @Nullable Long limit,
                                 @Nullable Long offset, List<Object> seekAfter, int fetchSize,
                                 List<FetchPlan> fetches, int batchSize) implements Selectable<T> {

    /** The batch size used when neither the statement nor the database sets one. */
    public static final int DEFAULT_BATCH_SIZE = 256;

    /** Checks and copies. */
    public SelectStatement {
        Objects.requireNonNull(projection, "projection");
        joins = List.copyOf(joins);
        groupBy = List.copyOf(groupBy);
        orderBy = List.copyOf(orderBy);
        seekAfter = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(seekAfter));
        fetches = List.copyOf(fetches);
    }

    /**
     * The batch size to use without a database default: the given one, or {@link #DEFAULT_BATCH_SIZE}.
     * A {@code Database} built with {@code relationBatchSize(...)} uses that instead of the constant.
     */
    public int effectiveBatchSize() {
        return batchSize > 0 ? batchSize : DEFAULT_BATCH_SIZE;
    }

    /** A select of {@code projection} with nothing else set (the table too may still be missing). */
    public static <T> SelectStatement<T> of(Projection<T> projection, @Nullable TableRef from) {
        return new SelectStatement<>(projection, from, List.of(), null, List.of(), null, List.of(), false, null, null,
                List.of(), 0, List.of(), 0);
    }

    /** A copy selecting from another table. */
    public SelectStatement<T> withFrom(TableRef table) {
        return new SelectStatement<>(projection, table, joins, where, groupBy, having, orderBy, distinct, limit, offset,
                seekAfter, fetchSize, fetches, batchSize);
    }

    /** A copy with one more join. */
    public SelectStatement<T> withJoin(Join join) {
        List<Join> more = new java.util.ArrayList<>(joins);
        more.add(join);
        return new SelectStatement<>(projection, from, more, where, groupBy, having, orderBy, distinct, limit, offset,
                seekAfter, fetchSize, fetches, batchSize);
    }

    /** A copy with another filter. */
    public SelectStatement<T> withWhere(@Nullable Predicate filter) {
        return new SelectStatement<>(projection, from, joins, filter, groupBy, having, orderBy, distinct, limit, offset,
                seekAfter, fetchSize, fetches, batchSize);
    }

    /** A copy with other grouping expressions. */
    public SelectStatement<T> withGroupBy(List<Expression> expressions) {
        return new SelectStatement<>(projection, from, joins, where, expressions, having, orderBy, distinct, limit,
                offset, seekAfter, fetchSize, fetches, batchSize);
    }

    /** A copy with another group filter. */
    public SelectStatement<T> withHaving(@Nullable Predicate filter) {
        return new SelectStatement<>(projection, from, joins, where, groupBy, filter, orderBy, distinct, limit, offset,
                seekAfter, fetchSize, fetches, batchSize);
    }

    /** A copy with or without duplicate removal. */
    public SelectStatement<T> withDistinct(boolean removeDuplicates) {
        return new SelectStatement<>(projection, from, joins, where, groupBy, having, orderBy, removeDuplicates, limit,
                offset, seekAfter, fetchSize, fetches, batchSize);
    }

    /** A copy with another row limit. */
    public SelectStatement<T> withLimit(@Nullable Long rows) {
        return new SelectStatement<>(projection, from, joins, where, groupBy, having, orderBy, distinct, rows, offset,
                seekAfter, fetchSize, fetches, batchSize);
    }

    /** A copy with another offset. */
    public SelectStatement<T> withOffset(@Nullable Long rows) {
        return new SelectStatement<>(projection, from, joins, where, groupBy, having, orderBy, distinct, limit, rows,
                seekAfter, fetchSize, fetches, batchSize);
    }

    /** A copy with another order (and no keyset position, which depends on the order). */
    public SelectStatement<T> withOrderBy(List<OrderItem> keys) {
        return new SelectStatement<>(projection, from, joins, where, groupBy, having, keys, distinct, limit, offset,
                List.of(), fetchSize, fetches, batchSize);
    }

    /** A copy continuing after the row with these sort-key values. */
    public SelectStatement<T> withSeekAfter(List<Object> values) {
        return new SelectStatement<>(projection, from, joins, where, groupBy, having, orderBy, distinct, limit, offset,
                values, fetchSize, fetches, batchSize);
    }

    /** A copy with another streaming fetch size. */
    public SelectStatement<T> withFetchSize(int rows) {
        return new SelectStatement<>(projection, from, joins, where, groupBy, having, orderBy, distinct, limit, offset,
                seekAfter, rows, fetches, batchSize);
    }

    /** A copy loading these relationships (and this batch size; 0 for the default). */
    public SelectStatement<T> withFetches(List<FetchPlan> plans, int batch) {
        return new SelectStatement<>(projection, from, joins, where, groupBy, having, orderBy, distinct, limit, offset,
                seekAfter, fetchSize, plans, batch);
    }

    /** A select of whole entities from their table, with nothing else set. */
    public static <T> SelectStatement<T> of(TableRef from, Class<T> entityType) {
        return of(new Projection.Entity<>(from, entityType), from);
    }

    @Override
    public SelectStatement<T> toStatement() {
        return this;
    }
}
