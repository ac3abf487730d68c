package io.rowflow.internal.model;

import io.rowflow.QueryException;
import io.rowflow.sql.Expression;
import io.rowflow.sql.Join;
import io.rowflow.sql.OrderItem;
import io.rowflow.sql.Predicate;
import io.rowflow.sql.Projection;
import io.rowflow.sql.SelectStatement;
import io.rowflow.sql.TableRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The representation of a {@link SelectStatement}, read by the renderer and the runtime. Created
 * only by its {@link Builder}, so adding a clause means a component here, a builder method, and its
 * rendering in the SQL writer; no public constructor changes.
 *
 * @param projection what each row becomes
 * @param from the first table ({@code null} only while a DSL query is under construction)
 * @param joins joined tables, in order
 * @param where the row filter, or {@code null}
 * @param groupBy grouping expressions
 * @param having the group filter, or {@code null}
 * @param orderBy sort keys
 * @param distinct whether duplicate rows are removed
 * @param limit the most rows returned, or {@code null}
 * @param offset rows skipped, or {@code null}
 * @param seekAfter keyset paging: values of the sort keys of the last row seen (empty for none)
 * @param <T> the row type
 */
public record SelectModel<T>(Projection<T> projection, @Nullable TableRef from, List<Join> joins,
                             @Nullable Predicate where, List<Expression> groupBy, @Nullable Predicate having,
                             List<OrderItem> orderBy, boolean distinct, @Nullable Long limit, @Nullable Long offset,
                             List<Object> seekAfter) implements SelectStatement<T> {

    /** Checks and copies. */
    public SelectModel {
        Objects.requireNonNull(projection, "projection");
        joins = List.copyOf(joins);
        groupBy = List.copyOf(groupBy);
        orderBy = List.copyOf(orderBy);
        seekAfter = Collections.unmodifiableList(new ArrayList<>(seekAfter));
    }

    /** A builder of a select of {@code projection}. */
    public static <T> Builder<T> builder(Projection<T> projection) {
        return new Builder<>(Objects.requireNonNull(projection, "projection"));
    }

    /** A select of whole entities from their table, with nothing else set. */
    public static <T> SelectModel<T> of(TableRef from, Class<T> entityType) {
        return builder(new Projection.Entity<>(from, entityType)).from(from).build();
    }

    /** The representation of a statement, or a {@link QueryException} for one not built by Rowflow. */
    public static <T> SelectModel<T> of(SelectStatement<T> statement) {
        if (statement instanceof SelectModel<T> model) {
            return model;
        }
        throw new QueryException("A SelectStatement must be built with SelectStatement.builder(...) or the query DSL, not "
                + statement.getClass().getName());
    }

    @Override
    public Builder<T> toBuilder() {
        return new Builder<>(this);
    }

    @Override
    public SelectModel<T> withFrom(TableRef table) {
        return toBuilder().from(table).build();
    }

    @Override
    public SelectModel<T> withJoin(Join join) {
        return toBuilder().join(join).build();
    }

    @Override
    public SelectModel<T> withWhere(@Nullable Predicate filter) {
        return toBuilder().where(filter).build();
    }

    @Override
    public SelectModel<T> withGroupBy(List<Expression> expressions) {
        return toBuilder().groupBy(expressions).build();
    }

    @Override
    public SelectModel<T> withHaving(@Nullable Predicate filter) {
        return toBuilder().having(filter).build();
    }

    @Override
    public SelectModel<T> withDistinct(boolean removeDuplicates) {
        return toBuilder().distinct(removeDuplicates).build();
    }

    @Override
    public SelectModel<T> withLimit(@Nullable Long rows) {
        return toBuilder().limit(rows).build();
    }

    @Override
    public SelectModel<T> withOffset(@Nullable Long rows) {
        return toBuilder().offset(rows).build();
    }

    @Override
    public SelectModel<T> withOrderBy(List<OrderItem> keys) {
        return toBuilder().orderBy(keys).build();
    }

    @Override
    public SelectModel<T> withSeekAfter(List<Object> values) {
        return toBuilder().seekAfter(values).build();
    }

    /**
     * The builder of a {@link SelectModel}.
     *
     * @param <T> the row type
     */
    public static final class Builder<T> implements SelectStatement.Builder<T> {

        private final Projection<T> projection;
        private @Nullable TableRef from;
        private List<Join> joins = List.of();
        private @Nullable Predicate where;
        private List<Expression> groupBy = List.of();
        private @Nullable Predicate having;
        private List<OrderItem> orderBy = List.of();
        private boolean distinct;
        private @Nullable Long limit;
        private @Nullable Long offset;
        private List<Object> seekAfter = List.of();

        private Builder(Projection<T> projection) {
            this.projection = projection;
        }

        private Builder(SelectModel<T> model) {
            this.projection = model.projection;
            this.from = model.from;
            this.joins = model.joins;
            this.where = model.where;
            this.groupBy = model.groupBy;
            this.having = model.having;
            this.orderBy = model.orderBy;
            this.distinct = model.distinct;
            this.limit = model.limit;
            this.offset = model.offset;
            this.seekAfter = model.seekAfter;
        }

        @Override
        public Builder<T> from(TableRef table) {
            this.from = Objects.requireNonNull(table, "table");
            return this;
        }

        @Override
        public Builder<T> join(Join join) {
            List<Join> more = new ArrayList<>(joins);
            more.add(Objects.requireNonNull(join, "join"));
            this.joins = more;
            return this;
        }

        @Override
        public Builder<T> where(@Nullable Predicate filter) {
            this.where = filter;
            return this;
        }

        @Override
        public Builder<T> and(Predicate condition) {
            Objects.requireNonNull(condition, "condition");
            this.where = where == null ? condition : new Predicate.And(List.of(where, condition));
            return this;
        }

        @Override
        public Builder<T> groupBy(List<Expression> expressions) {
            this.groupBy = expressions;
            return this;
        }

        @Override
        public Builder<T> having(@Nullable Predicate filter) {
            this.having = filter;
            return this;
        }

        @Override
        public Builder<T> orderBy(List<OrderItem> keys) {
            this.orderBy = keys;
            this.seekAfter = List.of();
            return this;
        }

        @Override
        public Builder<T> distinct(boolean removeDuplicates) {
            this.distinct = removeDuplicates;
            return this;
        }

        @Override
        public Builder<T> limit(@Nullable Long rows) {
            this.limit = rows;
            return this;
        }

        @Override
        public Builder<T> offset(@Nullable Long rows) {
            this.offset = rows;
            return this;
        }

        @Override
        public Builder<T> seekAfter(List<Object> values) {
            this.seekAfter = values;
            return this;
        }

        @Override
        public SelectModel<T> build() {
            return new SelectModel<>(projection, from, joins, where, groupBy, having, orderBy, distinct, limit, offset,
                    seekAfter);
        }
    }
}
