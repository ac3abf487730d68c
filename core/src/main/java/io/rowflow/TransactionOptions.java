package io.rowflow;

import io.r2dbc.spi.IsolationLevel;
import org.jspecify.annotations.Nullable;

/**
 * How to start a transaction: isolation level (the database's default when {@code null}) and
 * whether it is read-only. Options apply to the outermost transaction; nested scopes are
 * savepoints of it.
 *
 * @param isolationLevel the isolation level, or {@code null} for the database default
 * @param readOnly whether the transaction may only read
 * @since 0.1
 */
public record TransactionOptions(@Nullable IsolationLevel isolationLevel, boolean readOnly) {

    /** The database's default isolation, read-write. */
    public static TransactionOptions defaults() {
        return new TransactionOptions(null, false);
    }

    /** A read-only transaction at the database's default isolation. */
    public static TransactionOptions readOnlyTransaction() {
        return new TransactionOptions(null, true);
    }

    /** A read-write transaction at the given isolation level. */
    public static TransactionOptions isolation(IsolationLevel isolationLevel) {
        return new TransactionOptions(isolationLevel, false);
    }

    /** A copy with the given isolation level. */
    public TransactionOptions withIsolationLevel(@Nullable IsolationLevel level) {
        return new TransactionOptions(level, readOnly);
    }

    /** A copy with the given read-only flag. */
    public TransactionOptions withReadOnly(boolean readOnly) {
        return new TransactionOptions(isolationLevel, readOnly);
    }
}
