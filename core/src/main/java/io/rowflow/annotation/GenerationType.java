package io.rowflow.annotation;

/**
 * How the value of a {@link GeneratedValue} key is produced.
 *
 * @since 0.2
 */
public enum GenerationType {

    /**
     * The database generates the value on insert (an identity, {@code serial} or
     * {@code AUTO_INCREMENT} column): the column is left out of the insert when the value is
     * {@code null} and read back. The default.
     */
    IDENTITY,

    /**
     * Values come from a database sequence named by {@link GeneratedValue#sequence()}: an
     * {@code insert} takes the value in the statement itself ({@code nextval('seq')}) and returns
     * it; {@code insertAll} fetches a block of one value per row, in one statement per chunk.
     */
    SEQUENCE,

    /** A random (version 4) {@link java.util.UUID} made by Rowflow before the insert. */
    UUID_V4,

    /**
     * A time-ordered (version 7, RFC 9562) {@link java.util.UUID} made by Rowflow before the
     * insert: values increase with time, and strictly within one {@code Database}, so new rows land at
     * the end of a B-tree index.
     */
    UUID_V7,

    /**
     * Values come from the {@link io.rowflow.mapping.IdGenerator} registered on the
     * {@code DatabaseBuilder} under the name {@link GeneratedValue#generator()}.
     */
    GENERATOR
}
