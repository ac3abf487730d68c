package io.rowflow.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.Coalescing;
import io.rowflow.CoalescingStatistics;
import io.rowflow.DataAccessException;
import io.rowflow.Database;
import io.rowflow.fixtures.Author;
import io.rowflow.fixtures.Book;
import io.rowflow.fixtures.Customer;
import io.rowflow.sql.Expression;
import io.rowflow.sql.Predicate;
import io.rowflow.sql.SelectStatement;
import io.rowflow.sql.TableRef;
import io.rowflow.test.CountingConnectionFactory;
import io.rowflow.test.FailingOnceConnectionFactory;
import io.rowflow.test.TestDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Lookup coalescing on each database: under concurrency many findById calls share statements,
 * yet every caller gets exactly its own row (or nothing), failures and cancellations stay with
 * their own waiters, and transactions are never coalesced.
 */
public abstract class CoalescingContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int ROWS = 2_000;

    private ConnectionFactory factory;
    private CountingConnectionFactory counting;
    private ConnectionPool pool;
    private Database db;
    private Map<Long, Author> table;

    /** The real database under test, unpooled. */
    protected abstract ConnectionFactory connectionFactory();

    /**
     * Whether concurrent lookups reliably overlap on this database's driver. A synchronous driver
     * (H2) mostly completes each lookup inside its subscription, so lookups rarely wait for each
     * other and are rarely gathered: still correct, just not reliably batched.
     */
    protected boolean lookupsOverlap() {
        return true;
    }

    @BeforeEach
    void createData() {
        factory = connectionFactory();
        counting = new CountingConnectionFactory(factory);
        pool = TestDatabases.pooled(counting, 8);
        db = Database.create(pool);
        db.schema().dropIfExists(Book.class).then(db.schema().dropIfExists(Author.class))
                .then(db.schema().create(Author.class)).block(TIMEOUT);
        table = db.insertAll(IntStream.range(0, ROWS).mapToObj(i -> new Author(null, "author " + i, i)).toList())
                .collectMap(Author::id).block(TIMEOUT);
        counting.reset();
    }

    @AfterEach
    void closePool() {
        pool.disposeLater().block(TIMEOUT);
    }

    private long randomKey(Random random) {
        long anyId = table.keySet().iterator().next();
        return random.nextInt(10) == 0 ? -1 - random.nextInt(1_000) : anyId + random.nextInt(ROWS);
    }

    @Test
    void tenThousandConcurrentLookupsEachGetTheirOwnRowOrNothing() {
        Random random = new Random(7);
        List<Long> keys = IntStream.range(0, 10_000).mapToObj(i -> randomKey(random)).toList();

        List<Optional<Author>> results = Flux.fromIterable(keys)
                .flatMapSequential(key -> db.findById(Author.class, key).map(Optional::of).defaultIfEmpty(Optional.empty()), 256)
                .collectList().block(TIMEOUT);

        for (int i = 0; i < keys.size(); i++) {
            assertThat(results.get(i)).as("key %d", keys.get(i)).isEqualTo(Optional.ofNullable(table.get(keys.get(i))));
        }
        CoalescingStatistics.Counts statistics = db.coalescingStatistics().lookups();
        assertThat(statistics.requests()).isEqualTo(10_000);
        assertThat(counting.statements()).isEqualTo((int) statistics.statements());
        if (lookupsOverlap()) {
            assertThat(statistics.statements()).isLessThan(10_000 / 4);
            assertThat(statistics.meanBatchSize()).isGreaterThan(2);
        } else {
            assertThat(statistics.statements()).isLessThanOrEqualTo(10_000);
        }
        awaitIdle();
    }

    @Test
    void aLoneLookupIsExactlyOneStatementAndThousandConcurrentOnesFarFewer() {
        Long id = table.keySet().iterator().next();
        assertThat(db.findById(Author.class, id).block(TIMEOUT)).isEqualTo(table.get(id));
        assertThat(counting.statements()).isEqualTo(1);

        counting.reset();
        List<Long> keys = new ArrayList<>(table.keySet()).subList(0, 1_000);
        List<Author> found = Flux.fromIterable(keys).flatMap(key -> db.findById(Author.class, key), 1_000)
                .collectList().block(TIMEOUT);
        assertThat(found).hasSize(1_000);
        assertThat(counting.statements()).isLessThan(lookupsOverlap() ? 100 : 1_001);
    }

    @Test
    void duplicateKeysShareOneRow() {
        Long id = table.keySet().iterator().next();
        List<Author> same = Flux.range(0, 500).flatMap(i -> db.findById(Author.class, id), 500).collectList().block(TIMEOUT);
        assertThat(same).hasSize(500).containsOnly(table.get(id));
        assertThat(db.findAllById(Author.class, List.of(id, -5L, id)).collectList().block(TIMEOUT)).containsExactly(table.get(id));
    }

    @Test
    void randomlyCancelledWaitersLeaveTheOthersCorrectAndThePoolIdle() {
        Random random = new Random(11);
        List<Long> keys = IntStream.range(0, 5_000).mapToObj(i -> randomKey(random)).toList();
        AtomicInteger checked = new AtomicInteger();

        Flux.fromIterable(keys).flatMap(key -> {
            Mono<Author> lookup = db.findById(Author.class, key);
            if (random.nextInt(3) == 0) {
                return lookup.timeout(Duration.ofNanos(1 + random.nextInt(200_000))).onErrorResume(e -> Mono.empty()).then();
            }
            return lookup.map(Optional::of).defaultIfEmpty(Optional.empty()).doOnNext(result -> {
                assertThat(result).isEqualTo(Optional.ofNullable(table.get(key)));
                checked.incrementAndGet();
            }).then();
        }, 512).blockLast(TIMEOUT);

        assertThat(checked.get()).isGreaterThan(2_500);
        awaitIdle();
    }

    @Test
    void insideATransactionLookupsSeeUncommittedRowsAndAreNotCoalesced() {
        CoalescingStatistics.Counts before = db.coalescingStatistics().lookups();
        List<Author> seen = db.inTransaction(tx -> db.insert(Author.named("uncommitted"))
                        .flatMapMany(fresh -> Flux.range(0, 50).flatMap(i -> db.findById(Author.class, fresh.id()))))
                .collectList().block(TIMEOUT);

        assertThat(seen).hasSize(50).allSatisfy(a -> assertThat(a.name()).isEqualTo("uncommitted"));
        assertThat(db.coalescingStatistics().lookups().requests()).isEqualTo(before.requests());
    }

    @Test
    void aLookupAfterACommittedWriteSeesIt() {
        Author written = db.insert(Author.named("just written")).block(TIMEOUT);
        assertThat(db.findById(Author.class, written.id()).block(TIMEOUT)).isEqualTo(written);
    }

    @Test
    void aFailedBatchFailsOnlyItsOwnWaiters() {
        FailingOnceConnectionFactory failing = new FailingOnceConnectionFactory(factory,
                sql -> sql.contains("ANY(") || sql.contains(" IN ("));
        ConnectionPool faultyPool = TestDatabases.pooled(failing, 2);
        Database faulty = Database.create(faultyPool);
        try {
            List<Long> keys = new ArrayList<>(table.keySet()).subList(0, 400);
            List<Object> outcomes = Flux.fromIterable(keys)
                    .flatMapSequential(key -> faulty.findById(Author.class, key).<Object>map(a -> a)
                            .onErrorResume(e -> Mono.just(e)), 400)
                    .collectList().block(TIMEOUT);

            List<Object> errors = outcomes.stream().filter(o -> o instanceof Throwable).toList();
            assertThat(errors).hasSizeLessThan(400).allSatisfy(e -> assertThat(e).isInstanceOf(DataAccessException.class));
            if (lookupsOverlap()) {
                assertThat(errors).as("the failed batch's waiters").isNotEmpty();
            }
            for (int i = 0; i < keys.size(); i++) {
                if (!(outcomes.get(i) instanceof Throwable)) {
                    assertThat(outcomes.get(i)).isEqualTo(table.get(keys.get(i)));
                }
            }
        } finally {
            faultyPool.disposeLater().block(TIMEOUT);
        }
    }

    @Test
    void bypassedOrDisabledLookupsAreEachTheirOwnStatement() {
        List<Long> keys = new ArrayList<>(table.keySet()).subList(0, 300);
        CoalescingStatistics.Counts before = db.coalescingStatistics().lookups();

        List<Author> bypassed = Flux.fromIterable(keys)
                .flatMap(key -> db.findById(Author.class, key).contextWrite(Coalescing.bypass()), 300)
                .collectList().block(TIMEOUT);

        assertThat(bypassed).hasSize(300);
        assertThat(counting.statements()).isEqualTo(300);
        assertThat(db.coalescingStatistics().lookups()).isEqualTo(before);

        counting.reset();
        Database uncoalesced = Database.builder(pool).coalescing(Coalescing.disabled()).build();
        List<Author> plain = Flux.fromIterable(keys).flatMap(key -> uncoalesced.findById(Author.class, key), 300)
                .collectList().block(TIMEOUT);
        assertThat(plain).containsExactlyInAnyOrderElementsOf(bypassed);
        assertThat(counting.statements()).isEqualTo(300);
        assertThat(uncoalesced.coalescingStatistics().lookups().requests()).isZero();
    }

    @Test
    void concurrentFindAllByIdCallsEachGetTheirRowsInTheirOrder() {
        Random random = new Random(5);
        List<List<Long>> requests = IntStream.range(0, 500)
                .mapToObj(i -> IntStream.range(0, 1 + random.nextInt(8)).mapToObj(k -> randomKey(random)).toList()).toList();

        List<List<Author>> results = Flux.fromIterable(requests)
                .flatMapSequential(ids -> db.findAllById(Author.class, ids).collectList(), 500)
                .collectList().block(TIMEOUT);

        for (int i = 0; i < requests.size(); i++) {
            List<Author> expected = requests.get(i).stream().distinct().map(table::get).filter(java.util.Objects::nonNull).toList();
            assertThat(results.get(i)).as("request %d: %s", i, requests.get(i)).containsExactlyElementsOf(expected);
        }
        if (lookupsOverlap()) {
            assertThat(counting.statements()).isLessThan(250);
        }
    }

    @Test
    void mutableEntitiesAskedForTogetherAreSeparateInstances() {
        db.schema().dropIfExists(Book.class).then(db.schema().create(Book.class)).block(TIMEOUT);
        Long authorId = table.keySet().iterator().next();
        Book stored = db.insert(new Book("shared", authorId, null, 100)).block(TIMEOUT);

        List<Book> copies = Flux.range(0, 300).flatMap(i -> db.findById(Book.class, stored.getId()), 300)
                .collectList().block(TIMEOUT);

        assertThat(copies).hasSize(300).allSatisfy(book -> assertThat(book.getTitle()).isEqualTo("shared"));
        java.util.Set<Book> instances = Collections.newSetFromMap(new IdentityHashMap<>());
        instances.addAll(copies);
        assertThat(instances).as("no two callers share a mutable instance").hasSize(300);
    }

    @Test
    void aCallerChangingItsMutableEntityOnDeliveryLeavesTheOtherCallersCopiesPristine() {
        Book stored = storedBook("pristine", 100);

        List<String> seen = Flux.range(0, 1_000)
                .flatMap(caller -> db.findById(Book.class, stored.getId()).map(book -> {
                    String received = book.getTitle() + "/" + book.getPages() + "/" + book.getVersion();
                    book.setTitle("unsaved change of caller " + caller);
                    book.setPages(caller);
                    return received;
                }), 64)
                .collectList().block(TIMEOUT);

        assertThat(seen).hasSize(1_000).containsOnly("pristine/100/0");
        if (lookupsOverlap()) {
            assertThat(db.coalescingStatistics().lookups().statements()).as("the callers were gathered").isLessThan(1_000);
        }
    }

    @Test
    void concurrentReadModifyWriteIncrementsWithRetryLoseNoUpdate() {
        Book stored = storedBook("counter", 0);
        int increments = 64;

        Flux.range(0, increments)
                .flatMap(caller -> Mono.defer(() -> db.findById(Book.class, stored.getId()))
                        .flatMap(book -> {
                            book.setPages(book.getPages() + 1);
                            return db.update(book);
                        })
                        .retryWhen(reactor.util.retry.Retry.max(10_000)
                                .filter(error -> error instanceof io.rowflow.OptimisticLockException)), 64)
                .blockLast(TIMEOUT);

        Book last = db.findById(Book.class, stored.getId()).contextWrite(Coalescing.bypass()).block(TIMEOUT);
        assertThat(last.getPages()).as("counter").isEqualTo(increments);
        assertThat(last.getVersion()).as("version").isEqualTo(increments);
    }

    private Book storedBook(String title, int pages) {
        db.schema().dropIfExists(Book.class).then(db.schema().create(Book.class)).block(TIMEOUT);
        Book stored = db.insert(new Book(title, table.keySet().iterator().next(), null, pages)).block(TIMEOUT);
        counting.reset();
        return stored;
    }

    @Test
    void queriesByTheIdOrAUniqueColumnAreLookupsWithTheDatabasesOwnEquality() {
        db.schema().dropIfExists(Customer.class).then(db.schema().create(Customer.class)).block(TIMEOUT);
        List<Customer> customers = db.insertAll(IntStream.range(0, 500).mapToObj(i -> new Customer(UUID.randomUUID(),
                "user-" + i + "@example.com", null, null)).toList()).collectList().block(TIMEOUT);
        counting.reset();
        CoalescingStatistics.Counts before = db.coalescingStatistics().lookups();

        boolean exactText = db.dialect().supports(io.rowflow.dialect.Feature.CASE_SENSITIVE_LIKE);

        List<Customer> byEmail = Flux.fromIterable(customers)
                .flatMapSequential(c -> db.fetchOne(customerWhere("email", c.email())), 500).collectList().block(TIMEOUT);
        int emailStatements = counting.statements();
        counting.reset();
        List<Customer> byId = Flux.fromIterable(customers)
                .flatMapSequential(c -> db.fetchFirst(customerWhere("id", c.id())), 500).collectList().block(TIMEOUT);

        assertThat(byEmail).containsExactlyElementsOf(customers);
        assertThat(byId).containsExactlyElementsOf(customers);
        long coalesced = db.coalescingStatistics().lookups().requests() - before.requests();
        assertThat(coalesced).as("UUID ids always; text only where = compares exactly").isEqualTo(exactText ? 1_000 : 500);
        if (!exactText) {
            assertThat(emailStatements).as("text keys where = ignores case: one statement each").isEqualTo(500);
        }
        if (lookupsOverlap()) {
            // How many requests find a free slot depends on timing; gathering any of them proves the route.
            assertThat(counting.statements()).as("UUID lookups gathered").isLessThan(500);
            if (exactText) {
                assertThat(emailStatements).as("text lookups gathered").isLessThan(500);
            }
        }

        String shouted = customers.get(0).email().toUpperCase(java.util.Locale.ROOT);
        Customer plain = db.fetchOne(customerWhere("email", shouted)).contextWrite(Coalescing.bypass()).block(TIMEOUT);
        List<Customer> underLoad = Flux.range(0, 50).flatMap(i -> db.fetchOne(customerWhere("email", shouted)), 50)
                .collectList().block(TIMEOUT);
        assertThat(underLoad).as("same answer as the database gives, coalesced or not")
                .hasSize(plain == null ? 0 : 50).allSatisfy(c -> assertThat(c).isEqualTo(plain));
    }

    private static SelectStatement<Customer> customerWhere(String property, Object value) {
        TableRef customer = new TableRef(Customer.class, "c");
        return SelectStatement.of(customer, Customer.class).withWhere(new Predicate.Comparison(
                new Expression.Column(customer, property), Predicate.ComparisonOperator.EQ, new Expression.Value(value)));
    }

    private void awaitIdle() {
        DatabaseTestSupport.awaitTrue("the pool is idle", () -> pool.getMetrics().orElseThrow().acquiredSize() == 0
                && pool.getMetrics().orElseThrow().pendingAcquireSize() == 0);
    }
}
