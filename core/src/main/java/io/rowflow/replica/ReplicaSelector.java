package io.rowflow.replica;

import io.rowflow.observe.Operation;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses the replica a read goes to, among those that take reads. Called on every routed read,
 * on the subscribing thread: it must be quick and must not block.
 *
 * @since 0.2
 */
@FunctionalInterface
public interface ReplicaSelector {

    /**
     * One of {@code usable} (never empty, all {@link ReplicaState#UP}) for the operation; returning
     * a replica not in the list is an error.
     */
    Replica select(List<? extends Replica> usable, Operation operation);

    /** Each read to the next replica in turn. */
    static ReplicaSelector roundRobin() {
        return new RoundRobin();
    }

    /** Each read to the replica with the fewest connections lent out (the first of those on a tie). */
    static ReplicaSelector leastBusy() {
        return (usable, operation) -> usable.stream().min(Comparator.comparingInt(Replica::inFlight)).orElseThrow();
    }
}
