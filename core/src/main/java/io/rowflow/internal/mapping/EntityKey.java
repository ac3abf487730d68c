package io.rowflow.internal.mapping;

import io.rowflow.QueryException;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The key of an entity: the ordered columns that identify a row and the Java value standing for
 * them. Everything that handles ids (lookups, binds, coalescing, keyset windows, relationship
 * loading, cascades) reads and builds key values through this one description, so the number of
 * key columns is never assumed anywhere else.
 *
 * <p>A key value is the property value for a one-column key; for a composite key it is a value
 * with Java equality matching the database's (a record or {@link io.rowflow.Key}), so key values
 * can index maps and route coalesced rows.
 */
public final class EntityKey {

    /** The composition of a one-column key: the column's value. */
    private static final Function<Object[], Object> SINGLE = values -> values[0];

    private final String owner;
    private final List<MappedColumn> columns;
    private final Class<?> valueType;
    private final Function<Object[], Object> compose;
    private final Function<Object, Object[]> split;
    /** Whether the key value is its one column's value (no composition). */
    private final boolean single;

    private EntityKey(String owner, List<MappedColumn> columns, Class<?> valueType,
                      Function<Object[], Object> compose, Function<Object, Object[]> split) {
        this.owner = owner;
        this.columns = List.copyOf(columns);
        this.valueType = valueType;
        this.compose = compose;
        this.split = split;
        this.single = compose == SINGLE;
    }


    /** A key of one column (a unique column, a foreign key): its value is the column's Java value. */
    public static EntityKey of(MappedColumn column) {
        return single(column.owner(), column);
    }

    /** The key of one column: its value is the column's Java value. */
    static EntityKey single(String owner, MappedColumn column) {
        return new EntityKey(owner, List.of(column), wrap(column.javaType()), SINGLE,
                key -> new Object[]{key});
    }

    /**
     * A key of several columns whose value is built from the column values in key order by
     * {@code compose}, and split back by {@code split}.
     */
    static EntityKey composite(String owner, List<MappedColumn> columns, Class<?> valueType,
                               Function<Object[], Object> compose, Function<Object, Object[]> split) {
        return new EntityKey(owner, columns, valueType, compose, split);
    }

    /** The key columns, in key order. */
    public List<MappedColumn> columns() {
        return columns;
    }

    /** Whether the key has more than one column. */
    public boolean composite() {
        return columns.size() > 1;
    }

    /** The only column of a one-column key. */
    public MappedColumn column() {
        if (composite()) {
            throw new IllegalStateException(owner + " has a composite key " + describeColumns());
        }
        return columns.get(0);
    }

    /** The Java type of key values (wrapper types for primitives). */
    public Class<?> valueType() {
        return valueType;
    }

    /** The column the database generates, or {@code null}: only a one-column key can be generated. */
    public @Nullable MappedColumn generatedColumn() {
        return !composite() && columns.get(0).isGenerated() ? columns.get(0) : null;
    }

    /** The key value held by an entity's extracted column values, or {@code null} when a key column is null. */
    public @Nullable Object fromEntityValues(Object[] entityValues) {
        if (single) {
            return entityValues[columns.get(0).index()];
        }
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = entityValues[columns.get(i).index()];
            if (values[i] == null) {
                return null;
            }
        }
        return compose.apply(values);
    }

    /** The key value of column values given in key order; {@code null} when one of them is null. */
    public @Nullable Object fromColumns(Object[] keyValues) {
        for (Object value : keyValues) {
            if (value == null) {
                return null;
            }
        }
        return compose.apply(keyValues);
    }

    /**
     * The column values (Java values, in key order) of a key value given by a caller; a
     * {@link QueryException} when it is not a value of this key.
     */
    public Object[] columnValues(Object key) {
        if (!valueType.isInstance(key)) {
            throw new QueryException("The key of " + owner + " is a " + valueType.getName() + describeColumnsIfComposite()
                    + ", not a " + key.getClass().getName());
        }
        Object[] values = split.apply(key);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                throw new QueryException("The key " + key + " of " + owner + " has no value for "
                        + columns.get(i).propertyPath());
            }
        }
        return values;
    }

    /** Whether a value is a key value of this key. */
    public boolean accepts(Object key) {
        return valueType.isInstance(key);
    }

    /** {@code (actor_id, film_id)}, for messages. */
    public String describeColumns() {
        return "(" + String.join(", ", columns.stream().map(MappedColumn::columnName).toList()) + ")";
    }

    private String describeColumnsIfComposite() {
        return composite() ? " of " + describeColumns() : "";
    }

    static Class<?> wrap(Class<?> type) {
        return MethodType.methodType(type).wrap().returnType();
    }

    @Override
    public String toString() {
        return "EntityKey[" + owner + " " + describeColumns() + " as " + valueType.getSimpleName() + "]";
    }
}
