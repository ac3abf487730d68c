package io.rowflow.annotation;

/**
 * Which writes of an owner also write its related entities. Nothing cascades unless asked.
 *
 * @since 0.1
 */
public enum CascadeType {
    /** Inserting the owner inserts the related entities that have no id yet (and the link rows of a many-to-many). */
    INSERT,
    /**
     * Updating the owner writes its loaded collection: new entities are inserted, others updated,
     * and rows no longer in the collection are deleted (link rows only, for a many-to-many).
     */
    UPDATE,
    /** Deleting the owner first deletes the related rows (link rows only, for a many-to-many). */
    DELETE,
    /** All of the above. */
    ALL
}
