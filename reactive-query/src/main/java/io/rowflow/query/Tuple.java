package io.rowflow.query;

import io.rowflow.QueryException;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One row of a {@code selectTuple(...)} query, read by the expressions that were selected:
 * {@code tuple.get(AUTHOR.name)}.
 *
 * @since 0.1
 */
public final class Tuple {

    private final List<Expr<?>> expressions;
    private final Object[] values;

    Tuple(List<Expr<?>> expressions, Object[] values) {
        this.expressions = expressions;
        this.values = values.clone();
    }

    /** The value of a selected expression; {@code null} for SQL NULL. */
    public <V> @Nullable V get(Expr<V> expression) {
        int index = expressions.indexOf(expression);
        if (index < 0) {
            throw new QueryException(expression + " was not selected; selected: " + expressions);
        }
        return expression.javaType().cast(values[index]);
    }

    /** The value at a zero-based position. */
    public @Nullable Object get(int index) {
        return values[index];
    }

    /** The number of values. */
    public int size() {
        return values.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Tuple that && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Tuple" + Arrays.toString(values);
    }
}
