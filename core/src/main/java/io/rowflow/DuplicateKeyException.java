package io.rowflow;

import org.jspecify.annotations.Nullable;

/**
 * An insert or update would duplicate a primary key or unique value.
 *
 * @since 0.1
 */
public class DuplicateKeyException extends IntegrityViolationException {

    /** Creates the exception; see {@link DataAccessException} for the parameters. */
    public DuplicateKeyException(String message, @Nullable String sql, @Nullable String sqlState,
                                 @Nullable Throwable cause) {
        super(message, sql, sqlState, cause);
    }
}
