package io.rowflow;

import org.jspecify.annotations.Nullable;

/**
 * A query or operation was asked for in a shape Rowflow cannot run: an unbound parameter, an
 * update without id, an unknown sort key... Raised before any SQL is sent.
 *
 * @since 0.1
 */
public class QueryException extends RowflowException {

    /** Creates the exception. */
    public QueryException(String message) {
        super(message);
    }

    /** Creates the exception with its cause. */
    public QueryException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
