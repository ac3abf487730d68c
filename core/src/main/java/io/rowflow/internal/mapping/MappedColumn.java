package io.rowflow.internal.mapping;

import io.rowflow.internal.convert.ValueCodec;
import io.rowflow.mapping.ColumnModel;
import org.jspecify.annotations.Nullable;

/**
 * A column of a built entity model: what {@link ColumnModel} tells users plus the position in the
 * flattened value array and the codec resolved for it.
 */
public record MappedColumn(
        String propertyPath,
        String columnName,
        Class<?> javaType,
        boolean nullable,
        int length,
        int precision,
        int scale,
        boolean unique,
        boolean isId,
        boolean isGenerated,
        boolean isVersion,
        @Nullable Class<?> references,
        int index,
        ValueCodec codec,
        String owner) implements ColumnModel {

    @Override
    public Class<?> storedType() {
        return codec.storedType();
    }

    /** {@code Owner.property.path}, for messages. */
    public String describe() {
        return owner + "." + propertyPath;
    }
}
