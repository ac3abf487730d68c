package io.rowflow.replica;

import io.rowflow.observe.Operation;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Each read to the next usable replica in turn. */
final class RoundRobin implements ReplicaSelector {

    private final AtomicInteger next = new AtomicInteger();

    @Override
    public Replica select(List<? extends Replica> usable, Operation operation) {
        return usable.get(Math.floorMod(next.getAndIncrement(), usable.size()));
    }

    @Override
    public String toString() {
        return "ReplicaSelector.roundRobin";
    }
}
