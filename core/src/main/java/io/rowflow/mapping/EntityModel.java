package io.rowflow.mapping;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What Rowflow knows about one entity class: its table, columns, key and version. Built once per
 * class and database from the annotations, then only read.
 *
 * @param <T> the entity type
 * @since 0.1
 */
public interface EntityModel<T> {

    /** The entity class or record. */
    Class<T> type();

    /** The table name, unquoted. */
    String tableName();

    /** The schema name, unquoted, or {@code null} for the connection's default. */
    @Nullable String schemaName();

    /** Every column, embedded ones flattened in place, in declaration order. */
    List<ColumnModel> columns();

    /**
     * The primary-key column of an entity whose key is one column.
     *
     * @throws IllegalStateException when the key has several columns; use {@link #keyColumns()}
     */
    ColumnModel idColumn();

    /**
     * The primary-key columns in key order: one for a single {@code @Id}, several for a composite key.
     *
     * @since 0.2
     */
    List<ColumnModel> keyColumns();

    /** The optimistic-lock version column, or {@code null} when the entity has none. */
    @Nullable ColumnModel versionColumn();

    /** The relationships, in declaration order. */
    List<RelationModel> relations();

    /** The relationship with this property name, or {@code null}. */
    @Nullable RelationModel relation(String name);

    /** The column mapped to a property path such as {@code title} or {@code address.city}, or {@code null}. */
    @Nullable ColumnModel column(String propertyPath);
}
