package io.rowflow.query.relation;

import static io.rowflow.query.Queries.select;
import static io.rowflow.query.relation.Author_.AUTHOR;
import static io.rowflow.query.relation.Book_.BOOK;
import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.Coalescing;
import io.rowflow.CoalescingStatistics;
import io.rowflow.DataAccessException;
import io.rowflow.Database;
import io.rowflow.Ref;
import io.rowflow.test.Await;
import io.rowflow.test.CountingConnectionFactory;
import io.rowflow.test.FailingOnceConnectionFactory;
import io.rowflow.test.TestDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Relationship loading under concurrency on each database, over 1,000 authors with 10,000 books,
 * 10,000 reviews and 20,000 tag links: the follow-up queries of concurrent requests for the same
 * relationship are coalesced, yet every request gets exactly its own related rows (compared with
 * join queries), failures and cancellations stay with their own requests, mutable entities are
 * never shared between requests, and transactions are never coalesced.
 */
public abstract class RelationCoalescingContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final int AUTHORS = 1_000;
    private static final int BOOKS_PER_AUTHOR = 10;
    private static final int TAGS = 20;

    private ConnectionFactory factory;
    private CountingConnectionFactory counting;
    private ConnectionPool pool;
    private Database db;
    private List<Long> authorIds;
    private Map<Long, List<String>> titlesByAuthor;
    private Map<Long, Set<String>> tagsByBook;
    private Map<Long, Long> authorOfBook;
    private Map<Long, List<Long>> bookIdsByAuthor;

    /** The real database under test, unpooled. */
    protected abstract ConnectionFactory connectionFactory();

    /** Whether concurrent requests reliably overlap on this driver (not on H2's synchronous one). */
    protected boolean requestsOverlap() {
        return true;
    }

    @BeforeEach
    void createLibrary() {
        factory = connectionFactory();
        counting = new CountingConnectionFactory(factory);
        pool = TestDatabases.pooled(counting, 8);
        db = Database.create(pool);
        Class<?>[] tables = {Author.class, Biography.class, Book.class, Review.class, Tag.class};
        db.schema().dropIfExists(tables).then(db.schema().create(tables)).block(TIMEOUT);
        List<Author> authors = db.insertAll(IntStream.range(0, AUTHORS).mapToObj(i -> Author.named("author " + i)).toList())
                .collectList().block(TIMEOUT);
        List<Book> books = new ArrayList<>();
        for (Author author : authors) {
            for (int b = 0; b < BOOKS_PER_AUTHOR; b++) {
                books.add(new Book(author.name() + " book " + b, 1950 + b, Ref.to(author.id())));
            }
        }
        List<Book> stored = db.insertAll(books).collectList().block(TIMEOUT);
        db.insertAll(stored.stream().map(book -> new Review(null, 1 + (int) (book.getId() % 5), Ref.to(book.getId()))).toList())
                .then().block(TIMEOUT);
        db.insertAll(IntStream.range(0, TAGS).mapToObj(i -> Tag.labelled("tag " + i)).toList()).then().block(TIMEOUT);
        db.sql("insert into rel_book_tag (book_id, tag_id) select b.id, t.id from rel_book b join rel_tag t"
                + " on mod(b.id + t.id, 10) = 0").execute().block(TIMEOUT);
        authorIds = authors.stream().map(Author::id).toList();
        readExpectationsWithJoins();
        counting.reset();
    }

    private void readExpectationsWithJoins() {
        titlesByAuthor = new HashMap<>();
        authorOfBook = new HashMap<>();
        bookIdsByAuthor = new HashMap<>();
        db.sql("select a.id as author, b.id as book, b.title from rel_author a join rel_book b on b.author_id = a.id order by b.id")
                .map(row -> List.of(row.get("author", Long.class), row.get("book", Long.class), row.get("title", String.class)))
                .fetch().toIterable().forEach(row -> {
                    titlesByAuthor.computeIfAbsent((Long) row.get(0), k -> new ArrayList<>()).add((String) row.get(2));
                    authorOfBook.put((Long) row.get(1), (Long) row.get(0));
                    bookIdsByAuthor.computeIfAbsent((Long) row.get(0), k -> new ArrayList<>()).add((Long) row.get(1));
                });
        tagsByBook = new HashMap<>();
        db.sql("select l.book_id, t.label from rel_book_tag l join rel_tag t on t.id = l.tag_id")
                .map(row -> Map.entry(row.get("book_id", Long.class), row.get("label", String.class)))
                .fetch().toIterable().forEach(e -> tagsByBook.computeIfAbsent(e.getKey(), k -> new TreeSet<>()).add(e.getValue()));
    }

    @AfterEach
    void closePool() {
        pool.disposeLater().block(TIMEOUT);
    }

    private Long randomAuthor(Random random) {
        return random.nextInt(20) == 0 ? -1L - random.nextInt(100) : authorIds.get(random.nextInt(authorIds.size()));
    }

    private void assertTitlesOf(Long authorId, Author loaded) {
        assertThat(loaded.id()).isEqualTo(authorId);
        assertThat(loaded.books()).extracting(Book::getTitle)
                .as(() -> "books of author " + authorId + ": loaded ids " + loaded.books().stream().map(Book::getId).toList()
                        + ", ids by the join query " + bookIdsByAuthor.get(authorId))
                .containsExactlyElementsOf(titlesByAuthor.get(authorId));
    }

    private void assertBooksOf(Long authorId, Author loaded) {
        assertTitlesOf(authorId, loaded);
        loaded.books().forEach(book -> assertThat(book.getReviews()).singleElement()
                .satisfies(review -> assertThat(review.stars()).isEqualTo(1 + (int) (book.getId() % 5))));
    }

    @Test
    void concurrentRequestsForTheSameRelationshipEachGetTheirOwnRowsFromSharedFollowUps() {
        Random random = new Random(3);
        List<Long> keys = IntStream.range(0, 2_000).mapToObj(i -> randomAuthor(random)).toList();

        List<Optional<Author>> results = Flux.fromIterable(keys)
                .flatMapSequential(id -> db.findById(Author.class, id, AUTHOR.books.then(BOOK.reviews))
                        .map(Optional::of).defaultIfEmpty(Optional.empty()), 256)
                .collectList().block(TIMEOUT);

        for (int i = 0; i < keys.size(); i++) {
            Long key = keys.get(i);
            if (key < 0) {
                assertThat(results.get(i)).isEmpty();
            } else {
                assertBooksOf(key, results.get(i).orElseThrow());
            }
        }
        CoalescingStatistics statistics = db.coalescingStatistics();
        long found = keys.stream().filter(k -> k > 0).count();
        assertThat(statistics.relationLoads().requests()).as("books and reviews per author found").isEqualTo(2 * found);
        int uncoalesced = keys.size() + 2 * (int) found;
        assertThat(counting.statements()).isEqualTo(
                (int) (statistics.lookups().statements() + statistics.relationLoads().statements()));
        if (requestsOverlap()) {
            assertThat(counting.statements()).as("statements for %d uncoalesced", uncoalesced).isLessThan(uncoalesced / 4);
            assertThat(statistics.relationLoads().meanBatchSize()).isGreaterThan(2);
        }
        awaitIdle();
    }

    @Test
    void manyToManyAndManyToOneFollowUpsAreCoalescedCorrectlyToo() {
        List<Long> bookIds = new ArrayList<>(authorOfBook.keySet());
        Collections.shuffle(bookIds, new Random(9));
        List<Long> keys = bookIds.subList(0, 2_000);

        List<Book> books = Flux.fromIterable(keys)
                .flatMapSequential(id -> db.fetchFirst(select(BOOK).where(BOOK.id.eq(id)).with(BOOK.tags, BOOK.author)), 256)
                .collectList().block(TIMEOUT);

        assertThat(books).hasSize(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            Book book = books.get(i);
            assertThat(book.getId()).isEqualTo(keys.get(i));
            assertThat(book.getAuthor().get().id()).isEqualTo(authorOfBook.get(book.getId()));
            Set<String> labels = book.getTags().stream().map(Tag::label).collect(Collectors.toCollection(TreeSet::new));
            assertThat(labels).as("tags of book %d", book.getId()).isEqualTo(tagsByBook.getOrDefault(book.getId(), new TreeSet<>()));
        }
        if (requestsOverlap()) {
            assertThat(counting.statements()).isLessThan(3 * keys.size() / 4);
        }
    }

    @Test
    void requestsForTheSameParentGetSeparateMutableChildren() {
        Long author = authorIds.get(0);
        List<Author> loaded = Flux.range(0, 200).flatMap(i -> db.findById(Author.class, author, AUTHOR.books), 200)
                .collectList().block(TIMEOUT);

        Set<Book> instances = Collections.newSetFromMap(new IdentityHashMap<>());
        loaded.forEach(a -> {
            assertBooksOf(author, db.load(Mono.just(a), AUTHOR.books.then(BOOK.reviews)).blockFirst(TIMEOUT));
            instances.addAll(a.books());
        });
        assertThat(instances).as("no two requests share a mutable book").hasSize(200 * BOOKS_PER_AUTHOR);
    }

    @Test
    void aRequestChangingItsChildrenOnDeliveryLeavesTheOtherRequestsChildrenPristine() {
        Long author = authorIds.get(0);
        List<String> expected = titlesByAuthor.get(author);

        List<List<String>> seen = Flux.range(0, 1_000)
                .flatMap(caller -> db.findById(Author.class, author, AUTHOR.books).map(loaded -> {
                    List<String> titles = loaded.books().stream().map(Book::getTitle).toList();
                    loaded.books().forEach(book -> book.setTitle("unsaved change of caller " + caller));
                    return titles;
                }), 64)
                .collectList().block(TIMEOUT);

        assertThat(seen).hasSize(1_000).allSatisfy(titles -> assertThat(titles).containsExactlyElementsOf(expected));
        if (requestsOverlap()) {
            assertThat(db.coalescingStatistics().relationLoads().statements()).as("follow-ups were gathered").isLessThan(1_000);
        }
    }

    @Test
    void aFailedFollowUpFailsOnlyTheRequestsItServed() {
        FailingOnceConnectionFactory failing = new FailingOnceConnectionFactory(factory,
                sql -> sql.contains("rel_book") && sql.contains("author_id") && (sql.contains("ANY(") || sql.contains(" IN (")));
        ConnectionPool faultyPool = TestDatabases.pooled(failing, 4);
        Database faulty = Database.create(faultyPool);
        try {
            List<Long> keys = authorIds.subList(0, 400);
            List<Object> outcomes = Flux.fromIterable(keys)
                    .flatMapSequential(id -> faulty.findById(Author.class, id, AUTHOR.books.then(BOOK.reviews))
                            .<Object>map(a -> a).onErrorResume(Mono::just), 400)
                    .collectList().block(TIMEOUT);

            assertThat(failing.hasFailed()).isTrue();
            List<Object> errors = outcomes.stream().filter(o -> o instanceof Throwable).toList();
            assertThat(errors).isNotEmpty().hasSizeLessThan(400)
                    .allSatisfy(e -> assertThat(e).isInstanceOf(DataAccessException.class));
            for (int i = 0; i < keys.size(); i++) {
                if (outcomes.get(i) instanceof Author author) {
                    assertBooksOf(keys.get(i), author);
                }
            }
        } finally {
            faultyPool.disposeLater().block(TIMEOUT);
        }
    }

    @Test
    void randomlyCancelledRequestsLeaveTheOthersCorrectAndThePoolIdle() {
        Random random = new Random(13);
        AtomicInteger checked = new AtomicInteger();
        Flux.range(0, 3_000).flatMap(i -> {
            Long key = randomAuthor(random);
            Mono<Author> request = db.findById(Author.class, key, AUTHOR.books.then(BOOK.reviews));
            if (random.nextInt(3) == 0) {
                return request.timeout(Duration.ofNanos(1 + random.nextInt(2_000_000))).onErrorResume(e -> Mono.empty()).then();
            }
            return request.map(Optional::of).defaultIfEmpty(Optional.empty()).doOnNext(result -> {
                if (key > 0) {
                    assertBooksOf(key, result.orElseThrow());
                } else {
                    assertThat(result).isEmpty();
                }
                checked.incrementAndGet();
            }).then();
        }, 256).blockLast(TIMEOUT);

        assertThat(checked.get()).isGreaterThan(1_500);
        awaitIdle();
    }

    @Test
    void bypassedRequestsAndTransactionsSendEveryFollowUpAlone() {
        List<Long> keys = authorIds.subList(0, 200);
        List<Author> bypassed = Flux.fromIterable(keys)
                .flatMap(id -> db.findById(Author.class, id, AUTHOR.books).contextWrite(Coalescing.bypass()), 200)
                .collectList().block(TIMEOUT);
        assertThat(bypassed).hasSize(200).allSatisfy(a -> assertTitlesOf(a.id(), a));
        assertThat(counting.statements()).as("a lookup and a follow-up each").isEqualTo(400);
        assertThat(db.coalescingStatistics().relationLoads().requests()).isZero();

        Long author = keys.get(0);
        List<Author> inTransaction = db.inTransaction(tx -> db.insert(new Book("uncommitted", 2000, Ref.to(author)))
                        .thenMany(Flux.range(0, 20).flatMap(i -> db.findById(Author.class, author, AUTHOR.books))))
                .collectList().block(TIMEOUT);
        assertThat(inTransaction).hasSize(20).allSatisfy(a -> assertThat(a.books()).extracting(Book::getTitle)
                .endsWith("uncommitted").hasSize(BOOKS_PER_AUTHOR + 1));
        assertThat(db.coalescingStatistics().relationLoads().requests()).isZero();
        assertThat(db.coalescingStatistics().lookups().requests()).isZero();
    }

    private void awaitIdle() {
        Await.until("the pool is idle", Duration.ofSeconds(10), () -> pool.getMetrics().orElseThrow().acquiredSize() == 0
                && pool.getMetrics().orElseThrow().pendingAcquireSize() == 0);
    }
}
