package io.rowflow.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.r2dbc.spi.R2dbcException;
import io.rowflow.DataAccessException;
import io.rowflow.DuplicateKeyException;
import io.rowflow.ForeignKeyViolationException;
import io.rowflow.NonUniqueResultException;
import io.rowflow.OptimisticLockException;
import io.rowflow.QueryException;
import io.rowflow.fixtures.Address;
import io.rowflow.fixtures.Author;
import io.rowflow.fixtures.Book;
import io.rowflow.fixtures.Counter;
import io.rowflow.fixtures.Customer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * CRUD behaviour every database must show: generated ids, records and mutable classes, embedded
 * value objects, optimistic locking, upsert, batch insert, raw SQL and error translation.
 */
public abstract class CrudContract extends DatabaseTestSupport {

    @Override
    protected Class<?>[] tables() {
        return new Class<?>[]{Author.class, Book.class, Customer.class, Counter.class};
    }

    @Test
    void aThousandRowInsertAllTheDatabaseRefusesFailsInTheHierarchyAndStoresNothing() {
        List<Author> authors = java.util.stream.IntStream.range(0, 1_000)
                .mapToObj(i -> new Author(null, i == 500 ? null : "author " + i, null)).toList();

        db.insertAll(authors).then()
                .as(StepVerifier::create)
                .expectError(io.rowflow.IntegrityViolationException.class)
                .verify(java.time.Duration.ofSeconds(30));
        assertThat(db.count(Author.class).block()).isZero();
    }

    @Test
    void insertReturnsRecordWithGeneratedId() {
        Author first = db.insert(Author.named("Ursula")).block();
        Author second = db.insert(new Author(null, "Octavia", 1947)).block();

        assertThat(first.id()).isNotNull();
        assertThat(second.id()).isNotNull().isNotEqualTo(first.id());
        assertThat(second.name()).isEqualTo("Octavia");
        assertThat(db.findById(Author.class, second.id()).block()).isEqualTo(second);
    }

    @Test
    void insertSetsIdAndInitialVersionOnMutableEntityInPlace() {
        Author author = db.insert(Author.named("Stanisław")).block();
        Book book = new Book("Solaris", author.id(), new BigDecimal("12.50"), 204);

        Book inserted = db.insert(book).block();

        assertThat(inserted).isSameAs(book);
        assertThat(book.getId()).isNotNull();
        assertThat(book.getVersion()).isZero();
        Book loaded = db.findById(Book.class, book.getId()).block();
        assertThat(loaded.getTitle()).isEqualTo("Solaris");
        assertThat(loaded.getAuthorId()).isEqualTo(author.id());
        assertThat(loaded.getPrice()).isEqualByComparingTo("12.50");
        assertThat(loaded.getPages()).isEqualTo(204);
        assertThat(loaded.getNote()).as("transient field keeps its initial value").isEqualTo("not stored");
    }

    @Test
    void findByIdCompletesEmptyForMissingRow() {
        StepVerifier.create(db.findById(Author.class, 123_456L)).verifyComplete();
        StepVerifier.create(db.existsById(Author.class, 123_456L)).expectNext(false).verifyComplete();
    }

    @Test
    void findAllStreamsEveryRowAndCountMatches() {
        List<Author> inserted = db.insertAll(IntStream.range(0, 50).mapToObj(i -> Author.named("author " + i)).toList())
                .collectList().block();

        List<Author> all = db.findAll(Author.class).collectList().block();

        assertThat(all).containsExactlyInAnyOrderElementsOf(inserted);
        assertThat(db.count(Author.class).block()).isEqualTo(50L);
        assertThat(db.existsById(Author.class, inserted.get(7).id()).block()).isTrue();
    }

    @Test
    void updateWritesEveryColumnAndIncrementsVersion() {
        Author author = db.insert(Author.named("Iain")).block();
        Book book = db.insert(new Book("Excession", author.id(), new BigDecimal("9.99"), 450)).block();

        book.setTitle("Excession (revised)");
        book.setPrice(null);
        Book updated = db.update(book).block();

        assertThat(updated.getVersion()).isEqualTo(1);
        Book loaded = db.findById(Book.class, book.getId()).block();
        assertThat(loaded.getTitle()).isEqualTo("Excession (revised)");
        assertThat(loaded.getPrice()).isNull();
        assertThat(loaded.getVersion()).isEqualTo(1);
    }

    @Test
    void updateWithStaleVersionFailsWithOptimisticLockAndChangesNothing() {
        Book book = db.insert(new Book("Dune", null, BigDecimal.ONE, 600)).block();
        Book concurrentCopy = db.findById(Book.class, book.getId()).block();
        book.setTitle("Dune Messiah");
        db.update(book).block();

        concurrentCopy.setTitle("Children of Dune");
        StepVerifier.create(db.update(concurrentCopy))
                .expectError(OptimisticLockException.class)
                .verify(Duration.ofSeconds(10));
        assertThat(db.findById(Book.class, book.getId()).block().getTitle()).isEqualTo("Dune Messiah");
        StepVerifier.create(db.delete(concurrentCopy)).expectError(OptimisticLockException.class).verify(Duration.ofSeconds(10));
        assertThat(db.existsById(Book.class, book.getId()).block()).isTrue();
    }

    @Test
    void updateOfMissingRowFailsInsteadOfSilentlyDoingNothing() {
        StepVerifier.create(db.update(new Author(987_654L, "Nobody", null)))
                .expectError(OptimisticLockException.class)
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void updateOfImmutableClassReturnsNewInstanceWithNextVersion() {
        Counter counter = db.insert(new Counter("visits", 1, null)).block();
        assertThat(counter.version()).isZero();

        Counter updated = db.update(counter.withHits(2)).block();

        assertThat(updated).isNotSameAs(counter);
        assertThat(updated.version()).isEqualTo(1L);
        Counter loaded = db.findById(Counter.class, "visits").block();
        assertThat(loaded.hits()).isEqualTo(2);
        assertThat(loaded.version()).isEqualTo(1L);
    }

    @Test
    void anOptimisticLockConflictIsRetriedByRetriesAsATransientFailure() {
        Counter stored = db.insert(new Counter("retried", 1, null)).block();
        db.update(stored.withHits(5)).block();
        java.util.concurrent.atomic.AtomicReference<Counter> stale = new java.util.concurrent.atomic.AtomicReference<>(stored);

        Counter incremented = Mono.defer(() -> Mono.justOrEmpty(stale.getAndSet(null)))
                .switchIfEmpty(Mono.defer(() -> db.findById(Counter.class, "retried")))
                .flatMap(counter -> db.update(counter.withHits(counter.hits() + 1)))
                .retryWhen(io.rowflow.Retries.transientFailures(3, Duration.ofMillis(1)))
                .block(Duration.ofSeconds(10));

        assertThat(incremented.hits()).as("the first attempt read a stale version; the retry read again").isEqualTo(6);
        assertThat(incremented.version()).isEqualTo(2L);
    }

    @Test
    void upsertInsertsThenUpdatesTheSameRow() {
        Counter inserted = db.upsert(new Counter("downloads", 10, null)).block();
        assertThat(inserted.hits()).isEqualTo(10);
        assertThat(inserted.version()).isZero();

        Counter updated = db.upsert(new Counter("downloads", 25, null)).block();

        assertThat(updated.hits()).isEqualTo(25);
        assertThat(updated.version()).isEqualTo(1L);
        assertThat(db.count(Counter.class).block()).isEqualTo(1L);
        assertThat(db.findById(Counter.class, "downloads").block().hits()).isEqualTo(25);
    }

    @Test
    void upsertOfEntityWithoutVersionOverwritesColumns() {
        UUID id = UUID.randomUUID();
        db.upsert(new Customer(id, "ada@example.org", new Address("1 Main St", "London", "N1"), null)).block();
        Customer updated = db.upsert(new Customer(id, "ada@example.com", null, new Address("2 Work Rd", "Leeds", "L2")))
                .block();

        assertThat(updated).isEqualTo(new Customer(id, "ada@example.com", null, new Address("2 Work Rd", "Leeds", "L2")));
        assertThat(db.findById(Customer.class, id).block()).isEqualTo(updated);
    }

    @Test
    void upsertWithNullGeneratedIdInserts() {
        Author author = db.upsert(Author.named("Le Guin")).block();
        assertThat(author.id()).isNotNull();
        assertThat(db.count(Author.class).block()).isEqualTo(1L);
    }

    @Test
    void embeddedValueObjectsFlattenIntoPrefixedColumns() {
        UUID id = UUID.randomUUID();
        Customer customer = new Customer(id, "grace@example.org", new Address("3 Navy Way", "Arlington", "22201"), null);
        db.insert(customer).block();

        assertThat(db.findById(Customer.class, id).block()).isEqualTo(customer);
        String city = db.sql("select home_city from customer where work_city is null").mapTo(String.class)
                .fetchOne().block();
        assertThat(city).isEqualTo("Arlington");
    }

    @Test
    void deleteAndDeleteByIdReportWhetherARowWent() {
        Author author = db.insert(Author.named("Gone")).block();
        Author other = db.insert(Author.named("Also gone")).block();

        assertThat(db.delete(author).block()).isTrue();
        assertThat(db.delete(author).block()).isFalse();
        assertThat(db.deleteById(Author.class, other.id()).block()).isTrue();
        assertThat(db.deleteById(Author.class, other.id()).block()).isFalse();
        assertThat(db.count(Author.class).block()).isZero();
    }

    @Test
    void insertAllOfTenThousandRowsUsesOneStatementPerChunk() {
        List<Author> authors = IntStream.range(0, 10_000).mapToObj(i -> new Author(null, "bulk " + i, 1900 + i % 100)).toList();

        List<Author> inserted = db.insertAll(authors).collectList().block(Duration.ofSeconds(60));

        int chunk = 1_000;
        assertThat(counting.statements()).isLessThanOrEqualTo((10_000 + chunk - 1) / chunk);
        assertThat(inserted).hasSize(10_000);
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < inserted.size(); i++) {
            assertThat(inserted.get(i).name()).isEqualTo("bulk " + i);
            ids.add(inserted.get(i).id());
        }
        assertThat(ids).hasSize(10_000).doesNotContainNull();
        assertThat(db.count(Author.class).block()).isEqualTo(10_000L);
        Author sample = inserted.get(4_321);
        assertThat(db.findById(Author.class, sample.id()).block()).isEqualTo(sample);
    }

    @Test
    void insertAllIsAllOrNothing() {
        UUID duplicate = UUID.randomUUID();
        List<Customer> customers = List.of(
                new Customer(UUID.randomUUID(), "a@example.org", null, null),
                new Customer(duplicate, "b@example.org", null, null),
                new Customer(duplicate, "c@example.org", null, null));

        StepVerifier.create(db.insertAll(customers)).expectError(DuplicateKeyException.class).verify(Duration.ofSeconds(10));
        assertThat(db.count(Customer.class).block()).isZero();
    }

    @Test
    void uniqueViolationCarriesSqlButNoBoundValues() {
        String secret = "secret-" + UUID.randomUUID() + "@example.org";
        db.insert(new Customer(UUID.randomUUID(), secret, null, null)).block();

        Throwable error = db.insert(new Customer(UUID.randomUUID(), secret, null, null))
                .then().onErrorResume(e -> reactor.core.publisher.Mono.error(e))
                .materialize().block().getThrowable();

        assertThat(error).isInstanceOf(DuplicateKeyException.class);
        DataAccessException dataAccess = (DataAccessException) error;
        assertThat(dataAccess.sql()).startsWith("INSERT INTO").contains(db.dialect().quote("customer"));
        assertThat(dataAccess.getMessage()).contains(dataAccess.sql()).doesNotContain(secret);
        assertThat(dataAccess.sqlState()).startsWith("23");
        assertThat(dataAccess.isTransient()).isFalse();
        assertThat(dataAccess.getCause()).isInstanceOf(R2dbcException.class);
    }

    @Test
    void foreignKeyViolationHasItsOwnType() {
        StepVerifier.create(db.insert(new Book("Orphan", 999_999L, BigDecimal.TEN, 1)))
                .expectError(ForeignKeyViolationException.class)
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void rawSqlBindsNamedParametersAndMapsRows() {
        db.insertAll(List.of(new Author(null, "Asimov", 1920), new Author(null, "Clarke", 1917),
                new Author(null, "Heinlein", 1907))).blockLast();

        List<Author> old = db.sql("select * from author where born < :year order by born")
                .bind("year", 1918).mapTo(Author.class).fetch().collectList().block();
        assertThat(old).extracting(Author::name).containsExactly("Heinlein", "Clarke");

        List<String> names = db.sql("select name, born from author where name <> :skip and born >= :year and name <> :skip order by name")
                .bind("skip", "Clarke").bind("year", 1900)
                .map(row -> row.get("name", String.class) + ":" + row.get("born", Integer.class))
                .fetch().collectList().block();
        assertThat(names).containsExactly("Asimov:1920", "Heinlein:1907");

        assertThat(db.sql("select count(*) from author").mapTo(Long.class).fetchOne().block()).isEqualTo(3L);
        assertThat(db.sql("update author set born = :born where name = :name")
                .bind("born", 1921).bind("name", "Asimov").execute().block()).isEqualTo(1L);
        assertThat(db.sql("select born from author where name = 'Asimov'").mapTo(Integer.class).fetchFirst().block())
                .isEqualTo(1921);
    }

    @Test
    void rawSqlRejectsUnboundAndUnknownParameters() {
        assertThatThrownBy(() -> db.sql("select * from author where name = :name").bind("nmae", "x"))
                .isInstanceOf(QueryException.class).hasMessageContaining(":nmae");
        StepVerifier.create(db.sql("select * from author where name = :name").mapTo(Author.class).fetch())
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(QueryException.class).hasMessageContaining(":name"))
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void fetchOneFailsOnMoreThanOneRow() {
        db.insertAll(List.of(Author.named("one"), Author.named("two"))).blockLast();
        StepVerifier.create(db.sql("select * from author").mapTo(Author.class).fetchOne())
                .expectError(NonUniqueResultException.class)
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void readsAreLazyAndRepeatable() {
        Flux<Author> all = db.findAll(Author.class);
        assertThat(counting.statements()).isZero();
        db.insert(Author.named("late")).block();
        assertThat(all.collectList().block()).hasSize(1);
        assertThat(all.collectList().block()).hasSize(1);
    }

    @Test
    void subscribingTwiceToTheInsertOfARecordInsertsTwoRows() {
        reactor.core.publisher.Mono<Author> insert = db.insert(new Author(null, "Twice", 1950));

        Author first = insert.block();
        Author second = insert.block();

        assertThat(first.id()).isNotNull();
        assertThat(second.id()).isNotNull().isNotEqualTo(first.id());
        assertThat(db.count(Author.class).block()).isEqualTo(2L);
    }

    @Test
    void subscribingTwiceToTheInsertOfAMutableEntityFailsTheSecondTimeWithDuplicateKey() {
        Author author = db.insert(new Author(null, "Once", 1950)).block();
        Book book = new Book("Inserted once", author.id(), BigDecimal.ONE, 10);
        reactor.core.publisher.Mono<Book> insert = db.insert(book);

        insert.block();
        Long id = book.getId();

        StepVerifier.create(insert).expectError(DuplicateKeyException.class).verify();
        assertThat(book.getId()).as("the id the first subscription set").isEqualTo(id);
        assertThat(db.count(Book.class).block()).isEqualTo(1L);
    }

    @Test
    void nullArgumentsThrowAtTheCallNamingTheArgumentAndTheEntityClass() {
        String author = Author.class.getName();
        assertNullRejected(() -> db.findById(Author.class, null), "findById: the id of " + author + " must not be null");
        assertNullRejected(() -> db.findById(Author.class, null, io.rowflow.sql.FetchPlan.of("books")),
                "findById: the id of " + author + " must not be null");
        assertNullRejected(() -> db.deleteById(Author.class, null), "deleteById: the id of " + author + " must not be null");
        assertNullRejected(() -> db.existsById(Author.class, null), "existsById: the id of " + author + " must not be null");
        assertNullRejected(() -> db.findAllById(Author.class, java.util.Arrays.asList(1L, null)),
                "findAllById: the ids of " + author + " must not contain null (position 1)");
        assertNullRejected(() -> db.findAllById(Author.class, null), "findAllById: the ids of " + author + " must not be null");
        assertNullRejected(() -> db.findById(null, 1L), "findById: entityType must not be null");
        assertNullRejected(() -> db.deleteById(null, 1L), "deleteById: entityType must not be null");
        assertNullRejected(() -> db.existsById(null, 1L), "existsById: entityType must not be null");
        assertNullRejected(() -> db.findAll((Class<Author>) null), "findAll: entityType must not be null");
        assertNullRejected(() -> db.count((Class<?>) null), "count: entityType must not be null");
        assertNullRejected(() -> db.insert(null), "insert: entity must not be null");
        assertNullRejected(() -> db.update(null), "update: entity must not be null");
        assertNullRejected(() -> db.upsert(null), "upsert: entity must not be null");
        assertNullRejected(() -> db.delete(null), "delete: entity must not be null");
        assertNullRejected(() -> db.insertAll((Iterable<Author>) null), "insertAll: entities must not be null");
        assertThat(counting.statements()).as("nothing was sent").isZero();
    }

    private static void assertNullRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isExactlyInstanceOf(NullPointerException.class).hasMessage(message);
    }
}
