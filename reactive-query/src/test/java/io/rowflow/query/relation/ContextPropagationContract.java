package io.rowflow.query.relation;

import static io.rowflow.query.Queries.select;
import static io.rowflow.query.relation.Author_.AUTHOR;
import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.Database;
import io.rowflow.Ref;
import io.rowflow.test.ContextProbe;
import io.rowflow.test.TestDatabases;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * What a caller puts in the Reactor context (a tenant, a trace) is seen where Rowflow acquires the
 * connection and where each statement runs: for plain queries, coalesced lookups, relationship
 * follow-ups and transactions, from {@code BEGIN} on.
 */
public abstract class ContextPropagationContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final ContextProbe probe = new ContextProbe();
    private ConnectionPool pool;
    private Database db;
    private List<Long> authorIds;

    /** The real database under test, unpooled. */
    protected abstract ConnectionFactory connectionFactory();

    /** Whether concurrent lookups reliably overlap on this driver (not on H2's synchronous one). */
    protected boolean lookupsOverlap() {
        return true;
    }

    @BeforeEach
    void createLibrary() {
        pool = TestDatabases.pooled(probe.wrap(connectionFactory()), 8);
        db = Database.builder(pool).connectionProvider(probe.provider()).build();
        Class<?>[] tables = {Author.class, Biography.class, Book.class, Review.class, Tag.class};
        db.schema().dropIfExists(tables).then(db.schema().create(tables)).block(TIMEOUT);
        List<Author> authors = db.insertAll(IntStream.range(0, 500).mapToObj(i -> Author.named("author " + i)).toList())
                .collectList().block(TIMEOUT);
        db.insertAll(authors.stream().map(a -> new Book(a.name() + "'s book", 2000, Ref.to(a.id()))).toList())
                .then().block(TIMEOUT);
        authorIds = authors.stream().map(Author::id).toList();
        probe.reset();
    }

    @AfterEach
    void closePool() {
        pool.disposeLater().block(TIMEOUT);
    }

    @Test
    void aPlainQuerySeesTheCallersContext() {
        List<Author> found = db.fetch(select(AUTHOR).where(AUTHOR.name.startsWith("author 1")))
                .contextWrite(context -> context.put(ContextProbe.KEY, "query")).collectList().block(TIMEOUT);

        assertThat(found).isNotEmpty();
        assertSeenOnly("query");
    }

    @Test
    void coalescedLookupsSeeTheCallersContext() {
        List<Author> found = Flux.fromIterable(authorIds)
                .flatMap(id -> db.findById(Author.class, id), 64)
                .contextWrite(context -> context.put(ContextProbe.KEY, "lookup")).collectList().block(TIMEOUT);

        assertThat(found).hasSize(authorIds.size());
        if (lookupsOverlap()) {
            assertThat(db.coalescingStatistics().lookups().batchedRequests()).as("some lookups were gathered").isPositive();
        }
        assertSeenOnly("lookup");
    }

    @Test
    void relationshipFollowUpsSeeTheCallersContextCoalescedOrNot() {
        List<Author> alone = db.findAll(Author.class, AUTHOR.books)
                .contextWrite(context -> context.put(ContextProbe.KEY, "plan")).collectList().block(TIMEOUT);
        List<Author> together = Flux.fromIterable(authorIds)
                .flatMap(id -> db.findById(Author.class, id, AUTHOR.books), 64)
                .contextWrite(context -> context.put(ContextProbe.KEY, "plan")).collectList().block(TIMEOUT);

        assertThat(alone).hasSize(authorIds.size()).allSatisfy(a -> assertThat(a.books()).hasSize(1));
        assertThat(together).hasSize(authorIds.size()).allSatisfy(a -> assertThat(a.books()).hasSize(1));
        assertThat(probe.seen()).anySatisfy(seen -> assertThat(seen.what()).contains("rel_book"));
        assertSeenOnly("plan");
    }

    @Test
    void aTransactionAcquiresBeginsAndRunsInTheCallersContext() {
        Long written = db.inTransaction(tx -> db.insert(Author.named("in a transaction")))
                .contextWrite(context -> context.put(ContextProbe.KEY, "transaction")).map(Author::id).blockLast(TIMEOUT);

        assertThat(written).isNotNull();
        assertThat(probe.seen()).extracting(ContextProbe.Seen::what).startsWith("acquire", "BEGIN");
        assertSeenOnly("transaction");
    }

    private void assertSeenOnly(String value) {
        assertThat(probe.seen()).isNotEmpty()
                .allSatisfy(seen -> assertThat(seen.value()).as("context at %s", seen.what()).isEqualTo(value));
    }
}
