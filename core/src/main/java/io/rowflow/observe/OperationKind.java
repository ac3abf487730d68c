package io.rowflow.observe;

/**
 * What a statement is for: the Rowflow operation it serves.
 *
 * @since 0.2
 */
public enum OperationKind {
    /** A query of entities or rows: {@code findAll}, {@code fetch}, {@code fetchOne}, {@code fetchFirst}. */
    QUERY(true),
    /** A point lookup by key or unique column: {@code findById}, {@code findAllById}, a coalesced lookup batch. */
    LOOKUP(true),
    /** A follow-up query loading a relationship for a batch of parents. */
    RELATIONSHIP(true),
    /** A count: {@code count(Class)} or {@code count(query)}. */
    COUNT(true),
    /** An existence check: {@code existsById} or {@code exists(query)}. */
    EXISTS(true),
    /** One entity inserted (also a cascade's, or a many-to-many link row). */
    INSERT(false),
    /** A chunk of entities inserted in one statement by {@code insertAll}. */
    BATCH_INSERT(false),
    /** An entity updated, or a data change of the query DSL that is an update. */
    UPDATE(false),
    /** An entity or rows deleted (also orphans removed by a cascade). */
    DELETE(false),
    /** An entity inserted or updated in one statement. */
    UPSERT(false),
    /** Schema statements: {@code create table}, {@code drop table}. */
    DDL(false),
    /** Reads of the database catalog for schema validation. */
    CATALOG(true),
    /** A raw SQL statement of {@code Database.sql(..)}; Rowflow cannot tell whether it writes. */
    SQL(false),
    /** A whole outermost transaction, from {@code BEGIN} to its commit or rollback. */
    TRANSACTION(false),
    /** The start of a transaction. */
    BEGIN(false),
    /** The commit of a transaction. */
    COMMIT(false),
    /** The rollback of a transaction. */
    ROLLBACK(false);

    private final boolean read;

    OperationKind(boolean read) {
        this.read = read;
    }

    /**
     * Whether operations of this kind only read, so that outside a transaction they may run on a
     * read-only connection (a replica).
     */
    public boolean isRead() {
        return read;
    }
}
