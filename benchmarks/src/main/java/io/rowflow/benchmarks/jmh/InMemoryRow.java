package io.rowflow.benchmarks.jmh;

import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;

/** A row held in memory, as a driver hands values out: by position, already decoded. */
final class InMemoryRow implements Row {

    private final Object[] values;

    InMemoryRow(Object... values) {
        this.values = values.clone();
    }

    @Override
    public <T> T get(int index, Class<T> type) {
        return type.cast(values[index]);
    }

    @Override
    public <T> T get(String name, Class<T> type) {
        throw new UnsupportedOperationException("by position only");
    }

    @Override
    public RowMetadata getMetadata() {
        throw new UnsupportedOperationException("not needed by position");
    }
}
