package io.rowflow.query.relation;

import static io.rowflow.query.Queries.select;
import static io.rowflow.query.relation.Author_.AUTHOR;
import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.ConnectionProvider;
import io.rowflow.DatabaseBuilder;
import io.rowflow.ExternalTransaction;
import io.rowflow.ForeignKeyViolationException;
import io.rowflow.Ref;
import io.rowflow.TransactionRollbackException;
import io.rowflow.contract.DatabaseTestSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Rowflow operations inside a transaction that something else owns (as Spring's transaction
 * manager does): they run on the owner's connection only, commit and roll back with it, queue
 * their statements, load relationships in windows, and nest {@code inTransaction} as a savepoint.
 * The owner here is the test itself, reported to Rowflow by a {@link ConnectionProvider} that
 * reads it from the Reactor context, the way the Spring starter's provider does.
 */
public abstract class ExternalTransactionContract extends DatabaseTestSupport {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final Object OWNER_KEY = new Object();

    @Override
    protected Class<?>[] tables() {
        return new Class<?>[]{Author.class, Biography.class, Book.class, Review.class, Tag.class};
    }

    @Override
    protected DatabaseBuilder configure(DatabaseBuilder builder) {
        return builder.connectionProvider(new ContextTransactionProvider());
    }

    /** Reports the transaction the test put in the context; outside it, the default's connection per operation. */
    private static final class ContextTransactionProvider implements ConnectionProvider {
        @Override
        public Publisher<? extends Connection> acquire(ConnectionFactory factory) {
            return ConnectionProvider.DEFAULT.acquire(factory);
        }

        @Override
        public Publisher<Void> release(Connection connection, ConnectionFactory factory) {
            return ConnectionProvider.DEFAULT.release(connection, factory);
        }

        @Override
        public Mono<ExternalTransaction> currentTransaction(ConnectionFactory factory) {
            return Mono.deferContextual(context -> Mono.justOrEmpty(context.getOrEmpty(OWNER_KEY)));
        }
    }

    /**
     * Runs the work inside a transaction the test owns on a connection of its own, then commits or
     * rolls back; emits what the work emitted.
     */
    private <T> List<T> owned(boolean commit, Supplier<Flux<T>> work) {
        return Mono.usingWhen(Mono.from(counting.create()),
                        connection -> Mono.from(connection.beginTransaction())
                                .then(Mono.defer(() -> work.get()
                                        .contextWrite(context -> context.put(OWNER_KEY, ExternalTransaction.of(connection)))
                                        .collectList()))
                                .flatMap(rows -> Mono.from(commit ? connection.commitTransaction()
                                        : connection.rollbackTransaction()).thenReturn(rows)),
                        Connection::close,
                        (connection, error) -> Mono.from(connection.rollbackTransaction()).then(Mono.from(connection.close())),
                        Connection::close)
                .block(TIMEOUT);
    }

    private long authors() {
        return db.count(Author.class).block(TIMEOUT);
    }

    private Author authorWithBooks(String name, int books) {
        List<Book> list = new ArrayList<>();
        for (int i = 0; i < books; i++) {
            list.add(new Book(name + " book " + i, 1970 + i, null));
        }
        return new Author(null, name, list, null);
    }

    @Test
    void everyKindOfWriteRunsOnTheOwnersConnectionAndRollsBackWithIt() {
        List<Long> seenInside = owned(false, () -> db.insert(Author.named("single"))
                .thenMany(db.insertAll(List.of(Author.named("batch 1"), Author.named("batch 2"))))
                .then(db.insert(authorWithBooks("cascading", 3)))
                .then(Mono.zip(db.count(Author.class), db.count(Book.class), (a, b) -> a * 100 + b))
                .flux());

        assertThat(seenInside).as("4 authors and 3 books, visible inside the transaction").containsExactly(403L);
        assertThat(counting.createdConnections()).as("only the owner's connection").isEqualTo(1);
        assertThat(authors()).isZero();
        assertThat(db.count(Book.class).block(TIMEOUT)).isZero();
    }

    @Test
    void joinedWritesBecomeVisibleWhenTheOwnerCommits() {
        owned(true, () -> db.insert(authorWithBooks("committed", 2)).flux());

        assertThat(authors()).isEqualTo(1);
        assertThat(db.count(Book.class).block(TIMEOUT)).isEqualTo(2);
        awaitTrue("every connection is closed", () -> counting.openConnections() == 0);
    }

    @Test
    void inTransactionInsideRunsInASavepointOfTheOwnersTransaction() {
        owned(true, () -> db.insert(Author.named("kept"))
                .then(db.inTransaction(tx -> {
                            assertThat(tx.isNested()).isTrue();
                            return db.insert(Author.named("discarded")).then(Mono.error(new IllegalStateException("undo")));
                        })
                        .onErrorResume(IllegalStateException.class, e -> Mono.empty())
                        .then())
                .flux());

        assertThat(db.findAll(Author.class).map(Author::name).collectList().block(TIMEOUT)).containsExactly("kept");
        assertThat(counting.createdConnections()).as("the owner's connection, then the check's").isEqualTo(2);
    }

    @Test
    void aFailedStatementDoomsLaterRowflowStatementsOfTheTransaction() {
        List<Object> outcome = owned(false, () -> db.insert(new Book("orphan", 1999, Ref.to(999_999L)))
                .<Object>map(book -> "inserted?!")
                .onErrorResume(ForeignKeyViolationException.class, e -> Mono.just("foreign key violated"))
                .concatWith(db.count(Author.class).<Object>map(count -> "count ran?!")
                        .onErrorResume(TransactionRollbackException.class, e -> Mono.just("count refused"))));

        assertThat(outcome).containsExactly("foreign key violated", "count refused");
    }

    @Test
    void lookupsByIdSeeTheOwnersUncommittedRowsInsteadOfBeingCoalescedElsewhere() {
        List<String> found = owned(false, () -> db.insert(Author.named("uncommitted"))
                .flatMapMany(author -> Flux.merge(db.findById(Author.class, author.id()),
                        db.findAllById(Author.class, List.of(author.id())))
                        .map(Author::name)));

        assertThat(found).containsExactly("uncommitted", "uncommitted");
        assertThat(counting.createdConnections()).as("only the owner's connection").isEqualTo(1);
    }

    @Test
    void concurrentOperationsQueueOnTheOneConnection() {
        List<Author> inserted = owned(true, () -> Flux.range(0, 50)
                .flatMap(i -> db.insert(Author.named("concurrent " + i)), 50));

        assertThat(inserted).hasSize(50);
        assertThat(authors()).isEqualTo(50);
    }

    @Test
    void relationshipsOfTenThousandParentsLoadInWindowsOnTheOwnersConnection() {
        List<Author> stored = db.insertAll(IntStream.range(0, 10_000).mapToObj(i -> Author.named(String.format("a%05d", i)))
                .toList()).collectList().block(TIMEOUT);
        db.insertAll(stored.stream().map(author -> new Book(author.name() + " book", 1980, Ref.to(author.id()))).toList())
                .then().block(TIMEOUT);
        counting.reset();

        List<Author> loaded = owned(true, () -> db.fetch(select(AUTHOR).orderBy(AUTHOR.name.asc()).with(AUTHOR.books)));

        assertThat(loaded).hasSize(10_000);
        assertThat(loaded).allSatisfy(author -> assertThat(author.books()).singleElement()
                .satisfies(book -> assertThat(book.getTitle()).isEqualTo(author.name() + " book")));
        assertThat(counting.createdConnections()).as("only the owner's connection").isEqualTo(1);
        assertThat(counting.statements()).as("40 windows, each with one follow-up query").isBetween(80, 82);
    }

    @Test
    void outsideTheOwnersTransactionEachOperationUsesAConnectionOfItsOwn() {
        db.insert(Author.named("alone")).block(TIMEOUT);
        assertThat(authors()).isEqualTo(1);

        assertThat(counting.createdConnections()).isEqualTo(2);
        awaitTrue("every connection is closed", () -> counting.openConnections() == 0);
    }
}
