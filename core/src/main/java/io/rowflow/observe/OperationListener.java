package io.rowflow.observe;

import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Sees every statement (and every outermost transaction) of a database around its execution.
 * Register listeners with {@link io.rowflow.DatabaseBuilder#listener(OperationListener)}; several
 * are called in registration order on start and in reverse order on the end signals.
 *
 * <p>{@link #start} is called when the statement is subscribed, on the thread that subscribes it,
 * with the subscriber's Reactor context; the {@link Execution} it returns then receives exactly one
 * of {@link Execution#end}, {@link Execution#error} or {@link Execution#cancel}, preceded by one
 * {@link Execution#rows} with the number of rows read (or affected by a data change). Callbacks must
 * be quick and must not block or throw: they run on the driver's threads. When no listener is
 * registered Rowflow skips all of this.
 *
 * @since 0.2
 */
@FunctionalInterface
public interface OperationListener {

    /**
     * A statement or transaction starts; returns what receives its end, or {@link Execution#NONE}.
     *
     * @param operation what it is for (never holding bind values)
     * @param context the Reactor context of the subscriber
     */
    Execution start(Operation operation, ContextView context);

    /**
     * The remaining signals of one execution. Each method has an empty default.
     *
     * @since 0.2
     */
    interface Execution {

        /** An execution that ignores its signals. */
        Execution NONE = new Execution() {
        };

        /**
         * How many rows the statement read, or affected; called once, before the end signal (also
         * before an error or cancel, with the rows so far). Always {@code 0} for a transaction.
         */
        default void rows(long count) {
        }

        /** It completed. */
        default void end() {
        }

        /** It failed with this error (already translated to Rowflow's hierarchy where it came from the driver). */
        default void error(Throwable error) {
        }

        /** The subscriber cancelled it before it completed (a {@code take(n)}, a dispose, a client gone). */
        default void cancel() {
        }

        /**
         * For a {@link OperationKind#TRANSACTION}: the context the transaction's work and statements
         * run in, for example with the transaction's span as the current observation. Returns the
         * context unchanged by default.
         */
        default Context contextForWork(Context context) {
            return context;
        }
    }
}
