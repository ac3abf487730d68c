package io.rowflow.internal.coalesce;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.util.context.ContextView;

/**
 * Gathers keyed reads of one kind (the rows of one table whose column holds one of some keys)
 * that arrive while the in-flight limit is reached, and sends them together as one query when a
 * running one finishes. Below the limit a request is sent alone at once, so a lone request waits
 * for nothing; there are no timers.
 *
 * <p>Each request gets exactly the rows of its own keys; rows of
 * a key that several requests asked for are handed to the first as read and to the others through
 * {@code share} (a copy for entities whose state can change), every copy made before any request
 * is delivered to, so no request can see what another did with its rows. A failed query fails only its own requests. A
 * request that cancels leaves its batch; a batch whose requests all cancelled before it was sent
 * is not sent, and one whose requests all cancel while it runs is cancelled.
 *
 * @param <K> the key type
 * @param <R> the row type
 */
public final class KeyedCoalescer<K, R> {

    private final int maxInFlight;
    private final int maxKeys;
    private final Query<K, R> query;
    private final Function<R, K> keyOf;
    private final @Nullable UnaryOperator<R> share;
    private final CoalescingCounters counters;
    private final ArrayDeque<Request> waiting = new ArrayDeque<>();
    private final ArrayDeque<List<Request>> ready = new ArrayDeque<>();
    private int inFlight;
    private boolean draining;

    /**
     * @param maxInFlight queries of this coalescer running at once before requests wait
     * @param maxKeys     the most keys one gathered query carries (a single request may carry more)
     * @param query       the rows whose key is one of the (distinct) keys, told whether they serve several requests
     * @param keyOf       the key a row belongs to
     * @param share       how a row is handed to a second request of the same key; {@code null} to hand out the same row
     * @param counters    where requests, queries and batches are counted
     */
    public KeyedCoalescer(int maxInFlight, int maxKeys, Query<K, R> query, Function<R, K> keyOf,
                          @Nullable UnaryOperator<R> share, CoalescingCounters counters) {
        this.maxInFlight = maxInFlight;
        this.maxKeys = maxKeys;
        this.query = query;
        this.keyOf = keyOf;
        this.share = share;
        this.counters = counters;
    }

    /**
     * The rows of these distinct keys. Sent alone they come in the query's order; gathered with
     * other requests they come grouped by key in the order of the keys. Either way the rows of
     * one key keep the query's order.
     */
    public Mono<List<R>> fetch(List<K> keys) {
        return Mono.defer(() -> takeSlot() ? sentAlone(() -> query.fetch(keys, false).collectList()) : gathered(keys));
    }

    /**
     * The row of one key, or empty. With a slot free it is read by {@code alone} (the plain
     * single-row statement a caller would send without coalescing), otherwise gathered.
     */
    public Mono<R> fetchOne(K key, Supplier<Mono<R>> alone) {
        return Mono.defer(() -> takeSlot() ? sentAlone(alone)
                : gathered(List.of(key)).mapNotNull(rows -> rows.isEmpty() ? null : rows.get(0)));
    }

    private synchronized boolean takeSlot() {
        if (inFlight < maxInFlight) {
            inFlight++;
            return true;
        }
        return false;
    }

    /**
     * The common case at low load, as lean as a plain query: a request with a free slot. The
     * query's rows are all this request's; the slot frees when it ends, however it ends (the
     * query is deferred, so one that fails while being built ends with an error, not a lost slot).
     *
     * <p>The slot frees <em>before</em> the subscriber sees the value or the end, so a caller
     * that sends its next lookup from there (one request after another) finds the slot free and
     * is sent alone again, instead of waiting to be gathered behind its own finished lookup.
     */
    private <V> Mono<V> sentAlone(Supplier<Mono<V>> query) {
        counters.requested();
        counters.sent(1);
        AtomicBoolean slotHeld = new AtomicBoolean(true);
        Runnable freeSlot = () -> {
            if (slotHeld.compareAndSet(true, false)) {
                finished();
            }
        };
        return Mono.defer(query).doOnNext(value -> freeSlot.run()).doOnTerminate(freeSlot).doOnCancel(freeSlot);
    }

    /** A request that waits for a slot (or takes one that freed meanwhile) and may be sent with others. */
    private Mono<List<R>> gathered(List<K> keys) {
        return Mono.create(sink -> {
            counters.requested();
            Request request = new Request(List.copyOf(keys), sink);
            boolean sendNow;
            synchronized (this) {
                sendNow = inFlight < maxInFlight;
                if (sendNow) {
                    inFlight++;
                } else {
                    waiting.addLast(request);
                }
            }
            sink.onCancel(request::cancel);
            if (sendNow) {
                send(List.of(request));
            }
        });
    }

    /**
     * Sends the requests' keys as one query, in the Reactor context of the first request (so what
     * a caller put there is seen where the connection is acquired and the statement runs; the
     * others' contexts ride along, see {@link CallerContexts}), and
     * routes the rows back when it completes. Which
     * requests join the batch is decided under the lock, so a request cancelling meanwhile is
     * either left out or counted by the batch, never neither. A query that fails while being
     * built fails the batch, so the slot is handed on and the drain loop keeps going.
     */
    private void send(List<Request> requests) {
        Batch batch = join(requests);
        if (batch == null) {
            finished();
            return;
        }
        try {
            LinkedHashSet<K> keys = new LinkedHashSet<>();
            batch.requests.forEach(request -> keys.addAll(request.keys));
            counters.sent(batch.requests.size());
            ContextView context = CallerContexts.of(batch.requests.stream().map(request -> request.sink.contextView()).toList());
            batch.subscription = query.fetch(List.copyOf(keys), batch.requests.size() > 1).contextWrite(context).collect(HashMap<K, List<R>>::new,
                            (byKey, row) -> byKey.computeIfAbsent(keyOf.apply(row), key -> new ArrayList<>(1)).add(row))
                    .subscribe(batch::deliver, batch::fail);
            batch.cancelIfAbandoned();
        } catch (RuntimeException error) {
            batch.fail(error);
        }
    }

    /** The batch of the requests not cancelled yet, or {@code null} when every one has. */
    private synchronized @Nullable Batch join(List<Request> requests) {
        List<Request> live = requests.stream().filter(request -> !request.cancelled).toList();
        if (live.isEmpty()) {
            return null;
        }
        Batch batch = new Batch(live);
        live.forEach(request -> request.batch = batch);
        return batch;
    }

    /**
     * A query finished: the next waiting requests go out together, or the slot frees. Sending is
     * drained in a loop, so a driver completing queries inside their subscription (H2) cannot
     * grow the stack batch after batch.
     */
    private void finished() {
        synchronized (this) {
            List<Request> next = waiting.isEmpty() ? List.of() : nextBatch();
            if (next.isEmpty()) {
                inFlight--;
            } else {
                ready.addLast(next);
            }
            if (draining || ready.isEmpty()) {
                return;
            }
            draining = true;
        }
        while (true) {
            List<Request> batch;
            synchronized (this) {
                batch = ready.pollFirst();
                if (batch == null) {
                    draining = false;
                    return;
                }
            }
            send(batch);
        }
    }

    /** Waiting requests (not cancelled) up to the key limit, at least one when any waits. Caller holds the lock. */
    private List<Request> nextBatch() {
        List<Request> next = new ArrayList<>();
        int keys = 0;
        while (!waiting.isEmpty()) {
            Request request = waiting.peekFirst();
            if (!next.isEmpty() && keys + request.keys.size() > maxKeys) {
                break;
            }
            waiting.pollFirst();
            if (!request.cancelled) {
                next.add(request);
                keys += request.keys.size();
            }
        }
        return next;
    }

    /** One subscriber waiting for the rows of its keys. */
    private final class Request {
        private final List<K> keys;
        private final MonoSink<List<R>> sink;
        private volatile boolean cancelled;
        private volatile @Nullable Batch batch;

        Request(List<K> keys, MonoSink<List<R>> sink) {
            this.keys = keys;
            this.sink = sink;
        }

        void cancel() {
            Batch running;
            synchronized (KeyedCoalescer.this) {
                cancelled = true;
                running = batch;
                if (running == null) {
                    waiting.remove(this);
                }
            }
            if (running != null) {
                running.requestCancelled();
            }
        }
    }

    /** What one request of a batch receives: its rows, or the error of preparing them. */
    private record Outcome<R>(List<R> rows, @Nullable RuntimeException error) {
    }

    /** The query of a coalescer: the rows of some keys, for one request or gathered for several ({@code coalesced}). */
    @FunctionalInterface
    public interface Query<K, R> {
        /** The rows whose key is one of the (distinct) keys. */
        Flux<R> fetch(List<K> keys, boolean coalesced);
    }

    /** A query on its way, with the requests its rows go to. */
    private final class Batch {
        private final List<Request> requests;
        private final AtomicInteger live;
        private final AtomicBoolean closed = new AtomicBoolean();
        private volatile @Nullable Disposable subscription;

        Batch(List<Request> requests) {
            this.requests = requests;
            this.live = new AtomicInteger(requests.size());
        }

        /**
         * Hands every request its rows. All of them are prepared before the first is delivered:
         * a subscriber runs (and may change what it received) as soon as it is delivered to, so a
         * copy made after that could carry its changes to the requests served after it.
         */
        void deliver(Map<K, List<R>> rowsByKey) {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            try {
                List<Outcome<R>> outcomes = prepare(rowsByKey);
                for (int i = 0; i < requests.size(); i++) {
                    deliverTo(requests.get(i), outcomes.get(i));
                }
            } finally {
                finished();
            }
        }

        /**
         * Each request's rows, or the error of the copy that failed for it (a throwing entity
         * constructor fails only that request). The first request of a key gets the rows as read,
         * the others copies made from them while no subscriber has seen them yet.
         */
        private List<Outcome<R>> prepare(Map<K, List<R>> rowsByKey) {
            Set<K> handedOut = requests.size() > 1 && share != null ? new HashSet<>() : null;
            List<Outcome<R>> outcomes = new ArrayList<>(requests.size());
            for (Request request : requests) {
                try {
                    outcomes.add(new Outcome<>(rowsFor(request, rowsByKey, handedOut), null));
                } catch (RuntimeException error) {
                    outcomes.add(new Outcome<>(List.of(), error));
                }
            }
            return outcomes;
        }

        private void deliverTo(Request request, Outcome<R> outcome) {
            if (outcome.error() != null) {
                request.sink.error(outcome.error());
            } else {
                request.sink.success(outcome.rows());
            }
        }

        private List<R> rowsFor(Request request, Map<K, List<R>> rowsByKey, @Nullable Set<K> handedOut) {
            List<R> rows = new ArrayList<>(request.keys.size());
            for (K key : request.keys) {
                List<R> found = rowsByKey.get(key);
                if (found == null) {
                    continue;
                }
                if (handedOut == null || handedOut.add(key)) {
                    rows.addAll(found);
                } else {
                    found.forEach(row -> rows.add(share.apply(row)));
                }
            }
            return rows;
        }

        void fail(Throwable error) {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            try {
                requests.forEach(request -> request.sink.error(error));
            } finally {
                finished();
            }
        }

        void requestCancelled() {
            live.decrementAndGet();
            cancelIfAbandoned();
        }

        /**
         * Cancels the query once every request has cancelled. Called after each cancellation and
         * once the query is subscribed, so a last cancel arriving while it is being subscribed is
         * seen by one of the two.
         */
        void cancelIfAbandoned() {
            Disposable running = subscription;
            if (running != null && live.get() == 0 && closed.compareAndSet(false, true)) {
                running.dispose();
                finished();
            }
        }
    }
}
