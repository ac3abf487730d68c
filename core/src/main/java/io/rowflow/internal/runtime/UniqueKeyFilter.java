package io.rowflow.internal.runtime;

import io.rowflow.internal.mapping.DefaultEntityModel;
import io.rowflow.internal.mapping.EntityKey;
import io.rowflow.internal.mapping.EntityModels;
import io.rowflow.internal.mapping.MappedColumn;
import io.rowflow.sql.Expression;
import io.rowflow.sql.Predicate;
import io.rowflow.sql.Projection;
import io.rowflow.internal.model.SelectModel;
import io.rowflow.sql.TableRef;
import org.jspecify.annotations.Nullable;

/**
 * Recognises a select that is a point lookup in disguise: whole entities of one table, filtered
 * only by equality of the id or a unique column with a non-null value, with nothing that could
 * change which single row it returns (no join, grouping, distinct, offset or keyset position).
 * Such a query can go through the lookup coalescer; its order and limit cannot matter.
 *
 * @param model the entity looked up
 * @param key the unique column compared, as a key of one column
 * @param value the value it must equal
 * @param <T> the entity type
 */
record UniqueKeyFilter<T>(DefaultEntityModel<T> model, EntityKey key, Object value) {

    /** The lookup the statement amounts to, or {@code null} when it is a query of another shape. */
    static <T> @Nullable UniqueKeyFilter<T> of(SelectModel<T> statement, EntityModels models) {
        if (!(statement.projection() instanceof Projection.Entity<T> entity) || !entity.table().equals(statement.from())
                || !statement.joins().isEmpty() || !statement.groupBy().isEmpty() || statement.having() != null
                || statement.distinct() || statement.offset() != null && statement.offset() != 0
                || !statement.seekAfter().isEmpty() || statement.limit() != null && statement.limit() < 1
                || !(statement.where() instanceof Predicate.Comparison comparison)
                || comparison.operator() != Predicate.ComparisonOperator.EQ) {
            return null;
        }
        DefaultEntityModel<T> model = models.entity(entity.entityType());
        UniqueKeyFilter<T> filter = match(model, entity.table(), comparison.left(), comparison.right());
        return filter != null ? filter : match(model, entity.table(), comparison.right(), comparison.left());
    }

    private static <T> @Nullable UniqueKeyFilter<T> match(DefaultEntityModel<T> model, TableRef table, Expression key,
                                                          Expression compared) {
        if (key instanceof Expression.Column column && column.table().equals(table)
                && compared instanceof Expression.Value value && value.value() != null) {
            MappedColumn mapped = model.column(column.propertyPath());
            if (mapped != null && (mapped.unique() || !model.key().composite() && mapped.isId())) {
                return new UniqueKeyFilter<>(model, EntityKey.of(mapped), value.value());
            }
        }
        return null;
    }
}
