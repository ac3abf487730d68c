package io.rowflow.examples.docs;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.IsolationLevel;
import io.rowflow.DataAccessException;
import io.rowflow.Database;
import io.rowflow.ForeignKeyViolationException;
import io.rowflow.OptimisticLockException;
import io.rowflow.TransactionOptions;
import io.rowflow.convert.Converter;
import io.rowflow.examples.Author;
import io.rowflow.examples.Book;
import io.rowflow.examples.Edition;
import io.rowflow.mapping.NamingStrategy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Year;
import java.util.List;
import java.util.Locale;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The code shown in {@code docs/getting-started.md} and in the README, compiled with the examples
 * so that it cannot go stale. {@code DocsSnippetsTest} checks that every Java block of the docs
 * appears here (or elsewhere in the examples' sources) line for line, and runs these methods on H2.
 *
 * <p>Each method returns a cold publisher: nothing touches the database until it is subscribed.
 */
public final class GettingStartedSnippets {

    private GettingStartedSnippets() {
    }

    // ---- README: a taste of the API ----

    /** The README's example: insert, batch insert and a raw query, all in one transaction. */
    public static Flux<String> tasteOfTheApi(Database db) {
        return db.insert(new Author(null, "Ursula K. Le Guin", 1929))   // emits the author with its generated id
                .flatMapMany(author -> db.insertAll(List.of(         // one multi-row INSERT
                        new Book("The Dispossessed", author.id(), new BigDecimal("9.99"), new Edition("Harper & Row", 1974)),
                        new Book("The Lathe of Heaven", author.id(), new BigDecimal("8.50"), new Edition("Scribner", 1971)))))
                .thenMany(db.sql("select title from demo_book where price < :max order by title")
                        .bind("max", new BigDecimal("9.00"))
                        .mapTo(String.class)
                        .fetch())
                .as(db::transactional);       // one transaction: commits on completion, rolls back on error or cancel
    }

    // ---- creating a Database ----

    /** A database over a URL: the R2DBC driver on the class path is chosen by the URL's scheme. */
    public static Database connectToPostgres() {
        return Database.connect("r2dbc:postgresql://app:secret@localhost:5432/library");
    }

    /** An embedded, in-memory H2 database; see the H2 notes in the guide for the two options. */
    public static Database connectToH2(String name) {
        return Database.connect("r2dbc:h2:mem:///" + name + "?options=DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE");
    }

    /** A database over a connection pool, with explicit settings. */
    public static Database connectWithPool(String url) {
        ConnectionPool pool = new ConnectionPool(ConnectionPoolConfiguration.builder(ConnectionFactories.get(url))
                .maxSize(10)
                .maxAcquireTime(Duration.ofSeconds(5))      // never wait forever for a connection
                .build());
        return Database.builder(pool)
                .namingStrategy(NamingStrategy.SNAKE_CASE)  // the default: BookReview -> book_review
                .converter(Converter.of(Year.class, Integer.class, Year::getValue, Year::of))
                .insertChunkSize(500)                       // rows per multi-row INSERT; 1,000 by default
                .build();
    }

    /** A database that owns its pool: closing the database closes the pool. */
    public static long countBooksWithOwnPool(String url) {
        // "r2dbc:pool:h2:mem:///library": the database creates the pool, so close() disposes it
        try (Database db = Database.connect(url)) {
            return db.count(Book.class).block(Duration.ofSeconds(30));
        }
    }

    // ---- schema ----

    /** Drops the tables if they exist, then creates them: referenced tables first. */
    public static Mono<Void> createSchema(Database db) {
        return db.schema().dropIfExists(Author.class, Book.class)
                .then(db.schema().create(Author.class, Book.class));
    }

    /** The generated DDL, as a starting point for real migrations. */
    public static List<String> ddl(Database db) {
        return db.schema().ddl(Author.class, Book.class);
    }

    // ---- CRUD ----

    /** Inserting a record and a mutable entity, then updating the latter. */
    public static Mono<Book> insertAndUpdate(Database db) {
        return db.insert(new Author(null, "Ursula K. Le Guin", 1929))  // a record comes back as a new instance, id set
                .flatMap(author -> db.insert(new Book("The Dispossessed", author.id(), new BigDecimal("9.99"),
                        new Edition("Harper & Row", 1974))))        // a mutable entity gets its id and version 0 set
                .flatMap(book -> {
                    book.setPrice(new BigDecimal("11.50"));
                    return db.update(book);                         // checks version 0, stores version 1
                });
    }

    /** Inserting many entities of one class at once. */
    public static Flux<Author> insertMany(Database db) {
        List<Author> authors = List.of(
                new Author(null, "Octavia E. Butler", 1947),
                new Author(null, "Iain M. Banks", 1954));
        return db.insertAll(authors);   // multi-row INSERTs in one transaction; emits in input order, ids set
    }

    /** Updating and deleting many entities at once. */
    public static Mono<Long> updateAndDeleteMany(Database db, List<Author> authors) {
        List<Author> renamed = authors.stream()
                .map(author -> new Author(author.id(), author.name().toUpperCase(Locale.ROOT), author.born()))
                .toList();
        return db.updateAll(renamed)       // one UPDATE per chunk, joined to the rows by id (and version)
                .collectList()
                .flatMap(db::deleteAll);   // one DELETE per chunk; emits the number of rows deleted
    }

    /** Reading by id, all rows and counts. */
    public static Mono<String> readBack(Database db, long authorId) {
        Mono<Author> author = db.findById(Author.class, authorId);  // completes empty if there is no such row
        Flux<Book> books = db.findAll(Book.class);                  // streams every row, with backpressure
        Mono<Long> authors = db.count(Author.class);
        Mono<Boolean> exists = db.existsById(Author.class, authorId);
        return Mono.zip(author, books.count(), authors, exists)
                .map(t -> t.getT1().name() + ": " + t.getT2() + " books, " + t.getT3() + " authors, exists " + t.getT4());
    }

    /** Upsert, delete and delete by id. */
    public static Mono<Boolean> upsertAndDelete(Database db, Author author) {
        return db.upsert(new Author(author.id(), author.name(), 1930))  // insert, or overwrite the row with this id
                .flatMap(db::delete)                                     // emits true if a row was deleted
                .then(db.deleteById(Author.class, author.id()));        // false now: the row is gone
    }

    // ---- raw SQL ----

    /** A query mapped to an entity by column name. */
    public static Flux<Book> booksCheaperThan(Database db, BigDecimal max) {
        return db.sql("select * from demo_book where price < :max order by price")
                .bind("max", max)
                .mapTo(Book.class)
                .fetch();
    }

    /** A query mapped by hand, row by row. */
    public static Flux<String> titlesWithAuthors(Database db, int bornBefore) {
        return db.sql("""
                        select b.title, a.name from demo_book b join demo_author a on a.id = b.author_id
                        where a.born < :year order by b.title""")
                .bind("year", bornBefore)
                .map(row -> row.get("title", String.class) + " by " + row.get("name", String.class))
                .fetch();
    }

    /** A single value, and a data-changing statement. */
    public static Mono<Long> discountOldBooks(Database db) {
        Mono<Long> oldBooks = db.sql("select count(*) from demo_book where first_edition_year < :year")
                .bind("year", 1980)
                .mapTo(Long.class)
                .fetchOne();                                         // errors if there is more than one row
        Mono<Long> changed = db.sql("update demo_book set price = price * 0.9 where first_edition_year < :year")
                .bind("year", 1980)
                .execute();                                          // emits the number of affected rows
        return oldBooks.then(changed);
    }

    // ---- transactions ----

    /** A callback that owns the transaction: commit on completion, rollback on error or cancel. */
    public static Flux<Book> moveBooks(Database db, long fromAuthorId, long toAuthorId) {
        return db.inTransaction(tx -> db.sql("select * from demo_book where author_id = :author")
                .bind("author", fromAuthorId)
                .mapTo(Book.class)
                .fetch()
                .concatMap(book -> {
                    book.setAuthorId(toAuthorId);
                    return db.update(book);      // joins the transaction, like every call inside the callback
                }));
    }

    /** Any Flux or Mono made transactional with {@code as}. */
    public static Flux<Author> importAuthors(Database db, List<Author> authors) {
        return Flux.fromIterable(authors)
                .concatMap(db::insert)
                .as(db::transactional);          // all of them, or none
    }

    /** An error inside the transaction rolls it back, and reaches the subscriber. */
    public static Mono<Void> failAfterInsert(Database db, Book book) {
        return db.inTransaction(tx -> db.insert(book)
                        .then(Mono.error(new IllegalStateException("payment declined"))))
                .then();                         // errors with IllegalStateException; the insert is rolled back
    }

    /** Cancelling the transaction's publisher rolls it back too, and {@code next()} cancels. */
    public static Mono<Author> insertAllButKeepOnlyTheFirst(Database db, List<Author> authors) {
        return db.insertAll(authors)
                .as(db::transactional)
                .next();                         // cancels after the first row: every insert is rolled back
    }

    /** Nested {@code inTransaction} calls run in savepoints, which roll back alone. */
    public static Flux<Book> insertSkippingOrphans(Database db, List<Book> books) {
        return db.inTransaction(tx -> Flux.fromIterable(books)
                .concatMap(book -> db.inTransaction(savepoint -> db.insert(book))
                        .onErrorResume(ForeignKeyViolationException.class, e -> Mono.empty())));
    }

    /** A statement that failed dooms its transaction even when the error is handled. */
    public static Mono<Void> handledFailureStillRollsBack(Database db, Book book, Book orphan) {
        return db.inTransaction(tx -> db.insert(book)
                        .then(db.insert(orphan))         // fails: its author does not exist
                        .onErrorResume(ForeignKeyViolationException.class, e -> Mono.empty()))
                .then();                                 // errors with TransactionRollbackException; nothing stored
    }

    /** Isolation level and read-only transactions. */
    public static Mono<Long> countInSerializableTransaction(Database db) {
        TransactionOptions serializable = TransactionOptions.isolation(IsolationLevel.SERIALIZABLE);
        return db.inTransaction(serializable, tx -> db.count(Book.class)).single();
    }

    // ---- errors ----

    /** Optimistic locking: re-read and retry the update when another transaction got there first. */
    public static Mono<Book> renameWithRetry(Database db, long bookId, String title) {
        return db.findById(Book.class, bookId)
                .flatMap(book -> {
                    book.setTitle(title);
                    return db.update(book);
                })
                .retryWhen(Retry.max(3).filter(OptimisticLockException.class::isInstance));  // re-reads, then updates
    }

    /** Retrying a whole transaction when the database says it may succeed next time. */
    public static Flux<Book> retryTransient(Database db, long fromAuthorId, long toAuthorId) {
        return moveBooks(db, fromAuthorId, toAuthorId)
                .retryWhen(Retry.backoff(3, Duration.ofMillis(100))
                        .filter(e -> e instanceof DataAccessException failure && failure.isTransient()));
    }
}
