package io.rowflow;

import org.jspecify.annotations.Nullable;

/**
 * An entity class cannot be mapped (no id, two ids, a field type without a converter, a duplicate
 * column, ...) or a row cannot be turned into it. The message names the class and the field.
 *
 * @since 0.1
 */
public class MappingException extends RowflowException {

    /** Creates the exception. */
    public MappingException(String message) {
        super(message);
    }

    /** Creates the exception with its cause. */
    public MappingException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
