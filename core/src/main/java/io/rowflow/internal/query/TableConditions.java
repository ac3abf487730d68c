package io.rowflow.internal.query;

import io.rowflow.internal.mapping.DefaultEntityModel;
import io.rowflow.internal.mapping.MappedColumn;
import io.rowflow.sql.Predicate;
import io.rowflow.sql.TableRef;
import org.jspecify.annotations.Nullable;

/**
 * Conditions every read of an entity's rows must satisfy, wherever its table appears: the one hook
 * where the SQL writer renders an entity table in {@code FROM} (the condition joins the
 * {@code WHERE} clause) or in a {@code JOIN} (it joins the {@code ON} clause). Queries, subqueries,
 * lookups by key, coalesced lookup batches, counts, existence checks and relationship follow-ups
 * are all rendered by that writer, so a condition given here applies to each of them; global
 * filters (soft delete) and tenancy discriminators are meant to be users of it.
 *
 * <p>Rendered statements of lookups are cached per shape, so a condition must be the same for
 * every statement of a database: the same predicate (and bound values) each time it is asked for
 * the same table and entity. Updates and deletes by predicate ({@code DataChange}) are limited by
 * the condition of their target as well.
 */
@FunctionalInterface
public interface TableConditions {

    /** No conditions: every statement renders exactly as its query model says. */
    TableConditions NONE = (table, model) -> null;

    /**
     * The condition on one appearance of an entity's table, written on {@code table} (its columns
     * as {@code new Expression.Column(table, "property")}), or {@code null} for none.
     *
     * @param table the appearance of the table in the statement being rendered
     * @param model the entity whose table it is
     */
    @Nullable Predicate on(TableRef table, DefaultEntityModel<?> model);

    /**
     * Checks that an update statement may set a column of an entity (it may not move rows to
     * another tenant); throws {@link io.rowflow.QueryException} if not. Every column may be set by default.
     */
    default void checkAssignment(DefaultEntityModel<?> model, MappedColumn column) {
    }
}
