package io.rowflow.query.relation;

import static io.rowflow.query.Queries.exists;
import static io.rowflow.query.Queries.select;
import static io.rowflow.query.relation.Author_.AUTHOR;
import static io.rowflow.query.relation.Biography_.BIOGRAPHY;
import static io.rowflow.query.relation.Book_.BOOK;
import static io.rowflow.query.relation.Review_.REVIEW;
import static io.rowflow.query.relation.Tag_.TAG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rowflow.LoadOptions;
import io.rowflow.QueryException;
import io.rowflow.Ref;
import io.rowflow.RelationNotLoadedException;
import io.rowflow.Relations;
import io.rowflow.contract.DatabaseTestSupport;
import io.rowflow.sql.FetchPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * Relationship loading on each database: every kind loads the right related entities for every
 * parent (checked against hand-written join queries), in parent order, with batched follow-up
 * queries whose number is independent of the number of parents.
 */
public abstract class RelationContract extends DatabaseTestSupport {

    protected static final Duration TIMEOUT = Duration.ofSeconds(120);

    @Override
    protected Class<?>[] tables() {
        return new Class<?>[]{Author.class, Biography.class, Book.class, Review.class, Tag.class};
    }

    /** Inserts authors, each with books, each with reviews, through raw SQL-free bulk inserts. */
    protected List<Author> library(int authors, int booksPerAuthor, int reviewsPerBook) {
        List<Author> inserted = db.insertAll(IntStream.range(0, authors).mapToObj(i -> Author.named(String.format("author %05d", i)))
                .toList()).collectList().block(TIMEOUT);
        List<Book> books = new ArrayList<>();
        for (Author author : inserted) {
            for (int b = 0; b < booksPerAuthor; b++) {
                books.add(new Book(author.name() + " book " + b, 1950 + b, Ref.to(author.id())));
            }
        }
        List<Book> storedBooks = db.insertAll(books).collectList().block(TIMEOUT);
        List<Review> reviews = new ArrayList<>();
        for (Book book : storedBooks) {
            for (int r = 0; r < reviewsPerBook; r++) {
                reviews.add(new Review(null, 1 + (r % 5), Ref.to(book.getId())));
            }
        }
        db.insertAll(reviews).then().block(TIMEOUT);
        counting.reset();
        return inserted;
    }

    private Map<String, List<String>> titlesByAuthorFromJoin() {
        Map<String, List<String>> expected = new TreeMap<>();
        db.sql("select a.name, b.title from rel_author a left join rel_book b on b.author_id = a.id order by a.name, b.id")
                .map(row -> Map.entry(row.get("name", String.class), java.util.Optional.ofNullable(row.get("title", String.class))))
                .fetch().toIterable().forEach(e -> {
                    List<String> titles = expected.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
                    e.getValue().ifPresent(titles::add);
                });
        return expected;
    }

    @Test
    void oneToManyLoadsEveryParentsChildrenAndEmptyCollectionsForChildless() {
        library(40, 3, 0);
        db.insert(Author.named("zz childless")).block(TIMEOUT);

        List<Author> authors = db.fetch(select(AUTHOR).orderBy(AUTHOR.name.desc()).with(AUTHOR.books)).collectList()
                .block(TIMEOUT);

        assertThat(authors).extracting(Author::name).first().isEqualTo("zz childless");
        assertThat(authors).extracting(Author::name).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        Map<String, List<String>> loaded = new TreeMap<>();
        authors.forEach(a -> loaded.put(a.name(), a.books().stream().map(Book::getTitle).toList()));
        assertThat(loaded).isEqualTo(titlesByAuthorFromJoin());
        assertThat(authors.get(0).books()).isEmpty();
        assertThat(Relations.isLoaded(authors.get(0).books())).isTrue();
    }

    @Test
    void manyToOneLoadsTheReferencedEntity() {
        library(5, 4, 0);
        List<Book> books = db.fetch(select(BOOK).with(BOOK.author).orderBy(BOOK.id.asc())).collectList().block(TIMEOUT);
        assertThat(counting.statements()).as("one parent query, one follow-up").isEqualTo(2);

        Map<Long, String> authorOfBook = new HashMap<>();
        db.sql("select b.id, a.name from rel_book b join rel_author a on a.id = b.author_id")
                .map(row -> Map.entry(row.get("id", Long.class), row.get("name", String.class)))
                .fetch().toIterable().forEach(e -> authorOfBook.put(e.getKey(), e.getValue()));
        assertThat(books).hasSize(20).allSatisfy(book -> {
            assertThat(book.getAuthor().isLoaded()).isTrue();
            assertThat(book.getAuthor().get().name()).isEqualTo(authorOfBook.get(book.getId()));
            assertThat(book.getAuthor().id()).isEqualTo(book.getAuthor().get().id());
        });
    }

    @Test
    void manyToManyLoadsFromBothSidesThroughTheLinkTable() {
        List<Author> authors = library(2, 3, 0);
        List<Tag> tags = db.insertAll(List.of(Tag.labelled("classic"), Tag.labelled("sf"), Tag.labelled("unused")))
                .collectList().block(TIMEOUT);
        List<Book> books = db.findAll(Book.class).sort(java.util.Comparator.comparing(Book::getId)).collectList().block(TIMEOUT);
        link(books.get(0), tags.get(0));
        link(books.get(0), tags.get(1));
        link(books.get(1), tags.get(1));
        link(books.get(4), tags.get(0));
        counting.reset();

        Map<String, Set<String>> tagsOfBook = db.fetch(select(BOOK).with(BOOK.tags)).collectList().block(TIMEOUT).stream()
                .collect(Collectors.toMap(Book::getTitle, b -> b.getTags().stream().map(Tag::label).collect(Collectors.toSet())));
        assertThat(tagsOfBook).containsEntry(books.get(0).getTitle(), Set.of("classic", "sf"))
                .containsEntry(books.get(1).getTitle(), Set.of("sf"))
                .containsEntry(books.get(4).getTitle(), Set.of("classic"))
                .containsEntry(books.get(2).getTitle(), Set.of());

        Map<String, List<Long>> booksOfTag = db.fetch(select(TAG).with(TAG.books)).collectList().block(TIMEOUT).stream()
                .collect(Collectors.toMap(Tag::label, t -> t.books().stream().map(Book::getId).toList()));
        assertThat(booksOfTag).containsEntry("classic", List.of(books.get(0).getId(), books.get(4).getId()))
                .containsEntry("sf", List.of(books.get(0).getId(), books.get(1).getId()))
                .containsEntry("unused", List.of());
        assertThat(counting.statements()).as("two parent queries, two link queries").isEqualTo(4);
        assertThat(authors).hasSize(2);
    }

    private void link(Book book, Tag tag) {
        db.sql("insert into rel_book_tag (book_id, tag_id) values (:book, :tag)")
                .bind("book", book.getId()).bind("tag", tag.id()).execute().block(TIMEOUT);
    }

    @Test
    void oneToOneLoadsFromTheOwningAndTheInverseSide() {
        List<Author> authors = library(3, 0, 0);
        db.insert(new Biography(null, "Life of author 1", Ref.to(authors.get(1).id()))).block(TIMEOUT);

        List<Biography> biographies = db.fetch(select(BIOGRAPHY).with(BIOGRAPHY.author)).collectList().block(TIMEOUT);
        assertThat(biographies).singleElement().satisfies(b -> assertThat(b.author().get().name()).isEqualTo("author 00001"));

        List<Author> withBiographies = db.fetch(select(AUTHOR).orderBy(AUTHOR.name.asc()).with(AUTHOR.biography))
                .collectList().block(TIMEOUT);
        assertThat(withBiographies.get(0).biography()).isNull();
        assertThat(withBiographies.get(1).biography().get().text()).isEqualTo("Life of author 1");
        assertThat(withBiographies.get(2).biography()).isNull();
    }

    @Test
    void nestedThreeLevelsLoadAuthorsBooksAndReviews() {
        library(30, 4, 3);
        List<Author> authors = db.fetch(select(AUTHOR).orderBy(AUTHOR.name.asc()).with(AUTHOR.books.then(BOOK.reviews)))
                .collectList().block(TIMEOUT);
        assertThat(counting.statements()).as("one query per level").isEqualTo(3);

        Map<String, Long> reviewsPerAuthor = new TreeMap<>();
        db.sql("select a.name, count(r.id) as n from rel_author a join rel_book b on b.author_id = a.id "
                        + "join rel_review r on r.book_id = b.id group by a.name")
                .map(row -> Map.entry(row.get("name", String.class), row.get("n", Long.class)))
                .fetch().toIterable().forEach(e -> reviewsPerAuthor.put(e.getKey(), e.getValue()));
        assertThat(authors).hasSize(30).allSatisfy(author -> {
            assertThat(author.books()).hasSize(4);
            assertThat(author.books()).allSatisfy(book -> {
                assertThat(book.getReviews()).hasSize(3).allSatisfy(r -> assertThat(r.book().id()).isEqualTo(book.getId()));
                assertThat(Relations.isLoaded(book.getTags())).isFalse();
            });
            assertThat((long) author.books().stream().mapToInt(b -> b.getReviews().size()).sum())
                    .isEqualTo(reviewsPerAuthor.get(author.name()));
        });
    }

    @Test
    void statementCountIsIndependentOfTheNumberOfParents() {
        library(1_000, 10, 3);

        List<Author> authors = db.fetch(select(AUTHOR).with(AUTHOR.books.then(BOOK.reviews))).collectList().block(TIMEOUT);

        assertThat(authors).hasSize(1_000);
        assertThat(authors.stream().mapToLong(a -> a.books().stream().mapToLong(b -> b.getReviews().size()).sum()).sum())
                .isEqualTo(30_000L);
        int perBatch = 1 + chunks(2_560);
        assertThat(counting.statements()).as("1 parent query + 4 batches x (books, reviews of 2,560 or 2,320 books)")
                .isEqualTo(1 + 4 * perBatch);
    }

    @Test
    void aNestedLevelCostsOneStatementPerChunkOfItsBatchsChildKeys() {
        library(300, 50, 1);

        List<Author> authors = db.fetch(select(AUTHOR).with(AUTHOR.books.then(BOOK.reviews))).collectList().block(TIMEOUT);

        assertThat(authors).hasSize(300).allSatisfy(author -> assertThat(author.books()).hasSize(50)
                .allSatisfy(book -> assertThat(book.getReviews()).hasSize(1)));
        int firstBatch = 1 + chunks(256 * 50);
        int secondBatch = 1 + chunks(44 * 50);
        assertThat(counting.statements()).as("1 parent query + per batch: books, reviews in chunks of %d keys",
                keysPerStatement()).isEqualTo(1 + firstBatch + secondBatch);
    }

    /** The most keys one follow-up statement binds on this database (docs/relationships.md). */
    protected int keysPerStatement() {
        return db.dialect().supports(io.rowflow.dialect.Feature.ARRAY_PARAMETERS) ? db.dialect().arrayChunkSize()
                : db.dialect().inListChunkSize();
    }

    /** The follow-up statements a level with this many distinct keys costs for one batch of parents. */
    protected int chunks(int keys) {
        int size = keysPerStatement();
        return (keys + size - 1) / size;
    }

    @Test
    void findAllAndLoadBatchTwoHundredFiftySixParentsByDefault() {
        library(1_000, 1, 0);

        assertThat(db.findAll(Author.class, AUTHOR.books).collectList().block(TIMEOUT))
                .hasSize(1_000).allSatisfy(author -> assertThat(author.books()).hasSize(1));
        assertThat(counting.statements()).as("1 parent query + 4 batches").isEqualTo(5);

        counting.reset();
        assertThat(db.load(db.findAll(Author.class), AUTHOR.books).collectList().block(TIMEOUT)).hasSize(1_000);
        assertThat(counting.statements()).as("1 parent query + 4 batches").isEqualTo(5);
    }

    @Test
    void theDatabasesRelationBatchSizeAppliesWhereTheCallSetsNone() {
        library(1_000, 1, 0);
        io.rowflow.Database batched = configure(io.rowflow.Database.builder(counting)).relationBatchSize(1_000).build();

        assertThat(batched.findAll(Author.class, AUTHOR.books).collectList().block(TIMEOUT))
                .hasSize(1_000).allSatisfy(author -> assertThat(author.books()).hasSize(1));
        assertThat(counting.statements()).as("findAll: 1 parent query + 1 batch").isEqualTo(2);

        counting.reset();
        assertThat(batched.load(batched.findAll(Author.class), AUTHOR.books).collectList().block(TIMEOUT)).hasSize(1_000);
        assertThat(counting.statements()).as("load: 1 parent query + 1 batch").isEqualTo(2);

        counting.reset();
        assertThat(batched.fetch(select(AUTHOR).with(AUTHOR.books)).collectList().block(TIMEOUT)).hasSize(1_000);
        assertThat(counting.statements()).as("query: 1 parent query + 1 batch").isEqualTo(2);

        counting.reset();
        assertThat(batched.fetch(select(AUTHOR).with(AUTHOR.books).batchSize(100)).collectList().block(TIMEOUT))
                .hasSize(1_000);
        assertThat(counting.statements()).as("the query's own batch size wins: 1 + 10").isEqualTo(11);
    }

    @Test
    void loadOptionsSetTheBatchSizeOfOneCall() {
        library(1_000, 1, 0);

        assertThat(db.findAll(Author.class, LoadOptions.batchesOf(1_000), AUTHOR.books).collectList().block(TIMEOUT))
                .hasSize(1_000).allSatisfy(author -> assertThat(author.books()).hasSize(1));
        assertThat(counting.statements()).as("findAll: 1 parent query + 1 batch").isEqualTo(2);

        counting.reset();
        assertThat(db.load(db.findAll(Author.class), LoadOptions.batchesOf(500), AUTHOR.books).collectList()
                .block(TIMEOUT)).hasSize(1_000);
        assertThat(counting.statements()).as("load: 1 parent query + 2 batches").isEqualTo(3);

        counting.reset();
        io.rowflow.Database batched = configure(io.rowflow.Database.builder(counting)).relationBatchSize(1_000).build();
        assertThat(batched.findAll(Author.class, LoadOptions.batchesOf(250), AUTHOR.books).collectList().block(TIMEOUT))
                .hasSize(1_000);
        assertThat(counting.statements()).as("the call's options win over the database's: 1 + 4").isEqualTo(5);
    }

    @Test
    void unloadedRelationshipsAreDistinguishableFromEmptyOnes() {
        library(1, 2, 0);
        Author author = db.fetchFirst(select(AUTHOR)).block(TIMEOUT);
        Book book = db.fetchFirst(select(BOOK)).block(TIMEOUT);

        assertThat(Relations.isLoaded(author.books())).isFalse();
        assertThatThrownBy(() -> author.books().size()).isInstanceOf(RelationNotLoadedException.class)
                .hasMessageContaining("books");
        assertThat(author.toString()).contains("not loaded");
        assertThat(book.getAuthor().isLoaded()).isFalse();
        assertThat(book.getAuthor().id()).isEqualTo(author.id());
        assertThatThrownBy(() -> book.getAuthor().get()).isInstanceOf(RelationNotLoadedException.class);
        assertThat(author.biography().isLoaded()).isFalse();
    }

    @Test
    void findByIdFindAllAndLoadAttachRelationships() {
        List<Author> authors = library(3, 2, 1);
        Author one = db.findById(Author.class, authors.get(1).id(), AUTHOR.books.then(BOOK.reviews)).block(TIMEOUT);
        assertThat(one.books()).hasSize(2).allSatisfy(b -> assertThat(b.getReviews()).hasSize(1));

        assertThat(db.findAll(Author.class, FetchPlan.of("books")).collectList().block(TIMEOUT))
                .allSatisfy(a -> assertThat(a.books()).hasSize(2));

        List<Book> loaded = db.load(db.sql("select * from rel_book order by id desc").mapTo(Book.class).fetch(), BOOK.author)
                .collectList().block(TIMEOUT);
        assertThat(loaded).hasSize(6).allSatisfy(b -> assertThat(b.getAuthor().get().id()).isEqualTo(b.getAuthor().id()));
        assertThat(loaded).extracting(Book::getId).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void unknownRelationshipFailsBeforeAnySqlIsSent() {
        StepVerifier.create(db.fetch(select(AUTHOR).with(FetchPlan.of("novels"))))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(QueryException.class).hasMessageContaining("novels"))
                .verify(TIMEOUT);
        StepVerifier.create(db.fetch(select(AUTHOR).with(AUTHOR.books.then(FetchPlan.of("chapters")))))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(QueryException.class).hasMessageContaining("chapters"))
                .verify(TIMEOUT);
        assertThat(counting.statements()).isZero();
    }

    @Test
    void filteringParentsByTheirChildrenDoesNotDuplicateParents() {
        library(4, 3, 0);
        db.sql("update rel_book set " + db.dialect().quote("year") + " = 2005 where title like '%00001 book%' "
                        + "or title like '%00003 book 2'").execute()
                .block(TIMEOUT);

        List<String> recent = db.fetch(select(AUTHOR.name)
                        .where(exists(select(BOOK).where(BOOK.author.eq(AUTHOR).and(BOOK.year.gt(2000)))))
                        .orderBy(AUTHOR.name.asc()))
                .collectList().block(TIMEOUT);
        assertThat(recent).containsExactly("author 00001", "author 00003");
    }

    @Test
    void takingTenOfManyParentsCostsOneParentQueryAndOneBatch() {
        db.insertAll(Flux.range(0, 100_000).map(i -> Author.named("many " + i))).then().block(TIMEOUT);
        counting.reset();

        List<Author> first = db.fetch(select(AUTHOR).with(AUTHOR.books)).take(10).collectList().block(TIMEOUT);

        assertThat(first).hasSize(10).allSatisfy(a -> assertThat(a.books()).isEmpty());
        awaitTrue("the connections are released", () -> counting.openConnections() == 0);
        assertThat(counting.statements()).isLessThanOrEqualTo(2);
    }

    @Test
    void insideATransactionFollowUpQueriesSeeUncommittedRows() {
        List<Author> authors = library(2, 0, 0);
        List<Author> seen = db.inTransaction(tx -> db.insert(new Book("fresh", 2024, Ref.to(authors.get(0).id())))
                        .thenMany(db.fetch(select(AUTHOR).orderBy(AUTHOR.name.asc()).with(AUTHOR.books))))
                .collectList().block(TIMEOUT);

        assertThat(seen.get(0).books()).extracting(Book::getTitle).containsExactly("fresh");
        assertThat(seen.get(1).books()).isEmpty();
    }

    @Test
    void streamingManyParentsWithChildrenInsideOneTransactionOnAPoolOfOneCompletes() {
        db.insertAll(Flux.range(0, 100_000).map(i -> Author.named("tx " + i))).then().block(TIMEOUT);
        Author first = db.fetchFirst(select(AUTHOR).orderBy(AUTHOR.id.asc())).block(TIMEOUT);
        db.insert(new Book("only book", 2000, Ref.to(first.id()))).block(TIMEOUT);
        io.r2dbc.pool.ConnectionPool pool = io.rowflow.test.TestDatabases.pooled(counting, 1);
        io.rowflow.Database pooled = io.rowflow.Database.create(pool);
        counting.reset();
        try {
            java.util.concurrent.atomic.AtomicLong books = new java.util.concurrent.atomic.AtomicLong();
            Long total = pooled.inTransaction(tx -> pooled.fetch(select(AUTHOR).with(AUTHOR.books))
                            .doOnNext(a -> books.addAndGet(a.books().size())).count())
                    .blockLast(TIMEOUT);

            assertThat(total).isEqualTo(100_000L);
            assertThat(books.get()).isEqualTo(1L);
            int windows = (100_000 + 255) / 256;
            // A window and a follow-up per batch (plus DECLARE and CLOSE where windows come from a cursor).
            assertThat(counting.statements()).as("one window and one follow-up per batch, never everything at once")
                    .isBetween(2 * windows - 1, 2 * windows + 2);
            assertThat(counting.createdConnections()).isEqualTo(1);
        } finally {
            pool.disposeLater().block(TIMEOUT);
        }
    }

    // ---- a lone parent's follow-ups ----

    /** A database over the same counting factory with coalescing off: nothing is gathered across requests. */
    private io.rowflow.Database uncoalesced() {
        return io.rowflow.Database.builder(counting).coalescing(io.rowflow.Coalescing.disabled()).build();
    }

    @Test
    void aLoneParentAndItsFollowUpsShareOneConnectionWhenNotCoalesced() {
        List<Author> authors = library(3, 4, 2);
        io.rowflow.Database uncoalesced = uncoalesced();
        Author wanted = authors.get(1);
        counting.reset();

        Author found = uncoalesced.findById(Author.class, wanted.id(), AUTHOR.books.then(BOOK.reviews)).block(TIMEOUT);

        assertThat(found.books()).extracting(Book::getTitle).containsExactlyInAnyOrder(
                wanted.name() + " book 0", wanted.name() + " book 1", wanted.name() + " book 2", wanted.name() + " book 3");
        assertThat(found.books()).allSatisfy(book -> assertThat(book.getReviews()).hasSize(2));
        assertThat(counting.statements()).as("the author, its books, their reviews").isEqualTo(3);
        assertThat(counting.createdConnections()).as("all three on the author's connection").isEqualTo(1);
        awaitTrue("the connection is released", () -> counting.openConnections() == 0);
    }

    @Test
    void aPageOfParentsWithinOneBatchLoadsOnItsConnectionAndManyParentsStillStream() {
        library(30, 2, 0);
        io.rowflow.Database uncoalesced = uncoalesced();
        counting.reset();

        List<Author> page = uncoalesced.fetch(select(AUTHOR).orderBy(AUTHOR.name.asc()).limit(5).with(AUTHOR.books))
                .collectList().block(TIMEOUT);

        assertThat(page).extracting(Author::name).containsExactly("author 00000", "author 00001", "author 00002",
                "author 00003", "author 00004");
        assertThat(page).allSatisfy(author -> assertThat(author.books()).hasSize(2));
        assertThat(counting.createdConnections()).isEqualTo(1);

        counting.reset();
        List<Author> all = uncoalesced.fetch(select(AUTHOR).orderBy(AUTHOR.name.asc()).with(AUTHOR.books).batchSize(8))
                .collectList().block(TIMEOUT);
        assertThat(all).hasSize(30).allSatisfy(author -> assertThat(author.books()).hasSize(2));
        assertThat(counting.statements()).as("the parents, then one follow-up per batch of 8").isEqualTo(1 + 4);
        assertThat(counting.createdConnections()).as("unlimited parents stream on their own connection").isEqualTo(1 + 4);
    }

    @Test
    void cancellingALoneParentsLoadReleasesItsConnection() {
        List<Author> authors = library(2, 3, 5);
        io.rowflow.Database uncoalesced = uncoalesced();
        for (int i = 0; i < 20; i++) {
            counting.reset();
            StepVerifier.create(uncoalesced.findById(Author.class, authors.get(i % 2).id(), AUTHOR.books.then(BOOK.reviews)))
                    .thenCancel()
                    .verify(TIMEOUT);
            awaitTrue("no connection left open after cancel", () -> counting.openConnections() == 0);
        }
    }

    @Test
    void aLoneParentsFollowUpFailureReleasesItsConnection() {
        List<Author> authors = library(1, 2, 0);
        io.rowflow.Database uncoalesced = uncoalesced();
        db.sql("drop table rel_review").execute().block(TIMEOUT);
        counting.reset();

        StepVerifier.create(uncoalesced.findById(Author.class, authors.get(0).id(), AUTHOR.books.then(BOOK.reviews)))
                .expectError(io.rowflow.DataAccessException.class)
                .verify(TIMEOUT);
        awaitTrue("the connection is released after the error", () -> counting.openConnections() == 0);
    }

    // ---- writing aggregates ----

    private long count(String table) {
        return db.sql("select count(*) from " + table).mapTo(Long.class).fetchOne().block(TIMEOUT);
    }

    private Book bookWithReviews(String title, int... stars) {
        Book book = new Book(title, 2001, null);
        List<Review> reviews = new ArrayList<>();
        for (int star : stars) {
            reviews.add(new Review(null, star, null));
        }
        book.setReviews(reviews);
        return book;
    }

    @Test
    void cascadeInsertWritesTheWholeAggregateWithGeneratedIds() {
        Author author = Author.named("Cascade").withBooks(List.of(bookWithReviews("First", 5, 4), bookWithReviews("Second")));

        Author saved = db.insert(author).block(TIMEOUT);

        assertThat(saved.id()).isNotNull();
        assertThat(saved.books()).extracting(Book::getTitle).containsExactly("First", "Second");
        assertThat(saved.books()).allSatisfy(b -> {
            assertThat(b.getId()).isNotNull();
            assertThat(b.getAuthor().id()).isEqualTo(saved.id());
        });
        assertThat(saved.books().get(0).getReviews()).hasSize(2)
                .allSatisfy(r -> assertThat(r.book().id()).isEqualTo(saved.books().get(0).getId()));
        Author reloaded = db.findById(Author.class, saved.id(), AUTHOR.books.then(BOOK.reviews)).block(TIMEOUT);
        assertThat(reloaded.books()).extracting(Book::getTitle).containsExactly("First", "Second");
        assertThat(reloaded.books().get(0).getReviews()).extracting(Review::stars).containsExactly(5, 4);
    }

    @Test
    void insertAllCascadesToo() {
        List<Author> saved = db.insertAll(List.of(
                Author.named("Plain"),
                Author.named("With books").withBooks(List.of(bookWithReviews("One", 5), bookWithReviews("Two"))),
                Author.named("Also plain"))).collectList().block(TIMEOUT);

        assertThat(saved).extracting(Author::name).containsExactly("Plain", "With books", "Also plain");
        assertThat(saved.get(1).books()).allSatisfy(b -> assertThat(b.getAuthor().id()).isEqualTo(saved.get(1).id()));
        assertThat(count("rel_book")).isEqualTo(2L);
        assertThat(count("rel_review")).isEqualTo(1L);
    }

    @Test
    void failedCascadeInsertLeavesNothingHalfWritten() {
        library(1, 1, 0);
        Long takenId = db.fetchFirst(select(BOOK)).block(TIMEOUT).getId();
        Book clash = bookWithReviews("Clash", 3);
        Author author = Author.named("Half").withBooks(List.of(bookWithReviews("Fine", 1), withId(clash, takenId)));

        StepVerifier.create(db.insert(author)).expectError(io.rowflow.DuplicateKeyException.class).verify(TIMEOUT);

        assertThat(db.count(select(AUTHOR).where(AUTHOR.name.eq("Half"))).block(TIMEOUT)).isZero();
        assertThat(count("rel_book")).isEqualTo(1L);
        assertThat(count("rel_review")).isZero();
    }

    private static Book withId(Book book, Long id) {
        try {
            java.lang.reflect.Field field = Book.class.getDeclaredField("id");
            field.setAccessible(true);
            field.set(book, id);
            return book;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void cascadeUpdateInsertsUpdatesAndRemovesChildren() {
        Author saved = db.insert(Author.named("Editor").withBooks(List.of(bookWithReviews("Keep", 1),
                bookWithReviews("Rename", 2), bookWithReviews("Drop", 3, 3)))).block(TIMEOUT);
        Author loaded = db.findById(Author.class, saved.id(), AUTHOR.books).block(TIMEOUT);
        List<Book> books = new ArrayList<>(loaded.books());
        books.removeIf(b -> b.getTitle().equals("Drop"));
        books.stream().filter(b -> b.getTitle().equals("Rename")).forEach(b -> b.setTitle("Renamed"));
        books.add(new Book("Added", 2020, null));

        Author updated = db.update(loaded.withBooks(books)).block(TIMEOUT);

        assertThat(updated.books()).extracting(Book::getTitle).containsExactly("Keep", "Renamed", "Added");
        Author reloaded = db.findById(Author.class, saved.id(), AUTHOR.books.then(BOOK.reviews)).block(TIMEOUT);
        assertThat(reloaded.books()).extracting(Book::getTitle).containsExactly("Keep", "Renamed", "Added");
        assertThat(count("rel_review")).as("the dropped book's reviews went with it").isEqualTo(2L);
    }

    @Test
    void manyToManyLinkRowsFollowTheCollection() {
        Tag kept = db.insert(Tag.labelled("kept")).block(TIMEOUT);
        Book book = new Book("Linked", 1999, null);
        book.setTags(new java.util.LinkedHashSet<>(List.of(kept, Tag.labelled("new-on-insert"))));
        Book saved = db.insert(book).block(TIMEOUT);
        assertThat(count("rel_book_tag")).isEqualTo(2L);
        assertThat(count("rel_tag")).isEqualTo(2L);

        Book loaded = db.findById(Book.class, saved.getId(), BOOK.tags).block(TIMEOUT);
        Set<Tag> tags = new java.util.LinkedHashSet<>();
        loaded.getTags().stream().filter(t -> t.label().equals("kept")).forEach(tags::add);
        tags.add(Tag.labelled("new-on-update"));
        loaded.setTags(tags);
        db.update(loaded).block(TIMEOUT);

        Book reloaded = db.findById(Book.class, saved.getId(), BOOK.tags).block(TIMEOUT);
        assertThat(reloaded.getTags()).extracting(Tag::label).containsExactlyInAnyOrder("kept", "new-on-update");
        assertThat(count("rel_tag")).as("unlinked tags stay").isEqualTo(3L);

        assertThat(db.delete(reloaded).block(TIMEOUT)).isTrue();
        assertThat(count("rel_book_tag")).isZero();
        assertThat(count("rel_tag")).isEqualTo(3L);
    }

    @Test
    void cascadeDeleteRemovesChildrenFirst() {
        Author saved = db.insert(Author.named("Gone").withBooks(List.of(bookWithReviews("A", 1, 2), bookWithReviews("B", 3))))
                .block(TIMEOUT);
        Author survivor = db.insert(Author.named("Stays").withBooks(List.of(bookWithReviews("C", 4)))).block(TIMEOUT);

        assertThat(db.delete(saved).block(TIMEOUT)).isTrue();

        assertThat(db.fetch(select(BOOK.title).orderBy(BOOK.title.asc())).collectList().block(TIMEOUT)).containsExactly("C");
        assertThat(count("rel_review")).isEqualTo(1L);
        assertThat(db.existsById(Author.class, survivor.id()).block(TIMEOUT)).isTrue();
    }

    @Test
    void withoutCascadeRelationshipsAreLeftAlone() {
        Book unsaved = new Book("Not cascaded", 2000, null);
        Tag tag = db.insert(new Tag(null, "inverse", List.of(unsaved))).block(TIMEOUT);

        assertThat(tag.id()).isNotNull();
        assertThat(count("rel_book")).isZero();
        assertThat(count("rel_book_tag")).isZero();
    }
}
