package io.rowflow.examples;

import io.rowflow.Database;
import io.rowflow.ForeignKeyViolationException;
import io.rowflow.OptimisticLockException;
import io.rowflow.Schema;
import io.rowflow.TransactionRollbackException;
import io.rowflow.examples.web.BookstoreApplication;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import reactor.core.publisher.Mono;

/**
 * A command-line tour of Rowflow: schema creation, inserts, queries, a transaction, an optimistic
 * lock conflict and rollbacks, printed step by step.
 *
 * <p>Runs on an embedded H2 database by default; {@code --url r2dbc:postgresql://...} runs it on
 * PostgreSQL instead. The tour is one reactive chain, blocked on once in {@link #main(String[])}.
 * It drops and recreates its own tables ({@code demo_author}, {@code demo_book}), so it can run
 * again and again against the same database. It ends by printing the command that starts the
 * bookstore web service ({@link BookstoreApplication}).
 */
public final class Demo {

    /** The embedded database used without {@code --url}: in memory, kept while the JVM runs, lower-case names. */
    public static final String H2_URL = "r2dbc:h2:mem:///rowflow-demo?options=DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE";

    private static final String USAGE = "usage: Demo [--url r2dbc:postgresql://user@host:5432/database]";
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final long MISSING_AUTHOR_ID = 999_999L;

    private final Database db;
    private final PrintStream out;

    Demo(Database db, PrintStream out) {
        this.db = db;
        this.out = out;
    }

    /** Runs the tour on H2, or on the database named by {@code --url}. */
    public static void main(String[] args) {
        String url = urlFrom(args);
        try (Database db = Database.connect(url)) {    // closing it closes what connect(url) created
            System.out.println("Rowflow demo on " + db.dialect().name() + " (" + withoutPassword(url) + ")");
            new Demo(db, System.out).tour().block(TIMEOUT);
        }
        System.out.println();
        System.out.println("Done. Next, the same library in a Spring WebFlux service: a bookstore API on embedded H2 at");
        System.out.println("http://localhost:8080 (try curl http://localhost:8080/books). Start it with:");
        System.out.println(BookstoreApplication.START_COMMAND);
    }

    static String urlFrom(String[] args) {
        if (args.length == 0) {
            return H2_URL;
        }
        if (args.length == 2 && args[0].equals("--url") && !args[1].isBlank()) {
            return args[1];
        }
        throw new IllegalArgumentException(USAGE);
    }

    static String withoutPassword(String url) {
        return url.replaceFirst("//([^:/@]+):[^@/]*@", "//$1:***@");
    }

    /** The whole tour as one publisher: nothing runs until it is subscribed. */
    Mono<Void> tour() {
        return createSchema()
                .then(insertOneAtATime())
                .flatMap(leGuin -> insertMany()
                        .then(query(leGuin))
                        .then(updateInTransaction())
                        .then(optimisticLockConflict())
                        .then(rollbackOnError(leGuin))
                        .then(failedStatementAndSavepoint(leGuin)))
                .then(finalState());
    }

    // ---- 1. schema ----

    private Mono<Void> createSchema() {
        Schema schema = db.schema();
        return header("1. Schema: drop the demo tables if they exist, then create them from the entity classes")
                .then(schema.dropIfExists(Author.class, Book.class))
                .then(schema.create(Author.class, Book.class))
                .then(Mono.fromRunnable(() -> schema.ddl(Author.class, Book.class).forEach(ddl -> say("%s", ddl))));
    }

    // ---- 2. and 3. inserts ----

    private Mono<Author> insertOneAtATime() {
        return header("2. Insert one entity at a time")
                .then(db.insert(Author.named("Ursula K. Le Guin", 1929)))
                .doOnNext(author -> say("insert(Author record) -> %s  (a new instance with the generated id)", author))
                .flatMap(author -> insertInPlace(dispossessed(author)).thenReturn(author));
    }

    private static Book dispossessed(Author leGuin) {
        return new Book("The Dispossessed", leGuin.id(), new BigDecimal("9.99"), new Edition("Harper & Row", 1974));
    }

    private Mono<Book> insertInPlace(Book book) {
        return db.insert(book)
                .doOnNext(inserted -> say("insert(Book)          -> id %d, version %d  (set on the same instance: %s)",
                        book.getId(), book.getVersion(), inserted == book));
    }

    private Mono<Void> insertMany() {
        List<Author> authors = List.of(Author.named("Octavia E. Butler", 1947), Author.named("Iain M. Banks", 1954));
        return header("3. Insert many entities with insertAll: one multi-row INSERT per call, ids in input order")
                .thenMany(db.insertAll(authors))
                .doOnNext(author -> say("author #%d %s", author.id(), author.name()))
                .collectList()
                .flatMapMany(inserted -> db.insertAll(moreBooks(inserted.get(0), inserted.get(1))))
                .doOnNext(book -> say("book   #%d %s", book.getId(), book.getTitle()))
                .then();
    }

    private static List<Book> moreBooks(Author butler, Author banks) {
        return List.of(
                new Book("Kindred", butler.id(), new BigDecimal("12.00"), new Edition("Doubleday", 1979)),
                new Book("Parable of the Sower", butler.id(), new BigDecimal("14.50"),
                        new Edition("Four Walls Eight Windows", 1993)),
                new Book("The Player of Games", banks.id(), new BigDecimal("8.75"), new Edition("Macmillan", 1988)));
    }

    // ---- 4. queries ----

    private Mono<Void> query(Author leGuin) {
        return header("4. Query: by id, all rows, count, raw SQL with a named parameter")
                .then(db.findById(Author.class, leGuin.id()))
                .doOnNext(author -> say("findById(Author.class, %d) -> %s", leGuin.id(), author))
                .thenMany(db.findAll(Book.class).map(Book::getTitle).sort())
                .collectList()
                .doOnNext(titles -> say("findAll(Book.class)       -> %s", titles))
                .then(db.count(Author.class))
                .doOnNext(count -> say("count(Author.class)       -> %d", count))
                .then(cheaperThan(new BigDecimal("10.00")));
    }

    private Mono<Void> cheaperThan(BigDecimal max) {
        return db.sql("""
                        select b.title, a.name from demo_book b join demo_author a on a.id = b.author_id
                        where b.price < :max order by b.price""")
                .bind("max", max)
                .map(row -> row.get("title", String.class) + " by " + row.get("name", String.class))
                .fetch()
                .collectList()
                .doOnNext(rows -> say("sql(\"... where b.price < :max\").bind(\"max\", %s) -> %s", max, rows))
                .then();
    }

    // ---- 5. transaction ----

    private Mono<Void> updateInTransaction() {
        return header("5. Update inside db.inTransaction(...): every price up 10%, committed together")
                .thenMany(db.inTransaction(tx -> db.findAll(Book.class).concatMap(this::raisePrice)))
                .sort((a, b) -> a.getId().compareTo(b.getId()))
                .doOnNext(book -> say("#%d %-22s %6s  version %d", book.getId(), book.getTitle(), book.getPrice(),
                        book.getVersion()))
                .then();
    }

    private Mono<Book> raisePrice(Book book) {
        book.setPrice(book.getPrice().multiply(new BigDecimal("1.10")).setScale(2, RoundingMode.HALF_UP));
        return db.update(book);
    }

    // ---- 6. optimistic locking ----

    private Mono<Void> optimisticLockConflict() {
        return header("6. Optimistic locking: two copies of one row are read, both changed, both saved")
                .then(Mono.zip(bookTitled("Kindred"), bookTitled("Kindred")))
                .flatMap(copies -> saveBoth(copies.getT1(), copies.getT2()));
    }

    private Mono<Book> bookTitled(String title) {
        return db.sql("select * from demo_book where title = :title").bind("title", title).mapTo(Book.class).fetchOne();
    }

    private Mono<Void> saveBoth(Book first, Book second) {
        int versionRead = first.getVersion();
        say("both copies read at version %d", versionRead);
        first.setPrice(new BigDecimal("11.00"));
        second.setTitle("Kindred (revised)");
        return db.update(first)
                .doOnNext(saved -> say("update(first copy)  -> saved, version %d -> %d", versionRead, saved.getVersion()))
                .then(db.update(second))
                .doOnNext(saved -> say("update(second copy) -> saved?! (the conflict went unnoticed)"))
                .then()
                .onErrorResume(OptimisticLockException.class,
                        e -> report("update(second copy) -> OptimisticLockException: %s", e.getMessage()));
    }

    // ---- 7. rollback ----

    private Mono<Void> rollbackOnError(Author leGuin) {
        Book lathe = new Book("The Lathe of Heaven", leGuin.id(), new BigDecimal("9.50"), new Edition("Scribner", 1971));
        return header("7. Rollback: the transaction's publisher fails after an insert")
                .then(db.count(Book.class))
                .flatMap(before -> db.inTransaction(tx -> db.insert(lathe)
                                .doOnNext(book -> say("inserted book #%d \"%s\" inside the transaction", book.getId(),
                                        book.getTitle()))
                                .then(Mono.error(new IllegalStateException("payment service unavailable"))))
                        .then()
                        .onErrorResume(IllegalStateException.class,
                                e -> report("the transaction failed (%s) and was rolled back", e.getMessage()))
                        .then(db.count(Book.class))
                        .doOnNext(after -> say("books before: %d, after: %d", before, after)))
                .then();
    }

    // ---- 8. failed statements and savepoints ----

    private Mono<Void> failedStatementAndSavepoint(Author leGuin) {
        return header("8. A failed statement dooms its transaction, even when handled; a savepoint contains it")
                .then(doomedTransaction(leGuin))
                .then(savepointContainsFailure(leGuin));
    }

    private Mono<Void> doomedTransaction(Author leGuin) {
        return db.inTransaction(tx -> db.insert(leftHandOfDarkness(leGuin))
                        .then(db.insert(orphan()))
                        .then()
                        .onErrorResume(ForeignKeyViolationException.class,
                                e -> report("transaction: insert of a book by a missing author failed"
                                        + " (ForeignKeyViolationException), error handled")))
                .then()
                .onErrorResume(TransactionRollbackException.class,
                        e -> report("transaction: commit refused with TransactionRollbackException, all rolled back"))
                .then(reportStored("The Left Hand of Darkness"));
    }

    private Mono<Void> savepointContainsFailure(Author leGuin) {
        return db.inTransaction(tx -> db.insert(leftHandOfDarkness(leGuin))
                        .then(db.inTransaction(savepoint -> db.insert(orphan())).then())
                        .then()
                        .onErrorResume(ForeignKeyViolationException.class,
                                e -> report("transaction with savepoint: the failed insert rolled back to the savepoint")))
                .then(reportStored("The Left Hand of Darkness"));
    }

    private static Book leftHandOfDarkness(Author leGuin) {
        return new Book("The Left Hand of Darkness", leGuin.id(), new BigDecimal("8.50"), new Edition("Ace Books", 1969));
    }

    private static Book orphan() {
        return new Book("A Book Nobody Wrote", MISSING_AUTHOR_ID, BigDecimal.ONE, null);
    }

    private Mono<Void> reportStored(String title) {
        return db.sql("select count(*) from demo_book where title = :title").bind("title", title)
                .mapTo(Long.class)
                .fetchOne()
                .doOnNext(count -> say("  -> \"%s\" stored: %s", title, count > 0 ? "yes" : "no"))
                .then();
    }

    // ---- 9. final state ----

    private Mono<Void> finalState() {
        return header("9. Final state: sql(\"select * from demo_book order by id\").mapTo(Book.class)")
                .thenMany(db.sql("select * from demo_book order by id").mapTo(Book.class).fetch())
                .doOnNext(book -> say("#%d %-26s %6s  v%d  first edition: %s", book.getId(), book.getTitle(),
                        book.getPrice(), book.getVersion(), edition(book.getFirstEdition())))
                .then();
    }

    private static String edition(Edition edition) {
        return edition == null ? "unknown" : edition.publisher() + ", " + edition.year();
    }

    // ---- printing ----

    private Mono<Void> header(String title) {
        return Mono.fromRunnable(() -> {
            out.println();
            out.println(title);
        });
    }

    private void say(String format, Object... args) {
        out.println("   " + String.format(Locale.ROOT, format, args));
    }

    private Mono<Void> report(String format, Object... args) {
        return Mono.fromRunnable(() -> say(format, args));
    }
}
