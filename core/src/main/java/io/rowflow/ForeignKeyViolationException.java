package io.rowflow;

import org.jspecify.annotations.Nullable;

/**
 * A statement referenced a missing row, or deleted a row still referenced, through a foreign key.
 *
 * @since 0.1
 */
public class ForeignKeyViolationException extends IntegrityViolationException {

    /** Creates the exception; see {@link DataAccessException} for the parameters. */
    public ForeignKeyViolationException(String message, @Nullable String sql, @Nullable String sqlState,
                                        @Nullable Throwable cause) {
        super(message, sql, sqlState, cause);
    }
}
