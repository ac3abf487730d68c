package io.rowflow.internal.coalesce;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowflow.CoalescingStatistics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The gathering rules of {@link KeyedCoalescer}, step by step: the "query" is a sink per sent
 * batch that the test completes by hand, so each rule is checked at a known moment. (The suites
 * of every database check the same rules against real statements.)
 */
class KeyedCoalescerTest {

    /** A row: its key and a payload. */
    record Row(int key, String value) {
    }

    /** Records each sent batch of keys and lets the test answer it. */
    static final class Queries {
        final List<List<Integer>> sent = new ArrayList<>();
        final List<Sinks.Many<Row>> answers = new ArrayList<>();
        final List<AtomicBoolean> cancelled = new ArrayList<>();

        Flux<Row> query(List<Integer> keys) {
            sent.add(keys);
            Sinks.Many<Row> answer = Sinks.many().unicast().onBackpressureBuffer();
            AtomicBoolean wasCancelled = new AtomicBoolean();
            answers.add(answer);
            cancelled.add(wasCancelled);
            return answer.asFlux().doOnCancel(() -> wasCancelled.set(true));
        }

        void answer(int batch, int... keys) {
            for (int key : keys) {
                answers.get(batch).tryEmitNext(new Row(key, "row " + key));
            }
            answers.get(batch).tryEmitComplete();
        }
    }

    private final Queries queries = new Queries();
    private final CoalescingCounters counters = new CoalescingCounters();

    private KeyedCoalescer<Integer, Row> coalescer(int maxInFlight, int maxKeys) {
        return new KeyedCoalescer<>(maxInFlight, maxKeys, (keys, coalesced) -> queries.query(keys), Row::key, row -> new Row(row.key(), row.value()),
                counters);
    }

    /** A coalescer of one statement in flight over a query of the test's own, without copies for shared keys. */
    private KeyedCoalescer<Integer, Row> coalescerOver(Function<List<Integer>, Flux<Row>> query) {
        return new KeyedCoalescer<>(1, 100, (keys, coalesced) -> query.apply(keys), Row::key, null, counters);
    }

    /** A single-key fetch whose lone statement is the same query the batches use. */
    private reactor.core.publisher.Mono<Row> fetchOne(KeyedCoalescer<Integer, Row> coalescer, int key) {
        return coalescer.fetchOne(key, () -> queries.query(List.of(key)).next());
    }

    private static <T> AtomicReference<Object> subscribe(reactor.core.publisher.Mono<T> mono, List<Disposable> subscriptions) {
        AtomicReference<Object> outcome = new AtomicReference<>();
        subscriptions.add(mono.subscribe(outcome::set, outcome::set, () -> outcome.compareAndSet(null, "empty")));
        return outcome;
    }

    @Test
    void aRequestBelowTheLimitIsSentAtOnceAndAnsweredWithItsRows() {
        KeyedCoalescer<Integer, Row> coalescer = coalescer(2, 100);
        List<Disposable> subscriptions = new ArrayList<>();

        AtomicReference<Object> one = subscribe(fetchOne(coalescer, 1), subscriptions);

        assertThat(queries.sent).containsExactly(List.of(1));
        queries.answer(0, 1);
        assertThat(one.get()).isEqualTo(new Row(1, "row 1"));
    }

    @Test
    void requestsArrivingAtTheLimitAreGatheredAndRoutedByKey() {
        KeyedCoalescer<Integer, Row> coalescer = coalescer(1, 100);
        List<Disposable> subscriptions = new ArrayList<>();
        AtomicReference<Object> first = subscribe(fetchOne(coalescer, 1), subscriptions);
        AtomicReference<Object> two = subscribe(coalescer.fetch(List.of(2, 3)), subscriptions);
        AtomicReference<Object> missing = subscribe(fetchOne(coalescer, 4), subscriptions);
        AtomicReference<Object> twoAgain = subscribe(fetchOne(coalescer, 2), subscriptions);
        assertThat(queries.sent).as("the others wait for the running query").hasSize(1);

        queries.answer(0, 1);
        assertThat(first.get()).isEqualTo(new Row(1, "row 1"));
        assertThat(queries.sent).containsExactly(List.of(1), List.of(2, 3, 4));

        queries.answer(1, 3, 2);
        assertThat(two.get()).isEqualTo(List.of(new Row(2, "row 2"), new Row(3, "row 3")));
        assertThat(missing.get()).isEqualTo("empty");
        assertThat(twoAgain.get()).isEqualTo(new Row(2, "row 2")).isNotSameAs(((List<?>) two.get()).get(0));
        CoalescingStatistics.Counts counts = counters.snapshot();
        assertThat(counts).isEqualTo(new CoalescingStatistics.Counts(4, 2, 1, 3));
    }

    /** A row its receiver can change in place, like a mutable entity. */
    static final class MutableRow {
        final int key;
        String value;

        MutableRow(int key, String value) {
            this.key = key;
            this.value = value;
        }
    }

    @Test
    void everyRequestOfASharedKeyGetsACopyMadeBeforeAnySubscriberCouldChangeTheRow() {
        KeyedCoalescer<Integer, MutableRow> coalescer = new KeyedCoalescer<>(1, 100,
                (keys, coalesced) -> queries.query(keys).map(row -> new MutableRow(row.key(), row.value())),
                row -> row.key, row -> new MutableRow(row.key, row.value), counters);
        List<String> received = new ArrayList<>();
        List<Disposable> subscriptions = new ArrayList<>();
        subscriptions.add(coalescer.fetch(List.of(0)).subscribe());
        for (int caller = 0; caller < 3; caller++) {
            String change = "unsaved change of caller " + caller;
            subscriptions.add(coalescer.fetch(List.of(1)).subscribe(rows -> {
                received.add(rows.get(0).value);
                rows.get(0).value = change;
            }));
        }

        queries.answer(0, 0);
        queries.answer(1, 1);

        assertThat(received).containsExactly("row 1", "row 1", "row 1");
    }

    @Test
    void aGatheredQueryCarriesAtMostTheKeyLimitButAtLeastOneRequest() {
        KeyedCoalescer<Integer, Row> coalescer = coalescer(1, 3);
        List<Disposable> subscriptions = new ArrayList<>();
        subscribe(fetchOne(coalescer, 0), subscriptions);
        subscribe(coalescer.fetch(List.of(1, 2)), subscriptions);
        subscribe(coalescer.fetch(List.of(3, 4)), subscriptions);
        subscribe(coalescer.fetch(List.of(5, 6, 7, 8)), subscriptions);

        queries.answer(0);
        queries.answer(1);
        queries.answer(2);
        assertThat(queries.sent).containsExactly(List.of(0), List.of(1, 2), List.of(3, 4), List.of(5, 6, 7, 8));
    }

    @Test
    void aFailedQueryFailsOnlyItsOwnRequests() {
        KeyedCoalescer<Integer, Row> coalescer = coalescer(1, 2);
        List<Disposable> subscriptions = new ArrayList<>();
        AtomicReference<Object> first = subscribe(fetchOne(coalescer, 1), subscriptions);
        AtomicReference<Object> second = subscribe(fetchOne(coalescer, 2), subscriptions);
        AtomicReference<Object> third = subscribe(fetchOne(coalescer, 3), subscriptions);
        AtomicReference<Object> fourth = subscribe(fetchOne(coalescer, 4), subscriptions);

        IllegalStateException failure = new IllegalStateException("batch failed");
        queries.answer(0, 1);
        queries.answers.get(1).tryEmitError(failure);
        queries.answer(2, 4);

        assertThat(first.get()).isEqualTo(new Row(1, "row 1"));
        assertThat(second.get()).isSameAs(failure);
        assertThat(third.get()).isSameAs(failure);
        assertThat(fourth.get()).isEqualTo(new Row(4, "row 4"));
    }

    @Test
    void cancelledRequestsLeaveTheirBatchAndAWhollyCancelledBatchIsNotSentOrIsCancelled() {
        KeyedCoalescer<Integer, Row> coalescer = coalescer(1, 100);
        List<Disposable> subscriptions = new ArrayList<>();
        subscribe(fetchOne(coalescer, 1), subscriptions);
        subscribe(fetchOne(coalescer, 2), subscriptions);
        AtomicReference<Object> third = subscribe(fetchOne(coalescer, 3), subscriptions);

        subscriptions.get(1).dispose();
        queries.answer(0, 1);
        assertThat(queries.sent).as("the cancelled key is left out").containsExactly(List.of(1), List.of(3));

        subscriptions.get(2).dispose();
        assertThat(queries.cancelled.get(1)).as("its only request cancelled").isTrue();
        assertThat(third.get()).isNull();

        AtomicReference<Object> fourth = subscribe(fetchOne(coalescer, 4), subscriptions);
        subscribe(fetchOne(coalescer, 5), subscriptions);
        subscriptions.get(4).dispose();
        queries.answer(2, 4);
        assertThat(fourth.get()).isEqualTo(new Row(4, "row 4"));
        assertThat(queries.sent).as("a batch of only cancelled requests is never sent").hasSize(3);

        subscribe(fetchOne(coalescer, 6), subscriptions);
        assertThat(queries.sent).as("the slot was freed").hasSize(4).last().isEqualTo(List.of(6));
    }

    @Test
    void aQueryThatFailsWhileBeingBuiltFailsItsRequestsAndFreesTheSlot() {
        IllegalStateException broken = new IllegalStateException("cannot render");
        Function<List<Integer>, Flux<Row>> throwingForKeyTwo = keys -> {
            if (keys.contains(2)) {
                throw broken;
            }
            return queries.query(keys);
        };
        KeyedCoalescer<Integer, Row> coalescer = coalescerOver(throwingForKeyTwo);
        List<Disposable> subscriptions = new ArrayList<>();

        AtomicReference<Object> alone = subscribe(coalescer.fetchOne(2, () -> {
            throw broken;
        }), subscriptions);
        assertThat(alone.get()).as("a lone request's statement").isSameAs(broken);

        subscribe(fetchOne(coalescer, 1), subscriptions);
        AtomicReference<Object> gathered = subscribe(fetchOne(coalescer, 2), subscriptions);
        AtomicReference<Object> many = subscribe(coalescer.fetch(List.of(3, 4)), subscriptions);
        queries.answer(0, 1);
        assertThat(gathered.get()).as("a gathered batch's statement").isSameAs(broken);
        assertThat(many.get()).as("the batch's other waiter").isSameAs(broken);

        AtomicReference<Object> afterwards = subscribe(fetchOne(coalescer, 5), subscriptions);
        assertThat(queries.sent).as("the slot was freed").last().isEqualTo(List.of(5));
        queries.answer(queries.sent.size() - 1, 5);
        assertThat(afterwards.get()).isEqualTo(new Row(5, "row 5"));
    }

    @Test
    void aBatchWhoseLastRequestCancelsWhileItIsBeingSubscribedIsCancelled() {
        List<Disposable> subscriptions = new ArrayList<>();
        Function<List<Integer>, Flux<Row>> cancellingTheWaiterOfKeyTwo = keys -> {
            if (keys.contains(2)) {
                subscriptions.get(1).dispose();   // its only waiter leaves while the query is being subscribed
            }
            return queries.query(keys);
        };
        KeyedCoalescer<Integer, Row> coalescer = coalescerOver(cancellingTheWaiterOfKeyTwo);
        subscribe(fetchOne(coalescer, 1), subscriptions);
        subscribe(fetchOne(coalescer, 2), subscriptions);

        queries.answer(0, 1);

        assertThat(queries.sent).containsExactly(List.of(1), List.of(2));
        assertThat(queries.cancelled.get(1)).as("the abandoned batch's query").isTrue();
        AtomicReference<Object> next = subscribe(fetchOne(coalescer, 3), subscriptions);
        assertThat(queries.sent).as("its slot was freed").last().isEqualTo(List.of(3));
        queries.answer(2, 3);
        assertThat(next.get()).isEqualTo(new Row(3, "row 3"));
    }

    @Test
    void aLookupSentFromTheEndOfTheLastOneFindsItsSlotFreeAndGoesAlone() {
        KeyedCoalescer<Integer, Row> coalescer = coalescer(1, 100);
        List<Disposable> subscriptions = new ArrayList<>();
        AtomicReference<AtomicReference<Object>> second = new AtomicReference<>();
        List<Integer> sentWhenTheSecondWasSubscribed = new ArrayList<>();

        subscriptions.add(fetchOne(coalescer, 1).subscribe(first -> {
            second.set(subscribe(fetchOne(coalescer, 2), subscriptions));   // one request after another
            sentWhenTheSecondWasSubscribed.add(queries.sent.size());
        }));
        queries.answer(0, 1);

        assertThat(sentWhenTheSecondWasSubscribed).as("sent at once, not gathered behind the first").containsExactly(2);
        queries.answer(1, 2);
        assertThat(second.get().get()).isEqualTo(new Row(2, "row 2"));
        assertThat(counters.snapshot().batches()).isZero();
    }
}
