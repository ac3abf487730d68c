package io.rowflow.examples.docs;

import static io.rowflow.examples.Author_.AUTHOR;
import static io.rowflow.examples.Book_.BOOK;
import static io.rowflow.query.Queries.avg;
import static io.rowflow.query.Queries.count;
import static io.rowflow.query.Queries.delete;
import static io.rowflow.query.Queries.exists;
import static io.rowflow.query.Queries.notExists;
import static io.rowflow.query.Queries.select;
import static io.rowflow.query.Queries.selectTuple;
import static io.rowflow.query.Queries.update;

import io.rowflow.Database;
import io.rowflow.examples.Author;
import io.rowflow.examples.Book;
import io.rowflow.examples.Book_;
import io.rowflow.query.EntityPath;
import io.rowflow.query.Paths;
import io.rowflow.query.SelectQuery;
import io.rowflow.query.Tuple;
import io.rowflow.sql.Expression;
import io.rowflow.sql.OrderItem;
import io.rowflow.sql.Predicate;
import io.rowflow.sql.Projection;
import io.rowflow.sql.QueryOptions;
import io.rowflow.sql.SelectStatement;
import io.rowflow.sql.TableRef;
import java.math.BigDecimal;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The code samples of {@code docs/queries.md}. Each method holds one sample; the docs test checks
 * that the guide shows exactly this code, and {@code QuerySnippetsTest} runs it on a database.
 */
public final class QuerySnippets {

    private QuerySnippets() {
    }

    /** A record to project rows into. */
    public record AuthorStats(String name, Long books) {
    }

    /** A record of two values. */
    public record TitleAndPrice(String title, BigDecimal price) {
    }

    public static Flux<Book> filterSortPage(Database db) {
        SelectQuery<Book> cheapClassics = select(BOOK)
                .where(BOOK.title.startsWith("The").and(BOOK.price.lt(new BigDecimal("20"))))
                .orderBy(BOOK.price.desc(), BOOK.id.asc())
                .limit(10)
                .offset(0);
        return db.fetch(cheapClassics);
    }

    public static Flux<Book> predicates(Database db, List<Long> authorIds) {
        return db.fetch(select(BOOK).where(
                BOOK.authorId.in(authorIds)
                        .and(BOOK.price.between(new BigDecimal("5"), new BigDecimal("50")))
                        .and(BOOK.firstEdition.publisher.isNotNull())
                        .and(BOOK.title.contains("50%_off").not())
                        .or(BOOK.title.lower().eq("dune"))));
    }

    public static Flux<String> caseInsensitiveSearch(Database db, String searchText) {
        return db.fetch(select(BOOK.title)
                .where(BOOK.title.containsIgnoreCase(searchText))    // ILIKE on PostgreSQL, LOWER(...) LIKE LOWER(...) elsewhere
                .orderBy(BOOK.title.asc()));
    }

    public static Flux<TitleAndPrice> projectIntoRecord(Database db) {
        return db.fetch(select(TitleAndPrice.class, BOOK.title, BOOK.price)
                .where(BOOK.price.isNotNull())
                .orderBy(BOOK.title.asc()));
    }

    public static Mono<String> tuplesAndSingleValues(Database db) {
        Mono<Tuple> cheapest = db.fetchFirst(selectTuple(BOOK.title, BOOK.price).orderBy(BOOK.price.asc().nullsLast()));
        Flux<String> names = db.fetch(select(AUTHOR.name).orderBy(AUTHOR.name.asc()));
        return cheapest.map(row -> row.get(BOOK.title) + " costs " + row.get(BOOK.price))
                .zipWith(names.count(), (line, authors) -> line + " (" + authors + " authors)");
    }

    public static Flux<AuthorStats> joinGroupHaving(Database db) {
        return db.fetch(select(AuthorStats.class, AUTHOR.name, count(BOOK.id))
                .from(AUTHOR)
                .leftJoin(BOOK).on(BOOK.authorId.eq(AUTHOR.id))
                .groupBy(AUTHOR.name)
                .having(count(BOOK.id).ge(0L))
                .orderBy(AUTHOR.name.asc()));
    }

    public static Flux<String> subqueries(Database db) {
        Book_ other = BOOK.as("other");
        Flux<String> withBooks = db.fetch(select(AUTHOR.name)
                .where(exists(select(BOOK).where(BOOK.authorId.eq(AUTHOR.id)))));
        Flux<String> withoutBooks = db.fetch(select(AUTHOR.name)
                .where(notExists(select(BOOK).where(BOOK.authorId.eq(AUTHOR.id)))));
        Flux<String> aboveAverage = db.fetch(select(BOOK.title)
                .where(BOOK.price.gt(select(avg(other.price).readAs(BigDecimal.class)).from(other))));
        return Flux.concat(withBooks, withoutBooks, aboveAverage);
    }

    public static Flux<Book> keysetPaging(Database db, Book lastOfPreviousPage) {
        return db.fetch(select(BOOK)
                .orderBy(BOOK.title.asc(), BOOK.id.asc())
                .seekAfter(lastOfPreviousPage.getTitle(), lastOfPreviousPage.getId())
                .limit(100));
    }

    public static Mono<String> countAndExists(Database db) {
        Mono<Long> expensive = db.count(select(BOOK).where(BOOK.price.gt(new BigDecimal("30"))));
        Mono<Boolean> anyDune = db.exists(select(BOOK).where(BOOK.title.eq("Dune")));
        return Mono.zip(expensive, anyDune, (n, dune) -> n + " expensive, Dune: " + dune);
    }

    public static Mono<Long> updateAndDelete(Database db) {
        Mono<Long> raised = db.execute(update(BOOK)
                .set(BOOK.price, BOOK.price.times(new BigDecimal("1.10")))
                .where(BOOK.firstEdition.year.lt(1950)));
        Mono<Long> removed = db.execute(delete(BOOK).where(BOOK.price.isNull()));
        return raised.then(removed);
    }

    public static Flux<Book> streamLargeResult(Database db) {
        return db.fetch(select(BOOK).orderBy(BOOK.id.asc()).fetchSize(500));
    }

    public static Flux<Author> handWrittenPaths(Database db) {
        EntityPath<Author> author = Paths.of(Author.class);
        return db.fetch(select(author).where(author.string("name").startsWith("Ursula")));
    }

    public static Flux<Book> statementWithoutTheDsl(Database db) {
        TableRef book = new TableRef(Book.class, "book");
        SelectStatement<Book> cheapFirst = SelectStatement.builder(new Projection.Entity<>(book, Book.class))
                .from(book)
                .where(new Predicate.Comparison(new Expression.Column(book, "price"),
                        Predicate.ComparisonOperator.LT, new Expression.Value(new BigDecimal("30"))))
                .orderBy(List.of(new OrderItem(new Expression.Column(book, "price"), false, OrderItem.Nulls.DEFAULT)))
                .build();
        return db.fetch(cheapFirst.withOptions(QueryOptions.defaults().withFetchSize(500)));
    }

    public static String printTheSql() {
        return select(BOOK).where(BOOK.title.eq("Dune")).toString();
    }
}
