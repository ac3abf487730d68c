package io.rowflow.internal.execution;

import io.rowflow.internal.convert.ValueCodec;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Collects the driver values of one statement, converting each Java value through its codec.
 */
public final class BindValues {

    private final List<Object> values;

    /** Creates an empty collector sized for the expected number of values. */
    public BindValues(int expected) {
        this.values = new ArrayList<>(expected);
    }

    /** Adds one value converted by the codec; {@code null} becomes a typed {@code NULL}. */
    public BindValues add(ValueCodec codec, @Nullable Object javaValue) {
        Object converted = codec.toDatabase(javaValue);
        values.add(converted == null ? new PreparedSql.NullValue(codec.storedType()) : converted);
        return this;
    }

    /** The number of values collected so far. */
    public int size() {
        return values.size();
    }

    /** The statement with these values. */
    public PreparedSql toStatement(String sql) {
        return new PreparedSql(sql, values.toArray());
    }
}
