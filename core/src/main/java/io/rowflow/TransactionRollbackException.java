package io.rowflow;

import org.jspecify.annotations.Nullable;

/**
 * A transaction could not commit and was rolled back instead, because a statement inside it
 * failed (even if the error was handled) or because it was marked rollback-only.
 *
 * <p>Rowflow treats a failed statement as fatal to the transaction on every database, the way
 * PostgreSQL does, so no database silently commits partial work. To recover from an expected
 * failure inside a transaction, run that step in a nested {@code inTransaction} (a savepoint).
 *
 * @since 0.1
 */
public class TransactionRollbackException extends RowflowException {

    /** Creates the exception with the failure that doomed the transaction, if known. */
    public TransactionRollbackException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
