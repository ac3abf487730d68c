package io.rowflow.internal.tx;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Lets one statement at a time use a transaction's connection; the others wait in arrival order.
 *
 * <p>An R2DBC connection runs one conversation at a time, so operations started concurrently
 * inside one transaction ({@code flatMap}, {@code zip}) queue here instead of interleaving. A
 * waiter that cancels leaves the queue; a permit granted to a subscriber that cancelled at the
 * same moment is released again, so the gate never stays closed.
 */
final class ConnectionGate {

    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    private final AtomicInteger handOvers = new AtomicInteger();
    private boolean busy;

    /** Emits a permit once the connection is free; release it when the statement terminates. */
    Mono<Permit> acquire() {
        return Mono.create(sink -> {
            Waiter waiter = new Waiter(sink);
            sink.onCancel(waiter::cancel);
            boolean grantNow;
            synchronized (this) {
                grantNow = !busy;
                if (grantNow) {
                    busy = true;
                } else {
                    waiters.addLast(waiter);
                }
            }
            if (grantNow) {
                waiter.grant(new Permit());
            }
        });
    }

    /**
     * Passes the connection to the next waiter, or marks it free. A release that happens while a
     * hand-over is already running on some thread (a synchronous driver completes the next
     * statement inside the grant) is counted and served by that running loop, so a long queue
     * drains iteratively instead of recursing one stack frame chain per statement.
     */
    private void handOver() {
        if (handOvers.getAndIncrement() != 0) {
            return;
        }
        do {
            Waiter next;
            synchronized (this) {
                next = waiters.pollFirst();
                if (next == null) {
                    busy = false;
                }
            }
            if (next != null) {
                next.grant(new Permit());
            }
        } while (handOvers.decrementAndGet() != 0);
    }

    private synchronized boolean remove(Waiter waiter) {
        return waiters.remove(waiter);
    }

    /** The right to use the connection; releasing it twice is harmless. */
    final class Permit {
        private final AtomicBoolean released = new AtomicBoolean();

        /** Lets the next waiter in. */
        Mono<Void> release() {
            return Mono.fromRunnable(this::releaseNow);
        }

        void releaseNow() {
            if (released.compareAndSet(false, true)) {
                handOver();
            }
        }
    }

    /** One subscriber waiting for the connection. */
    private final class Waiter {
        private final MonoSink<Permit> sink;
        private Permit permit;
        private boolean cancelled;

        Waiter(MonoSink<Permit> sink) {
            this.sink = sink;
        }

        void grant(Permit granted) {
            synchronized (this) {
                if (cancelled) {
                    granted.releaseNow();
                    return;
                }
                permit = granted;
            }
            sink.success(granted);
        }

        void cancel() {
            Permit granted;
            synchronized (this) {
                cancelled = true;
                granted = permit;
            }
            if (granted != null) {
                // Mono.create never delivers a value after onCancel ran, so nobody else will release it.
                granted.releaseNow();
            } else {
                remove(this);
            }
        }
    }
}
