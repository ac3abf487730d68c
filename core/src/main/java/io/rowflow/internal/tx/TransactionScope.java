package io.rowflow.internal.tx;

import io.rowflow.Transaction;
import io.r2dbc.spi.Connection;
import io.rowflow.TransactionOptions;
import reactor.core.publisher.Mono;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * One level of a transaction: the outermost transaction, or a savepoint inside it. Put in the
 * Reactor {@code Context} so that operations subscribed inside the callback find it.
 */
public final class TransactionScope implements Transaction {

    private static final Throwable MARKED = new Throwable("marked rollback-only", null, false, false) {
    };

    private final TransactionState state;
    private final @Nullable String savepoint;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    TransactionScope(TransactionState state, @Nullable String savepoint) {
        this.state = state;
        this.savepoint = savepoint;
    }

    /** The scope of a transaction managed outside Rowflow, running on this connection. */
    static TransactionScope joining(Connection connection) {
        return new TransactionScope(new TransactionState(connection, TransactionOptions.defaults(), Mono::empty), null);
    }

    /** The connection and its gate shared by every scope of this transaction. */
    public TransactionState state() {
        return state;
    }

    @Nullable String savepoint() {
        return savepoint;
    }

    @Override
    public TransactionOptions options() {
        return state.options();
    }

    @Override
    public boolean isNested() {
        return savepoint != null;
    }

    @Override
    public void setRollbackOnly() {
        failure.compareAndSet(null, MARKED);
    }

    @Override
    public boolean isRollbackOnly() {
        return failure.get() != null;
    }

    /** Records that a statement failed in this scope: it can no longer commit. */
    public void statementFailed(Throwable error) {
        failure.compareAndSet(null, error);
    }

    /** The statement failure that dooms this scope, or {@code null} if it was marked explicitly or is healthy. */
    public @Nullable Throwable failure() {
        Throwable recorded = failure.get();
        return recorded == MARKED ? null : recorded;
    }

    @Override
    public String toString() {
        return savepoint == null ? "Transaction[" + state + "]" : "Savepoint[" + savepoint + " in " + state + "]";
    }
}
