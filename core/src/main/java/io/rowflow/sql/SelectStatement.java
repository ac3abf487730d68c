package io.rowflow.sql;

import io.rowflow.internal.model.SelectModel;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An immutable {@code SELECT}: what to return, from where, which rows, in which order, which page.
 * Built with {@link #builder(Projection)} (or the query DSL of rowflow-reactive-query), changed
 * with {@link #toBuilder()} or a {@code withX} copy; its representation is internal, so clauses
 * can be added without breaking code that builds statements. How a statement is executed (fetch
 * size, relationships to load, batch size) is not part of it: see {@link QueryOptions}.
 *
 * <p>Only Rowflow implements this interface; a statement from anywhere else is refused when run.
 *
 * @param <T> the row type
 * @since 0.1
 */
public interface SelectStatement<T> extends Selectable<T> {

    /** A builder of a select of {@code projection}, with nothing else set. */
    static <T> Builder<T> builder(Projection<T> projection) {
        return SelectModel.builder(projection);
    }

    /** A select of {@code projection} from a table, with nothing else set. */
    static <T> SelectStatement<T> of(Projection<T> projection, @Nullable TableRef from) {
        Builder<T> builder = builder(projection);
        return (from == null ? builder : builder.from(from)).build();
    }

    /** A select of whole entities from their table, with nothing else set. */
    static <T> SelectStatement<T> of(TableRef from, Class<T> entityType) {
        return of(new Projection.Entity<>(from, entityType), from);
    }

    /** A builder holding this statement's clauses. */
    Builder<T> toBuilder();

    /** A copy selecting from another table. */
    SelectStatement<T> withFrom(TableRef table);

    /** A copy with one more join. */
    SelectStatement<T> withJoin(Join join);

    /** A copy with another filter. */
    SelectStatement<T> withWhere(@Nullable Predicate filter);

    /** A copy with other grouping expressions. */
    SelectStatement<T> withGroupBy(List<Expression> expressions);

    /** A copy with another group filter. */
    SelectStatement<T> withHaving(@Nullable Predicate filter);

    /** A copy with or without duplicate removal. */
    SelectStatement<T> withDistinct(boolean removeDuplicates);

    /** A copy with another row limit. */
    SelectStatement<T> withLimit(@Nullable Long rows);

    /** A copy with another offset. */
    SelectStatement<T> withOffset(@Nullable Long rows);

    /** A copy with another order (and no keyset position, which depends on the order). */
    SelectStatement<T> withOrderBy(List<OrderItem> keys);

    /** A copy continuing after the row with these sort-key values. */
    SelectStatement<T> withSeekAfter(List<Object> values);

    /** This statement run with these options (fetch size, relationships to load, batch size). */
    default Selectable<T> withOptions(QueryOptions options) {
        return Selectable.of(this, options);
    }

    @Override
    default SelectStatement<T> toStatement() {
        return this;
    }

    /**
     * Collects the clauses of a {@link SelectStatement}. Not thread-safe; {@link #build()} returns
     * an immutable statement and may be called again after further changes.
     *
     * @param <T> the row type
     * @since 0.3
     */
    interface Builder<T> {

        /** Selects from this table. */
        Builder<T> from(TableRef table);

        /** Adds a join after the ones already added. */
        Builder<T> join(Join join);

        /** Replaces the row filter ({@code null} for none). */
        Builder<T> where(@Nullable Predicate filter);

        /** Adds a condition to the row filter with {@code AND} (the filter itself when there is none). */
        Builder<T> and(Predicate condition);

        /** Replaces the grouping expressions. */
        Builder<T> groupBy(List<Expression> expressions);

        /** Replaces the group filter ({@code null} for none). */
        Builder<T> having(@Nullable Predicate filter);

        /** Replaces the order, and clears any keyset position (which depends on the order). */
        Builder<T> orderBy(List<OrderItem> keys);

        /** Removes duplicate rows, or not. */
        Builder<T> distinct(boolean removeDuplicates);

        /** The most rows returned ({@code null} for no limit). */
        Builder<T> limit(@Nullable Long rows);

        /** Rows skipped ({@code null} for none). */
        Builder<T> offset(@Nullable Long rows);

        /** Keyset paging: the values of the sort keys of the last row seen (empty for none). */
        Builder<T> seekAfter(List<Object> values);

        /** The statement. */
        SelectStatement<T> build();
    }
}
