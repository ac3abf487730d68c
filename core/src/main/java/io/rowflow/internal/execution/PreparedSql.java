package io.rowflow.internal.execution;

import java.util.Arrays;
import reactor.util.context.ContextView;

/**
 * A statement ready to run: SQL text with bind markers, and the driver values to bind in order.
 * {@code NULL} values are {@link NullValue} entries carrying the type the driver needs.
 *
 * @param sql the statement text; never contains a value
 * @param binds the driver values, one per bind marker
 */
public record PreparedSql(String sql, Object[] binds) {

    /** A statement without parameters. */
    public static PreparedSql of(String sql) {
        return new PreparedSql(sql, new Object[0]);
    }

    /**
     * A value known only when the statement runs: taken from the subscriber's Reactor
     * {@code Context} (a tenant), so a statement rendered once per shape binds it per execution.
     */
    @FunctionalInterface
    public interface Deferred {
        /** The driver value to bind (or a {@link NullValue}) for an execution in this context. */
        Object driverValue(ContextView context);
    }

    /** A typed {@code NULL} to bind. */
    public record NullValue(Class<?> type) {
    }

    @Override
    public String toString() {
        return sql + " [" + binds.length + " bind" + (binds.length == 1 ? "" : "s") + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PreparedSql that && sql.equals(that.sql) && Arrays.equals(binds, that.binds);
    }

    @Override
    public int hashCode() {
        return 31 * sql.hashCode() + Arrays.hashCode(binds);
    }
}
