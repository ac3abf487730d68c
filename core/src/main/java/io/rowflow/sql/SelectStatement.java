package io.rowflow.sql;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An immutable {@code SELECT}: what to return, from where, which rows, in which order, which page.
 *
 * @param projection what each row becomes
 * @param from the first table
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
 * @param <T> the row type
 * @since 0.1
 */
public record SelectStatement<T>(Projection<T> projection, TableRef from, List<Join> joins,
                                 @Nullable Predicate where, List<Expression> groupBy, @Nullable Predicate having,
                                 List<OrderItem> orderBy, boolean distinct, @Nullable Long limit,
                                 @Nullable Long offset, List<Object> seekAfter, int fetchSize) implements Selectable<T> {

    /** Checks and copies. */
    public SelectStatement {
        Objects.requireNonNull(projection, "projection");
        Objects.requireNonNull(from, "from");
        joins = List.copyOf(joins);
        groupBy = List.copyOf(groupBy);
        orderBy = List.copyOf(orderBy);
        seekAfter = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(seekAfter));
    }

    /** A select of whole entities from their table, with nothing else set. */
    public static <T> SelectStatement<T> of(TableRef from, Class<T> entityType) {
        return new SelectStatement<>(new Projection.Entity<>(from, entityType), from, List.of(), null, List.of(), null,
                List.of(), false, null, null, List.of(), 0);
    }

    @Override
    public SelectStatement<T> toStatement() {
        return this;
    }
}
