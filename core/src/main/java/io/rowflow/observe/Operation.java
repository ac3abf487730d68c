package io.rowflow.observe;

import org.jspecify.annotations.Nullable;

/**
 * The description of one statement Rowflow sends (or of one transaction): what it is for, which
 * entity and relationship it serves, and how it runs. It never holds bind values.
 *
 * <p>Instances are immutable and may be shared; Rowflow builds the shape-dependent part once per
 * kind of operation and entity.
 *
 * @since 0.2
 */
public interface Operation {

    /** What the statement is for. */
    OperationKind kind();

    /** The entity type it reads or writes, or {@code null} (raw SQL, DDL of several tables, transactions). */
    @Nullable Class<?> entityType();

    /**
     * For {@link OperationKind#RELATIONSHIP} follow-ups, the relationship loaded, as
     * {@code Owner.property} (for example {@code Book.author}); {@code null} otherwise.
     */
    @Nullable String relationship();

    /**
     * Whether the statement was gathered from concurrent requests by coalescing (a lookup or
     * relationship batch serving several callers; its listener sees the Reactor context of the
     * first of them).
     */
    boolean coalesced();

    /** Whether it runs inside a transaction (Rowflow's, or an external one it joined). */
    boolean inTransaction();

    /**
     * Whether the work only reads: outside a transaction, a read ({@link OperationKind#isRead()});
     * inside one, whether the transaction is read-only.
     */
    boolean readOnly();

    /**
     * The SQL sent, with bind markers and never a bound value; literals a user wrote into raw SQL
     * are masked. Empty for {@link OperationKind#TRANSACTION}.
     */
    String sql();

    /**
     * The database product, as OpenTelemetry's {@code db.system} names it: {@code postgresql},
     * {@code mariadb}, {@code h2}, or the dialect's name in lower case.
     */
    String databaseSystem();
}
