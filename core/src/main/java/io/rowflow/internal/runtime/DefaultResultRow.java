package io.rowflow.internal.runtime;

import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import io.rowflow.MappingException;
import io.rowflow.ResultRow;
import io.rowflow.annotation.EnumType;
import io.rowflow.internal.convert.ConverterRegistry;
import io.rowflow.internal.convert.StoredValues;
import io.rowflow.internal.convert.ValueCodec;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ResultRow} reading through the database's converters. Valid only inside the mapping callback.
 */
final class DefaultResultRow implements ResultRow {

    private final Row row;
    private final RowMetadata metadata;
    private final ConverterRegistry converters;

    DefaultResultRow(Row row, RowMetadata metadata, ConverterRegistry converters) {
        this.row = row;
        this.metadata = metadata;
        this.converters = converters;
    }

    @Override
    public <V> @Nullable V get(String column, Class<V> type) {
        ValueCodec codec = codec(type);
        try {
            return type(type).cast(codec.fromDatabase(StoredValues.read(row, column, codec.storedType())));
        } catch (MappingException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MappingException("Cannot read column '" + column + "' as " + type.getName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public <V> @Nullable V get(int index, Class<V> type) {
        ValueCodec codec = codec(type);
        try {
            return type(type).cast(codec.fromDatabase(StoredValues.read(row, index, codec.storedType())));
        } catch (MappingException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MappingException("Cannot read column " + index + " as " + type.getName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public RowMetadata metadata() {
        return metadata;
    }

    private ValueCodec codec(Class<?> type) {
        ValueCodec codec = converters.codecFor(type, EnumType.NAME);
        if (codec == null) {
            throw new MappingException("No conversion to " + type.getName() + "; register a Converter for it");
        }
        return codec;
    }

    @SuppressWarnings("unchecked")
    private static <V> Class<V> type(Class<V> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return (Class<V>) java.lang.invoke.MethodType.methodType(type).wrap().returnType();
    }
}
