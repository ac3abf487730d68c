package io.rowflow.callback;

/**
 * The moments of an entity's life at which Rowflow calls {@link EntityCallback}s.
 *
 * <p>Before-callbacks run before the statement is built, so the entity they emit is the one
 * written (and, changed by the database's generated values, the one returned); an error from one
 * means nothing is sent. After-callbacks run once the statement succeeded, and the entity they
 * emit is the one the caller receives. Insert callbacks also run for {@code upsert} (which may
 * insert or update), for every row of {@code insertAll} (with no extra statement) and for entities
 * written by cascades. Statements without an entity ({@code deleteById}, the query DSL's
 * {@code update}/{@code delete} by predicate, raw SQL) run no callbacks.
 *
 * @since 0.2
 */
public enum Lifecycle {

    /** Before {@code insert}, {@code insertAll}, {@code upsert} or a cascading insert. */
    BEFORE_INSERT,

    /** After the insert succeeded, with the generated values filled in. */
    AFTER_INSERT,

    /** Before {@code update} or a cascading update. */
    BEFORE_UPDATE,

    /** After the update succeeded, with the new version and generated values filled in. */
    AFTER_UPDATE,

    /**
     * Before {@code delete(entity)} or a cascading delete of a loaded entity; the entity emitted is
     * the one whose key (and version) is deleted.
     */
    BEFORE_DELETE,

    /** After {@code delete(entity)} removed a row; what it emits is ignored ({@code delete} emits a boolean). */
    AFTER_DELETE,

    /**
     * After an entity was read from a row: by queries, lookups ({@code findById}, coalesced or not),
     * {@code findAll}, relationship follow-ups and raw SQL mapped to an entity class; once per row
     * read, before the entity is shared with other waiters of a coalesced lookup.
     */
    AFTER_LOAD
}
