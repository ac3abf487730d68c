package io.rowflow;

import org.jspecify.annotations.Nullable;

/**
 * Root of every exception Rowflow raises. Unchecked: reactive publishers deliver it through
 * {@code onError}, and methods returning {@code Mono}/{@code Flux} never declare {@code throws}.
 *
 * @since 0.1
 */
public class RowflowException extends RuntimeException {

    /** Creates an exception with a message. */
    public RowflowException(String message) {
        super(message);
    }

    /** Creates an exception with a message and its cause. */
    public RowflowException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
