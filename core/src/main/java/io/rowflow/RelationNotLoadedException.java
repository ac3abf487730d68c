package io.rowflow;

/**
 * Code read a relationship that was not loaded: fetch it with a fetch plan ({@code with(...)}) or
 * {@code db.load(...)} first. Tells an unloaded relationship apart from an empty one.
 *
 * @since 0.1
 */
public class RelationNotLoadedException extends RowflowException {

    /** Creates the exception. */
    public RelationNotLoadedException(String message) {
        super(message);
    }
}
