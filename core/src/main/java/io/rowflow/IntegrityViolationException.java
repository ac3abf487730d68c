package io.rowflow;

import org.jspecify.annotations.Nullable;

/**
 * A statement broke an integrity constraint: not-null, check, unique or foreign key (SQLSTATE
 * class 23). Retrying the same data fails again.
 *
 * @since 0.1
 */
public class IntegrityViolationException extends DataAccessException {

    /** Creates the exception; see {@link DataAccessException} for the parameters. */
    public IntegrityViolationException(String message, @Nullable String sql, @Nullable String sqlState,
                                       @Nullable Throwable cause) {
        super(message, sql, sqlState, false, cause);
    }
}
