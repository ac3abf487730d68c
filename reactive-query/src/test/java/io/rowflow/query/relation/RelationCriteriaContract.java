package io.rowflow.query.relation;

import static io.rowflow.query.Queries.select;
import static io.rowflow.query.relation.Author_.AUTHOR;
import static io.rowflow.query.relation.Book_.BOOK;
import static io.rowflow.query.relation.Review_.REVIEW;
import static io.rowflow.query.relation.Tag_.TAG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rowflow.QueryException;
import io.rowflow.Ref;
import io.rowflow.contract.DatabaseTestSupport;
import io.rowflow.query.relation.Book_;
import io.rowflow.sql.Expression;
import io.rowflow.sql.FetchPlan;
import io.rowflow.sql.Predicate;
import io.rowflow.sql.TableRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Fetch plans with criteria on each database: a filter, an order and a per-parent limit on a
 * to-many relationship, at any depth, checked against results computed in Java from hand-written
 * SQL, with one follow-up statement per batch of parents as without criteria.
 */
public abstract class RelationCriteriaContract extends DatabaseTestSupport {

    protected static final Duration TIMEOUT = Duration.ofSeconds(180);
    protected static final int AUTHORS = 1_000;
    protected static final int BOOKS_PER_AUTHOR = 10;
    private static final Comparator<BookRow> LATEST_FIRST =
            Comparator.comparing(BookRow::year).reversed().thenComparing(BookRow::id);

    @Override
    protected Class<?>[] tables() {
        return new Class<?>[]{Author.class, Biography.class, Book.class, Review.class, Tag.class};
    }

    /** A book as hand-written SQL reads it. */
    protected record BookRow(long authorId, long id, String title, int year) {
    }

    /** 1,000 authors with 10 books each, years repeating so that the id breaks ties; reviews if asked. */
    protected void library(int reviewsPerBook) {
        List<Author> authors = db.insertAll(IntStream.range(0, AUTHORS)
                .mapToObj(i -> Author.named(String.format("author %05d", i))).toList()).collectList().block(TIMEOUT);
        List<Book> books = new ArrayList<>();
        for (int a = 0; a < authors.size(); a++) {
            for (int b = 0; b < BOOKS_PER_AUTHOR; b++) {
                books.add(new Book(authors.get(a).name() + " book " + b, 1990 + (a + b * 13) % 8, Ref.to(authors.get(a).id())));
            }
        }
        List<Book> stored = db.insertAll(books).collectList().block(TIMEOUT);
        List<Review> reviews = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            for (int r = 0; r < reviewsPerBook; r++) {
                reviews.add(new Review(null, 1 + (i + 2 * r) % 5, Ref.to(stored.get(i).getId())));
            }
        }
        db.insertAll(reviews).then().block(TIMEOUT);
        counting.reset();
    }

    /** Every book, read with hand-written SQL. */
    protected List<BookRow> books() {
        return db.sql("select * from rel_book")
                .map(row -> new BookRow(row.get("author_id", Long.class), row.get("id", Long.class),
                        row.get("title", String.class), row.get("year", Integer.class)))
                .fetch().collectList().block(TIMEOUT);
    }

    /** For each author id, the titles of at most {@code limit} books matching {@code filter}, latest first. */
    private static Map<Long, List<String>> latest(List<BookRow> books, java.util.function.Predicate<BookRow> filter, int limit) {
        return books.stream().filter(filter).collect(Collectors.groupingBy(BookRow::authorId, Collectors.collectingAndThen(
                Collectors.toList(), rows -> rows.stream().sorted(LATEST_FIRST).limit(limit).map(BookRow::title).toList())));
    }

    private static int batches(int parents) {
        return (parents + 255) / 256;
    }

    @Test
    void topThreeBooksPerAuthorMatchTheIndependentResultInOneStatementPerBatch() {
        library(0);

        List<Author> authors = db.fetch(select(AUTHOR).orderBy(AUTHOR.name.asc())
                        .with(AUTHOR.books.where(BOOK.year.gt(1995)).orderBy(BOOK.year.desc()).limit(3)))
                .collectList().block(TIMEOUT);

        assertThat(counting.statements()).as("1 parent query + 1 follow-up per batch of 256 authors")
                .isEqualTo(1 + batches(AUTHORS));
        Map<Long, List<String>> expected = latest(books(), book -> book.year() > 1995, 3);
        assertThat(authors).hasSize(AUTHORS).allSatisfy(author -> assertThat(author.books()).extracting(Book::getTitle)
                .containsExactlyElementsOf(expected.getOrDefault(author.id(), List.of())));
        assertThat(authors.stream().mapToInt(author -> author.books().size()).sum())
                .as("some authors have fewer than 3 matching books").isLessThan(3 * AUTHORS).isGreaterThan(2 * AUTHORS);
    }

    @Test
    void filterAndOrderWithoutLimitLoadEveryMatchingChildInOrder() {
        library(0);

        List<Author> authors = db.fetch(select(AUTHOR).with(AUTHOR.books.where(BOOK.year.le(1993))
                .orderBy(BOOK.year.desc()))).collectList().block(TIMEOUT);

        Map<Long, List<String>> expected = latest(books(), book -> book.year() <= 1993, Integer.MAX_VALUE);
        assertThat(authors).hasSize(AUTHORS).allSatisfy(author -> assertThat(author.books()).extracting(Book::getTitle)
                .containsExactlyElementsOf(expected.getOrDefault(author.id(), List.of())));
    }

    @Test
    void criteriaApplyAtDepthTwo() {
        library(2);

        List<Author> authors = db.fetch(select(AUTHOR).with(AUTHOR.books.orderBy(BOOK.year.desc()).limit(3)
                .then(BOOK.reviews.where(REVIEW.stars.ge(3)).orderBy(REVIEW.stars.desc())))).collectList().block(TIMEOUT);

        assertThat(counting.statements()).as("1 parent query + per batch: books, then reviews of their top 3")
                .isEqualTo(1 + 2 * batches(AUTHORS));
        Map<Long, List<String>> topThree = latest(books(), book -> true, 3);
        Map<Long, List<Integer>> goodStars = new LinkedHashMap<>();
        db.sql("select book_id, stars, id from rel_review where stars >= 3 order by stars desc, id")
                .map(row -> Map.entry(row.get("book_id", Long.class), row.get("stars", Integer.class)))
                .fetch().toIterable().forEach(e -> goodStars.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        assertThat(authors).hasSize(AUTHORS).allSatisfy(author -> {
            assertThat(author.books()).extracting(Book::getTitle).containsExactlyElementsOf(topThree.get(author.id()));
            assertThat(author.books()).allSatisfy(book -> assertThat(book.getReviews()).extracting(Review::stars)
                    .containsExactlyElementsOf(goodStars.getOrDefault(book.getId(), List.of())));
        });
        assertThat(authors.stream().flatMap(author -> author.books().stream()).mapToInt(book -> book.getReviews().size()).sum())
                .as("reviews loaded").isPositive();
    }

    @Test
    void criteriaApplyToManyToManyPerOwner() {
        library(0);
        db.insertAll(IntStream.range(0, 12).mapToObj(i -> Tag.labelled(String.format("tag %02d", i))).toList())
                .then().block(TIMEOUT);
        db.sql("insert into rel_book_tag (book_id, tag_id) select b.id, t.id from rel_book b, rel_tag t "
                + "where mod(b.id + 3 * t.id, 4) = 0").execute().block(TIMEOUT);
        counting.reset();

        List<Book> books = db.fetch(select(BOOK).where(BOOK.id.le(3_000L))
                        .with(BOOK.tags.where(TAG.label.ne("tag 05")).orderBy(TAG.label.desc()).limit(2)))
                .collectList().block(TIMEOUT);
        int statements = counting.statements();

        Map<Long, List<String>> expected = new LinkedHashMap<>();
        db.sql("select l.book_id, t.label from rel_book_tag l join rel_tag t on t.id = l.tag_id "
                        + "where t.label <> 'tag 05' order by t.label desc")
                .map(row -> Map.entry(row.get("book_id", Long.class), row.get("label", String.class)))
                .fetch().toIterable().forEach(e -> {
                    List<String> labels = expected.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
                    if (labels.size() < 2) {
                        labels.add(e.getValue());
                    }
                });
        assertThat(books).isNotEmpty().allSatisfy(book -> assertThat(book.getTags()).extracting(Tag::label)
                .containsExactlyElementsOf(expected.getOrDefault(book.getId(), List.of())));
        assertThat(books).anySatisfy(book -> assertThat(book.getTags()).hasSize(2));
        assertThat(statements).as("1 parent query + 1 follow-up per batch of 256 books").isEqualTo(1 + batches(books.size()));

        List<Tag> tags = db.fetch(select(TAG).with(TAG.books.where(BOOK.year.eq(1995)).orderBy(BOOK.id.desc()).limit(4)))
                .collectList().block(TIMEOUT);
        Map<Long, List<Long>> newest = new LinkedHashMap<>();
        db.sql("select l.tag_id, b.* from rel_book_tag l join rel_book b on b.id = l.book_id order by b.id desc")
                .map(row -> Map.entry(row.get("tag_id", Long.class), new long[]{row.get("id", Long.class),
                        row.get("year", Integer.class)}))
                .fetch().toIterable().forEach(e -> {
                    if (e.getValue()[1] != 1995) {
                        return;
                    }
                    List<Long> ids = newest.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
                    if (ids.size() < 4) {
                        ids.add(e.getValue()[0]);
                    }
                });
        assertThat(tags).hasSize(12).allSatisfy(tag -> assertThat(tag.books()).extracting(Book::getId)
                .containsExactlyElementsOf(newest.getOrDefault(tag.id(), List.of())));
    }

    @Test
    void criteriaUnderAnotherAliasAndInjectionTextRenderAsBindValues() {
        library(0);
        Book_ other = BOOK.as("other");
        String injection = "x'); DROP TABLE rel_book; --";

        List<Author> authors = db.fetch(select(AUTHOR).where(AUTHOR.name.le("author 00009"))
                .with(AUTHOR.books.where(other.title.eq(injection).or(other.title.like("%book 1")))
                        .orderBy(other.title.desc()).limit(1))).collectList().block(TIMEOUT);

        assertThat(authors).hasSize(10).allSatisfy(author -> assertThat(author.books()).extracting(Book::getTitle)
                .containsExactly(author.name() + " book 1"));
        assertThat(counting.executedSql()).noneMatch(sql -> sql.contains("DROP") || sql.contains("book 1"));
        assertThat(books()).as("rel_book is intact").hasSize(AUTHORS * BOOKS_PER_AUTHOR);
    }

    @Test
    void plansWithCriteriaLoadTheirOwnRowsSideBySide() {
        library(0);

        List<Author> authors = db.fetch(select(AUTHOR).where(AUTHOR.name.le("author 00099"))
                .with(AUTHOR.books.orderBy(BOOK.year.asc()).limit(1))).collectList().block(TIMEOUT);
        List<Author> unfiltered = db.fetch(select(AUTHOR).where(AUTHOR.name.le("author 00099")).with(AUTHOR.books))
                .collectList().block(TIMEOUT);

        Map<Long, BookRow> oldest = books().stream().collect(Collectors.toMap(BookRow::authorId, book -> book,
                (a, b) -> Comparator.comparing(BookRow::year).thenComparing(BookRow::id).compare(a, b) <= 0 ? a : b));
        assertThat(authors).hasSize(100).allSatisfy(author -> assertThat(author.books()).extracting(Book::getId)
                .containsExactly(oldest.get(author.id()).id()));
        assertThat(unfiltered).hasSize(100).allSatisfy(author -> assertThat(author.books()).hasSize(BOOKS_PER_AUTHOR));
    }

    @Test
    void criteriaOnAToOneRelationshipOrAnotherEntityFailBeforeAnySql() {
        TableRef book = new TableRef(Book.class, "book");
        FetchPlan filteredAuthor = FetchPlan.of("author").where(new Predicate.IsNull(
                new Expression.Column(new TableRef(Author.class, "author"), "name"), true));

        assertThatThrownBy(() -> db.fetch(select(BOOK).with(filteredAuthor)).blockLast(TIMEOUT))
                .isInstanceOf(QueryException.class).hasMessageContaining("to-one");
        assertThatThrownBy(() -> AUTHOR.books.limit(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(counting.statements()).isZero();
        assertThat(book.alias()).isEqualTo("book");
    }
}
