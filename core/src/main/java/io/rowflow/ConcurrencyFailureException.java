package io.rowflow;

import org.jspecify.annotations.Nullable;

/**
 * The database gave up on a transaction because of concurrent work: serialization failure
 * (40001), deadlock (40P01) or lock timeout (55P03). Always transient: retry the whole
 * transaction.
 *
 * @since 0.1
 */
public class ConcurrencyFailureException extends DataAccessException {

    /** Creates the exception; see {@link DataAccessException} for the parameters. */
    public ConcurrencyFailureException(String message, @Nullable String sql, @Nullable String sqlState,
                                       @Nullable Throwable cause) {
        super(message, sql, sqlState, true, cause);
    }
}
