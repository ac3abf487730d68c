package io.rowflow;

/**
 * An update or delete of one entity matched no row: another transaction changed its
 * {@link io.rowflow.annotation.Version} (or deleted it) since it was read. Reload and retry.
 *
 * @since 0.1
 */
public class OptimisticLockException extends RowflowException {

    /** Creates the exception. */
    public OptimisticLockException(String message) {
        super(message);
    }
}
