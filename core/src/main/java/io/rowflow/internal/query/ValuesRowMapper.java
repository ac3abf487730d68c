package io.rowflow.internal.query;

import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import io.rowflow.MappingException;
import io.rowflow.internal.convert.StoredValues;
import io.rowflow.internal.convert.ValueCodec;
import io.rowflow.sql.Projection;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Maps the rows of a value projection: each position is read with the reader and codec resolved for it once,
 * then the values go to the projection's factory (a record constructor, a tuple...).
 */
final class ValuesRowMapper<T> implements BiFunction<Row, RowMetadata, T> {

    private final Projection.Values<T> projection;
    private final ValueCodec[] codecs;
    private final StoredValues.Reader[] readers;

    ValuesRowMapper(Projection.Values<T> projection, List<ValueCodec> codecs) {
        this.projection = projection;
        this.codecs = codecs.toArray(ValueCodec[]::new);
        this.readers = codecs.stream().map(codec -> StoredValues.reader(codec.storedType())).toArray(StoredValues.Reader[]::new);
    }

    @Override
    public T apply(Row row, RowMetadata metadata) {
        Object[] values = new Object[codecs.length];
        for (int i = 0; i < values.length; i++) {
            ValueCodec codec = codecs[i];
            Object stored;
            try {
                stored = readers[i].read(row, i);
            } catch (RuntimeException e) {
                throw new MappingException("Cannot read column " + (i + 1) + " of the result as "
                        + codec.storedType().getSimpleName() + " for " + projection.type().getName() + ": " + e.getMessage(), e);
            }
            values[i] = codec.fromDatabase(stored);
        }
        try {
            return projection.factory().create(values);
        } catch (MappingException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MappingException("Could not create " + projection.type().getName() + " from a row: " + e, e);
        }
    }
}
