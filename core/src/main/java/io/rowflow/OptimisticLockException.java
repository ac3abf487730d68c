package io.rowflow;

/**
 * An update or delete of one entity matched no row: another transaction changed its
 * {@link io.rowflow.annotation.Version} (or deleted it) since it was read. Reload and retry.
 *
 * @since 0.1
 */
public class OptimisticLockException extends RowflowException {

    private final java.util.List<Object> staleKeys;

    /** Creates the exception. */
    public OptimisticLockException(String message) {
        this(message, java.util.List.of());
    }

    /**
     * Creates the exception of a batch ({@code updateAll}, {@code deleteAll}) naming the keys of
     * the entities that matched no row.
     *
     * @since 0.2
     */
    public OptimisticLockException(String message, java.util.List<?> staleKeys) {
        super(message);
        this.staleKeys = java.util.List.copyOf(staleKeys);
    }

    /**
     * The keys of the stale entities of a batch write, in input order (the key values as
     * {@code findById} takes them); empty for a single entity's write.
     *
     * @since 0.2
     */
    public java.util.List<Object> staleKeys() {
        return staleKeys;
    }
}
