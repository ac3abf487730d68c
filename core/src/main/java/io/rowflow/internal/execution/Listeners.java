package io.rowflow.internal.execution;

import io.rowflow.observe.Operation;
import io.rowflow.observe.OperationListener;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * The operation listeners of one database, and the one place that reports executions to them.
 * Without listeners every method returns the publisher it is given, untouched.
 */
public final class Listeners {

    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final OperationListener[] listeners;
    private final String databaseSystem;

    /** The listeners, called in this order on start, for a database of this dialect. */
    public Listeners(List<OperationListener> listeners, String dialectName) {
        this.listeners = listeners.toArray(OperationListener[]::new);
        this.databaseSystem = StatementOperation.databaseSystem(dialectName);
    }

    /**
     * An object identical for every statement of the same shape (kind, entity, relationship,
     * coalesced, placement), for a listener to cache what it derives from the operation; {@code null}
     * when the operation was not described by Rowflow.
     */
    public static @Nullable Object shapeOf(Operation operation) {
        return StatementOperation.shapeOf(operation);
    }

    /** Whether any listener is registered. */
    public boolean active() {
        return listeners.length > 0;
    }

    /** The description of a statement, for a listener or a connection provider. */
    public Operation describe(OperationShape shape, String sql) {
        return new StatementOperation(shape, sql, databaseSystem);
    }

    /** The rows of a statement, reported to the listeners: start on subscription, a row count, then how it ended. */
    public <T> Flux<T> rows(OperationShape shape, String sql, Flux<T> execution) {
        if (listeners.length == 0) {
            return execution;
        }
        return Flux.deferContextual(context -> {
            Run run = start(describe(shape, sql), context);
            return execution.doOnNext(run::row).doOnComplete(run::completed).doOnError(run::failed)
                    .doOnCancel(run::cancelled);
        });
    }

    /** A data change's affected row count, reported to the listeners. */
    public Mono<Long> count(OperationShape shape, String sql, Mono<Long> execution) {
        if (listeners.length == 0) {
            return execution;
        }
        return Mono.deferContextual(context -> {
            Run run = start(describe(shape, sql), context);
            return execution.doOnNext(run::affected).doOnSuccess(ignored -> run.completed()).doOnError(run::failed)
                    .doOnCancel(run::cancelled);
        });
    }

    /** A step without rows (a {@code BEGIN}, a {@code COMMIT}), reported to the listeners. */
    public Mono<Void> step(OperationShape shape, String sql, Mono<Void> execution) {
        if (listeners.length == 0) {
            return execution;
        }
        return Mono.deferContextual(context -> {
            Run run = start(describe(shape, sql), context);
            return execution.doOnSuccess(ignored -> run.completed()).doOnError(run::failed).doOnCancel(run::cancelled);
        });
    }

    /**
     * Work spanning a transaction, reported as one operation; the work runs in the context the
     * listeners' executions give it ({@link OperationListener.Execution#contextForWork}).
     */
    public <T> Flux<T> around(OperationShape shape, java.util.function.Function<Run, Flux<T>> work) {
        if (listeners.length == 0) {
            return work.apply(Run.NONE);
        }
        return Flux.deferContextual(context -> {
            Run run = start(describe(shape, ""), context);
            return work.apply(run).contextWrite(run::contextForWork).doOnComplete(run::completed).doOnError(run::failed)
                    .doOnCancel(run::cancelled);
        });
    }

    private Run start(Operation operation, ContextView context) {
        OperationListener.Execution[] executions = new OperationListener.Execution[listeners.length];
        for (int i = 0; i < listeners.length; i++) {
            try {
                executions[i] = listeners[i].start(operation, context);
            } catch (RuntimeException error) {
                LOG.warn("Operation listener {} failed on start of {}", listeners[i], operation, error);
                executions[i] = OperationListener.Execution.NONE;
            }
        }
        return new Run(executions);
    }

    /** The executions of one statement by each listener, and its row count. */
    public static final class Run {

        static final Run NONE = new Run(new OperationListener.Execution[0]);

        private final OperationListener.Execution[] executions;
        private volatile long rows;
        private final AtomicBoolean ended = new AtomicBoolean();

        private Run(OperationListener.Execution[] executions) {
            this.executions = executions;
        }

        /** The context of work inside this run: each listener's {@link OperationListener.Execution#contextForWork}. */
        public Context contextForWork(Context context) {
            Context result = context;
            for (OperationListener.Execution execution : executions) {
                result = execution.contextForWork(result);
            }
            return result;
        }

        @SuppressWarnings("NonAtomicOperationOnVolatileField") // signals are serial
        void row(Object ignored) {
            rows++;
        }

        void affected(long count) {
            rows = count;
        }

        void completed() {
            ended(SignalType.ON_COMPLETE, null);
        }

        void failed(Throwable error) {
            ended(SignalType.ON_ERROR, error);
        }

        void cancelled() {
            ended(SignalType.CANCEL, null);
        }

        /** Reports the end once (before the subscriber sees it), to the listeners in reverse order. */
        private void ended(SignalType signal, @Nullable Throwable failure) {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            for (int i = executions.length - 1; i >= 0; i--) {
                OperationListener.Execution execution = executions[i];
                try {
                    execution.rows(rows);
                    if (failure != null) {
                        execution.error(failure);
                    } else if (signal == SignalType.CANCEL) {
                        execution.cancel();
                    } else {
                        execution.end();
                    }
                } catch (RuntimeException error) {
                    LOG.warn("Operation listener execution {} failed on {}", execution, signal, error);
                }
            }
        }
    }
}
