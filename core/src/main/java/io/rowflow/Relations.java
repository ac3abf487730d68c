package io.rowflow;

import io.rowflow.internal.mapping.UnloadedCollections;
import java.util.Collection;

/**
 * Tells loaded relationships from unloaded ones without triggering the
 * {@link RelationNotLoadedException} that reading an unloaded one throws.
 *
 * @since 0.1
 */
public final class Relations {

    private Relations() {
    }

    /** Whether a collection relationship was loaded (an empty loaded collection is loaded). {@code null} is not. */
    public static boolean isLoaded(Collection<?> collection) {
        return collection != null && !UnloadedCollections.isUnloaded(collection);
    }

    /** Whether a to-one relationship was loaded; {@code null} (no related entity) counts as loaded. */
    public static boolean isLoaded(Ref<?> reference) {
        return reference == null || reference.isLoaded();
    }
}
