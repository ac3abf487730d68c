package io.rowflow.internal.execution;

import io.r2dbc.spi.ColumnMetadata;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.ReadableMetadata;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import io.rowflow.MappingException;
import io.rowflow.internal.convert.StoredValues;
import io.rowflow.internal.mapping.DefaultEntityModel;
import io.rowflow.internal.mapping.MappedColumn;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * Turns rows into instances of a mapped type. Column positions are resolved once per result
 * (not per row): either fixed, for SQL Rowflow rendered itself, or looked up by name in the
 * row metadata, for hand-written SQL.
 *
 * @param <T> the mapped type
 */
public final class EntityRowMapper<T> implements BiFunction<Row, RowMetadata, T> {

    private final DefaultEntityModel<T> model;
    private final List<MappedColumn> columns;
    private final int @Nullable [] fixedPositions;
    private volatile @Nullable Resolved resolved;

    private EntityRowMapper(DefaultEntityModel<T> model, int @Nullable [] fixedPositions) {
        this.model = model;
        this.columns = model.mappedColumns();
        this.fixedPositions = fixedPositions;
    }

    /** For results whose columns are exactly the model's columns, in model order. */
    public static <T> EntityRowMapper<T> byPosition(DefaultEntityModel<T> model) {
        int[] positions = new int[model.mappedColumns().size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = i;
        }
        return new EntityRowMapper<>(model, positions);
    }

    /** For results of hand-written SQL: columns are found by name (case-insensitive); extra columns are ignored. */
    public static <T> EntityRowMapper<T> byName(DefaultEntityModel<T> model) {
        return new EntityRowMapper<>(model, null);
    }

    @Override
    public T apply(Row row, RowMetadata metadata) {
        int[] positions = fixedPositions != null ? fixedPositions : positionsFor(metadata);
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = read(row, positions[i], columns.get(i), model.reader(i));
        }
        return model.assemble(values);
    }

    /** Reads one column value at a position and converts it to the column's Java type. */
    public static @Nullable Object read(Readable row, int position, MappedColumn column) {
        return read(row, position, column, (readable, index) -> StoredValues.read(readable, index, column.storedType()));
    }

    /** As {@link #read(Readable, int, MappedColumn)}, with the way its stored type is read resolved beforehand. */
    private static @Nullable Object read(Readable row, int position, MappedColumn column, StoredValues.Reader reader) {
        Object stored;
        try {
            stored = reader.read(row, position);
        } catch (RuntimeException e) {
            throw new MappingException("Cannot read column '" + column.columnName() + "' as "
                    + column.storedType().getSimpleName() + " for " + column.describe() + ": " + e.getMessage(), e);
        }
        try {
            return column.codec().fromDatabase(stored);
        } catch (MappingException e) {
            throw new MappingException("Column '" + column.columnName() + "' for " + column.describe() + ": "
                    + e.getMessage(), e.getCause());
        }
    }

    private int[] positionsFor(RowMetadata metadata) {
        Resolved current = resolved;
        if (current != null && current.metadata == metadata) {
            return current.positions;
        }
        Map<String, Integer> byName = new HashMap<>();
        List<? extends ColumnMetadata> available = metadata.getColumnMetadatas();
        for (int i = 0; i < available.size(); i++) {
            byName.putIfAbsent(available.get(i).getName().toLowerCase(Locale.ROOT), i);
        }
        int[] positions = new int[columns.size()];
        for (int i = 0; i < positions.length; i++) {
            Integer position = byName.get(columns.get(i).columnName().toLowerCase(Locale.ROOT));
            if (position == null) {
                throw new MappingException("The result has no column '" + columns.get(i).columnName() + "' for "
                        + columns.get(i).describe() + "; result columns are "
                        + available.stream().map(ReadableMetadata::getName).toList());
            }
            positions[i] = position;
        }
        resolved = new Resolved(metadata, positions);
        return positions;
    }

    private record Resolved(RowMetadata metadata, int[] positions) {
    }
}
