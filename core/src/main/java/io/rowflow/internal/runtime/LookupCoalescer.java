package io.rowflow.internal.runtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Gathers point lookups of one entity that arrive while its in-flight limit is reached, and sends
 * them together as one batched query when a slot frees. Below the limit a lookup runs alone at
 * once, so a lone request waits for nothing; there are no timers.
 *
 * <p>Each waiter gets exactly the row of its key (or completes empty); waiters of the same key
 * share one row. A failed batch fails only its own waiters. A waiter that cancels leaves its
 * batch; a batch whose waiters all cancelled before it was sent is not sent, and one whose waiters
 * all cancel while it runs is cancelled.
 *
 * @param <K> the key type
 * @param <T> the entity type
 */
final class LookupCoalescer<K, T> {

    private final int maxInFlight;
    private final int maxBatch;
    private final Function<K, Mono<T>> single;
    private final Function<List<K>, Flux<T>> batch;
    private final Function<T, K> keyOf;
    private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
    private final CoalescingStats stats;
    private int inFlight;

    LookupCoalescer(int maxInFlight, int maxBatch, Function<K, Mono<T>> single, Function<List<K>, Flux<T>> batch,
                    Function<T, K> keyOf, CoalescingStats stats) {
        this.maxInFlight = maxInFlight;
        this.maxBatch = maxBatch;
        this.single = single;
        this.batch = batch;
        this.keyOf = keyOf;
        this.stats = stats;
    }

    /** The row with this key, or empty. */
    Mono<T> lookup(K key) {
        return Mono.create(sink -> {
            stats.lookups.incrementAndGet();
            Waiter waiter = new Waiter(key, sink);
            boolean runAlone;
            synchronized (this) {
                runAlone = inFlight < maxInFlight;
                if (runAlone) {
                    inFlight++;
                } else {
                    waiting.addLast(waiter);
                }
            }
            sink.onCancel(waiter::cancel);
            if (runAlone) {
                send(List.of(waiter));
            }
        });
    }

    /** Sends the waiters' keys as one statement (a single lookup for one key) and routes the rows back. */
    private void send(List<Waiter> waiters) {
        List<Waiter> live = waiters.stream().filter(w -> !w.cancelled).toList();
        if (live.isEmpty()) {
            finished();
            return;
        }
        LinkedHashSet<K> keys = new LinkedHashSet<>();
        live.forEach(w -> keys.add(w.key));
        stats.statements.incrementAndGet();
        Flux<T> rows = keys.size() == 1 ? single.apply(keys.iterator().next()).flux() : batch.apply(List.copyOf(keys));
        InFlightBatch running = new InFlightBatch(live);
        live.forEach(w -> w.batch = running);
        running.subscription = rows.collectMap(keyOf).subscribe(running::deliver, running::fail);
    }

    /** A statement finished: the next waiters go out together, or the slot frees. */
    private void finished() {
        List<Waiter> next = new ArrayList<>();
        synchronized (this) {
            while (!waiting.isEmpty() && next.size() < maxBatch) {
                Waiter waiter = waiting.pollFirst();
                if (!waiter.cancelled) {
                    next.add(waiter);
                }
            }
            if (next.isEmpty()) {
                inFlight--;
                return;
            }
        }
        if (next.size() > 1) {
            stats.batches.incrementAndGet();
            stats.batchedLookups.addAndGet(next.size());
        }
        send(next);
    }

    private synchronized void remove(Waiter waiter) {
        waiting.remove(waiter);
    }

    /** One subscriber waiting for the row of a key. */
    private final class Waiter {
        private final K key;
        private final MonoSink<T> sink;
        private volatile boolean cancelled;
        private volatile InFlightBatch batch;

        Waiter(K key, MonoSink<T> sink) {
            this.key = key;
            this.sink = sink;
        }

        void cancel() {
            cancelled = true;
            InFlightBatch running = batch;
            if (running == null) {
                remove(this);
            } else {
                running.waiterCancelled();
            }
        }
    }

    /** A statement on its way, with the waiters its rows go to. */
    private final class InFlightBatch {
        private final List<Waiter> waiters;
        private final AtomicLong live;
        private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        private volatile Disposable subscription;

        InFlightBatch(List<Waiter> waiters) {
            this.waiters = waiters;
            this.live = new AtomicLong(waiters.size());
        }

        void deliver(Map<K, T> rows) {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            for (Waiter waiter : waiters) {
                T row = rows.get(waiter.key);
                if (row == null) {
                    waiter.sink.success();
                } else {
                    waiter.sink.success(row);
                }
            }
            finished();
        }

        void fail(Throwable error) {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            waiters.forEach(waiter -> waiter.sink.error(error));
            finished();
        }

        void waiterCancelled() {
            Disposable running = subscription;
            if (live.decrementAndGet() == 0 && running != null && closed.compareAndSet(false, true)) {
                running.dispose();
                finished();
            }
        }
    }

    /** Counters of one database's coalescing. */
    static final class CoalescingStats {
        final AtomicLong lookups = new AtomicLong();
        final AtomicLong statements = new AtomicLong();
        final AtomicLong batches = new AtomicLong();
        final AtomicLong batchedLookups = new AtomicLong();
    }
}
