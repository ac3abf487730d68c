package io.rowflow.query;

/**
 * The paths of a value object embedded in an entity: {@code CUSTOMER.home.city}.
 *
 * @since 0.1
 */
public class EmbeddedPath extends PathParent {

    /** Creates the paths of the embedded property {@code property} of {@code parent}. */
    protected EmbeddedPath(PathParent parent, String property) {
        super(parent.tableRef(), parent.prefix() + property + ".");
    }
}
