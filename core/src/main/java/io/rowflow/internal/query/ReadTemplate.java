package io.rowflow.internal.query;

import io.rowflow.QueryException;
import io.rowflow.internal.convert.ConverterRegistry;
import io.rowflow.internal.convert.ValueCodec;
import io.rowflow.internal.execution.PreparedSql;
import io.rowflow.internal.mapping.MappedColumn;
import java.lang.reflect.Array;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A rendered {@link KeyedRead}: its SQL text and fixed bind values, rendered once per shape, and
 * the place of its key values among the binds, filled per execution. Binding allocates the bind
 * array (and the key arrays), nothing per row.
 */
final class ReadTemplate {

    private final String sql;
    private final Object[] binds;
    private final int slot;
    private final KeyedRead.@Nullable Match match;
    private final ConverterRegistry converters;

    ReadTemplate(String sql, Object[] binds, int slot, KeyedRead.@Nullable Match match, ConverterRegistry converters) {
        this.sql = sql;
        this.binds = binds;
        this.slot = slot;
        this.match = match;
        this.converters = converters;
    }

    String sql() {
        return sql;
    }

    /** The statement of a read without key values. */
    PreparedSql bind() {
        return new PreparedSql(sql, binds.clone());
    }

    /** The statement of a read of the rows with one key value ({@link KeyedRead.Form#EQUAL}). */
    PreparedSql bindOne(Object key) {
        KeyedRead.Match equal = requireMatch();
        Object[] parts = equal.key().columnValues(key);
        List<MappedColumn> columns = equal.key().columns();
        Object[] values = binds.clone();
        for (int i = 0; i < parts.length; i++) {
            Object converted = driverValue(columns.get(i), parts[i]);
            values[slot + i] = converted == null ? new PreparedSql.NullValue(columns.get(i).storedType()) : converted;
        }
        return new PreparedSql(sql, values);
    }

    /**
     * The statement of a read of the rows with any of the key values: one array per key column
     * ({@link KeyedRead.Form#ARRAYS}), or each value on its own ({@link KeyedRead.Form#LIST},
     * exactly as many as the template was rendered for).
     */
    PreparedSql bindAll(List<?> keys) {
        KeyedRead.Match set = requireMatch();
        List<MappedColumn> columns = set.key().columns();
        Object[] values = binds.clone();
        if (set.form() == KeyedRead.Form.ARRAYS) {
            for (int c = 0; c < columns.size(); c++) {
                values[slot + c] = Array.newInstance(columns.get(c).storedType(), keys.size());
            }
            for (int k = 0; k < keys.size(); k++) {
                Object[] parts = parts(set, keys.get(k));
                for (int c = 0; c < parts.length; c++) {
                    Array.set(values[slot + c], k, driverValue(columns.get(c), parts[c]));
                }
            }
        } else {
            if (keys.size() != set.size()) {
                throw new IllegalStateException("A read rendered for " + set.size() + " keys was given " + keys.size());
            }
            int position = slot;
            for (Object key : keys) {
                Object[] parts = parts(set, key);
                for (int c = 0; c < parts.length; c++) {
                    values[position++] = driverValue(columns.get(c), parts[c]);
                }
            }
        }
        return new PreparedSql(sql, values);
    }

    private KeyedRead.Match requireMatch() {
        if (match == null) {
            throw new IllegalStateException("This read has no key values to bind: " + sql);
        }
        return match;
    }

    /** A key value's column values: the value itself for one column, the key's split otherwise. */
    private static Object[] parts(KeyedRead.Match match, Object key) {
        return match.key().composite() ? match.key().columnValues(key) : new Object[]{key};
    }

    /** A Java value as the driver binds it, converted like the column stores values when it is of the column's type. */
    private @Nullable Object driverValue(MappedColumn column, @Nullable Object value) {
        if (value == null) {
            return null;
        }
        ValueCodec codec = SqlWriter.wrapped(column.javaType()).isInstance(value) ? column.codec()
                : converters.codecForValue(value);
        if (codec == null) {
            throw new QueryException("Cannot bind a value of type " + value.getClass().getName() + " to "
                    + column.describe() + ": no converter for it; register one on the Database");
        }
        return codec.toDatabase(value);
    }

    @Override
    public String toString() {
        return sql;
    }
}
