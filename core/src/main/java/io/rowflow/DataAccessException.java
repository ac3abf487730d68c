package io.rowflow;

import org.jspecify.annotations.Nullable;

/**
 * The database or driver failed while running a statement.
 *
 * <p>Carries the SQL text that failed (with bind markers only: bound values are never part of the
 * message), the SQLSTATE reported by the database, and the driver's exception as the cause.
 * {@link #isTransient()} says whether running the same work again may succeed (serialization
 * failures, deadlocks, lock and statement timeouts, lost connections).
 *
 * @since 0.1
 */
public class DataAccessException extends RowflowException {

    private final @Nullable String sql;
    private final @Nullable String sqlState;
    private final boolean transientFailure;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, without bound values
     * @param sql the statement text with bind markers, if a statement was involved
     * @param sqlState the SQLSTATE reported by the database, if any
     * @param transientFailure whether retrying may succeed
     * @param cause the driver's exception
     */
    public DataAccessException(String message, @Nullable String sql, @Nullable String sqlState,
                               boolean transientFailure, @Nullable Throwable cause) {
        super(message, cause);
        this.sql = sql;
        this.sqlState = sqlState;
        this.transientFailure = transientFailure;
    }

    /** The statement text that failed, with bind markers in place of values; {@code null} if none. */
    public @Nullable String sql() {
        return sql;
    }

    /** The SQLSTATE the database reported; {@code null} if the failure had none. */
    public @Nullable String sqlState() {
        return sqlState;
    }

    /** Whether running the same work again (in a new transaction) may succeed. */
    public boolean isTransient() {
        return transientFailure;
    }
}
