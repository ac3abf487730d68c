package io.rowflow;

/**
 * A query expected to return at most one row returned more.
 *
 * @since 0.1
 */
public class NonUniqueResultException extends RowflowException {

    /** Creates the exception. */
    public NonUniqueResultException(String message) {
        super(message);
    }
}
