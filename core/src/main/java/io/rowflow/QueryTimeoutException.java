package io.rowflow;

import org.jspecify.annotations.Nullable;

/**
 * A statement was cancelled by the server because it ran past a timeout (PostgreSQL 57014,
 * {@code statement_timeout}). Transient: it may succeed when the load is lower.
 *
 * @since 0.1
 */
public class QueryTimeoutException extends DataAccessException {

    /** Creates the exception; see {@link DataAccessException} for the parameters. */
    public QueryTimeoutException(String message, @Nullable String sql, @Nullable String sqlState,
                                 @Nullable Throwable cause) {
        super(message, sql, sqlState, true, cause);
    }
}
