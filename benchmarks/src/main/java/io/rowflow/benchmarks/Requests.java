package io.rowflow.benchmarks;

import io.rowflow.benchmarks.Contender.BookPage;
import io.rowflow.benchmarks.Contender.ItemData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * One request of each workload, the same wherever the contender runs (the harness's JVM or a
 * forked one): random parameters for measured rounds, fixed ones for the checksum check.
 */
final class Requests {

    private static final int QUERIES_PER_REQUEST = 20;
    private static final int PAGE_SIZE = 20;
    private static final int PAGES = 10;

    private final List<ItemData> items;

    /** Requests inserting {@code insertRows} items per W5 request. */
    Requests(int insertRows) {
        this.items = new ArrayList<>(insertRows);
        for (int i = 0; i < insertRows; i++) {
            items.add(new ItemData("item " + i, i % 100, i * 7 % 1_000));
        }
    }

    /** Rows (W5, W5C) or requests each operation of the workload stands for. */
    double unitsPerOperation(Workload workload) {
        return workload.inserts() ? items.size() : 1;
    }

    /** One request of the workload, with fresh random parameters on every subscription. */
    Supplier<Mono<Long>> random(Workload workload, Contender contender) {
        return switch (workload) {
            case W1, L1, L64 -> () -> contender.findWorld(randomId());
            case W2 -> () -> contender.findWorlds(randomIds());
            case W3 -> contender::fortunes;
            case W4 -> () -> contender.readThenUpdate(distinctRandomIds(), randomIds());
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

    /** One request of the workload on fixed parameters, whose checksum every contender must agree on. */
    Mono<Long> fixed(Workload workload, Contender contender) {
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
}
