package io.rowflow.benchmarks;

import io.r2dbc.pool.ConnectionPool;
import io.rowflow.benchmarks.Contender.BookPage;
import io.rowflow.benchmarks.Contender.ItemData;
import io.rowflow.benchmarks.report.ContenderResult;
import io.rowflow.benchmarks.report.WorkloadResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Runs the workloads that run in the harness's JVM (all but W6): checks that every contender
 * computes the baseline's checksum, then runs warm-up and measured rounds with the contenders
 * interleaved (round r starts with a different contender each time, so drift on a shared machine
 * does not favour one of them).
 */
final class InProcessRunner {

    /** A contender with its pool and statement counter. */
    record Entry(Contender contender, ConnectionPool pool, CountingConnectionFactory counting) {
    }

    private static final int QUERIES_PER_REQUEST = 20;
    private static final int PAGE_SIZE = 20;
    private static final int PAGES = 10;

    private final Settings settings;
    private final List<ItemData> items;

    InProcessRunner(Settings settings) {
        this.settings = settings;
        this.items = new ArrayList<>(settings.insertRows());
        for (int i = 0; i < settings.insertRows(); i++) {
            items.add(new ItemData("item " + i, i % 100, i * 7 % 1_000));
        }
    }

    WorkloadResult run(Workload workload, List<Entry> entries) {
        verify(workload, entries);
        for (int round = 0; round < settings.warmupRounds(); round++) {
            for (Entry entry : rotated(entries, round)) {
                prepareRound(workload, entry);
                measure(workload, entry, settings.roundTime());
            }
        }
        Map<String, Tally> tallies = new LinkedHashMap<>();
        entries.forEach(e -> tallies.put(e.contender().name(), new Tally()));
        for (int round = 0; round < settings.rounds(); round++) {
            for (Entry entry : rotated(entries, round)) {
                prepareRound(workload, entry);
                long before = entry.counting().statements();
                Measurement measurement = measure(workload, entry, settings.roundTime());
                tallies.get(entry.contender().name()).add(measurement, entry.counting().statements() - before,
                        measurement.throughput(unitsPerOperation(workload)));
            }
        }
        List<ContenderResult> results = new ArrayList<>();
        tallies.forEach((name, tally) -> results.add(tally.result(name)));
        return new WorkloadResult(workload, Contenders.BASELINE, results);
    }

    /** One contender's measured rounds of a workload, added up. */
    private static final class Tally {
        private final List<Double> throughputs = new ArrayList<>();
        private final LatencyHistogram latencies = new LatencyHistogram();
        private long statements;
        private long operations;
        private long cpuNanos;
        private long allocatedBytes;

        void add(Measurement measurement, long roundStatements, double throughput) {
            throughputs.add(throughput);
            latencies.add(measurement.latencies());
            statements += roundStatements;
            operations += measurement.operations();
            cpuNanos += measurement.cpuNanos();
            allocatedBytes += measurement.allocatedBytes();
        }

        ContenderResult result(String name) {
            double ops = Math.max(1, operations);
            return new ContenderResult(name, throughputs, statements / ops, cpuNanos / ops / 1_000,
                    allocatedBytes / ops / 1_024, null, null, latencies.summary());
        }
    }

    /** W5 starts every round on an empty table (not timed, not counted). */
    private static void prepareRound(Workload workload, Entry entry) {
        if (workload.inserts()) {
            Fixture.resetItems(entry.pool());
        }
    }

    private Measurement measure(Workload workload, Entry entry, Duration time) {
        return Measurement.run(operation(workload, entry.contender()),
                Math.min(workload.concurrency(), settings.maxConcurrency()), time);
    }

    private double unitsPerOperation(Workload workload) {
        return workload.inserts() ? settings.insertRows() : 1;
    }

    /** One request of the workload, with fresh random parameters on every subscription. */
    private Supplier<Mono<Long>> operation(Workload workload, Contender contender) {
        return switch (workload) {
            case W1, L1, L64 -> () -> contender.findWorld(randomId());
            case W2 -> () -> contender.findWorlds(randomIds());
            case W3 -> contender::fortunes;
            case W4 -> () -> contender.readThenUpdate(distinctRandomIds(), randomNumbers());
            case W5 -> () -> contender.insertItems(items);
            case W5C -> () -> contender.insertItemsWithoutIds(items);
            case W6 -> contender::streamEvents;
            case W6T -> contender::streamEventsInTransaction;
            case W7 -> contender::authorsWithBooks;
            case W10 -> contender::joinedAuthorsAndBooks;
            case W8 -> () -> contender.bookPage(new BookPage(1950, 1990, "The",
                    PAGE_SIZE, PAGE_SIZE * ThreadLocalRandom.current().nextInt(PAGES)));
            case W9 -> () -> contender.authorWithBooks(1 + ThreadLocalRandom.current().nextInt(Fixture.AUTHORS));
            case W11 -> contender::authorsWithLatestBooks;
        };
    }

    /** Runs each contender once on fixed parameters and fails unless all agree with the baseline. */
    private void verify(Workload workload, List<Entry> entries) {
        Long expected = null;
        for (Entry entry : entries) {
            if (workload.inserts()) {
                Fixture.resetItems(entry.pool());
            }
            Long checksum = fixedOperation(workload, entry.contender()).block(Duration.ofMinutes(2));
            if (expected == null) {
                expected = checksum;
            } else if (!expected.equals(checksum)) {
                throw new IllegalStateException(workload + ": " + entry.contender().name() + " computed checksum " + checksum
                        + " but " + entries.get(0).contender().name() + " computed " + expected
                        + "; the contenders do not do the same work");
            }
        }
    }

    private Mono<Long> fixedOperation(Workload workload, Contender contender) {
        int[] ids = new int[QUERIES_PER_REQUEST];
        int[] numbers = new int[QUERIES_PER_REQUEST];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = 1 + i * 487;
            numbers[i] = 1 + i;
        }
        return switch (workload) {
            case W1, L1, L64 -> contender.findWorld(42);
            case W2 -> contender.findWorlds(ids);
            case W3 -> contender.fortunes();
            case W4 -> contender.readThenUpdate(ids, numbers);
            case W5 -> contender.insertItems(items);
            case W5C -> contender.insertItemsWithoutIds(items);
            case W6 -> contender.streamEvents();
            case W6T -> contender.streamEventsInTransaction();
            case W7 -> contender.authorsWithBooks();
            case W10 -> contender.joinedAuthorsAndBooks();
            case W8 -> contender.bookPage(new BookPage(1950, 1990, "The", PAGE_SIZE, PAGE_SIZE));
            case W9 -> contender.authorWithBooks(42);
            case W11 -> contender.authorsWithLatestBooks();
        };
    }

    private static List<Entry> rotated(List<Entry> entries, int round) {
        List<Entry> rotated = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            rotated.add(entries.get((i + round) % entries.size()));
        }
        return rotated;
    }

    private static int randomId() {
        return 1 + ThreadLocalRandom.current().nextInt(Fixture.WORLD_ROWS);
    }

    private static int[] randomIds() {
        int[] ids = new int[QUERIES_PER_REQUEST];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = randomId();
        }
        return ids;
    }

    /** W4's ids: distinct, as one batch write of the rows needs (a row written twice in one statement is ambiguous). */
    private static int[] distinctRandomIds() {
        return ThreadLocalRandom.current().ints(1, Fixture.WORLD_ROWS + 1).distinct().limit(QUERIES_PER_REQUEST).toArray();
    }

    private static int[] randomNumbers() {
        int[] numbers = new int[QUERIES_PER_REQUEST];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = randomId();
        }
        return numbers;
    }
}
