package io.rowflow.internal.query;

import reactor.util.context.ContextView;

/**
 * A value of a table condition known only when a statement runs, taken from the subscriber's
 * Reactor {@code Context} (the current tenant). The SQL writer renders it as a bind marker like
 * any value, so the text of a shape stays the same, and binds it per execution.
 */
@FunctionalInterface
public interface ContextValue {

    /**
     * The Java value for an execution in this context; never {@code null} (throw a
     * {@link io.rowflow.RowflowException} saying what is missing instead).
     */
    Object valueIn(ContextView context);
}
