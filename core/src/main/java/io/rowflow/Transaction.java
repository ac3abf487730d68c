package io.rowflow;

/**
 * The transaction (or savepoint scope) a {@code Database.inTransaction} callback runs in.
 * Every Rowflow operation subscribed inside the callback's publisher joins it automatically
 * through the Reactor {@code Context}; this handle is only needed to inspect or doom it.
 *
 * @since 0.1
 */
public interface Transaction {

    /** The options the outermost transaction was started with. */
    TransactionOptions options();

    /** Whether this scope is a savepoint inside an enclosing transaction. */
    boolean isNested();

    /** Marks this scope to roll back instead of committing when the callback completes. */
    void setRollbackOnly();

    /** Whether this scope will roll back: marked explicitly, or a statement inside it failed. */
    boolean isRollbackOnly();
}
