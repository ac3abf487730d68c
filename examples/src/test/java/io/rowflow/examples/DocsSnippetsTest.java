package io.rowflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.rowflow.Database;
import io.rowflow.TransactionRollbackException;
import io.rowflow.examples.docs.GettingStartedSnippets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * Keeps the docs honest: every Java block in {@code README.md} and {@code docs/*.md} must be
 * compiled code from this module (its main code, or its tests for test samples), and the snippets
 * must do what the guide says when run on H2.
 */
class DocsSnippetsTest {

    private static final Path README = Path.of("../README.md");
    private static final Path DOCS = Path.of("../docs");
    private static final List<Path> SOURCES = List.of(Path.of("src/main/java"), Path.of("src/test/java"));
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Database db;

    @BeforeEach
    void createDatabase() {
        db = GettingStartedSnippets.connectToH2("docs_" + UUID.randomUUID().toString().replace('-', '_'));
        GettingStartedSnippets.createSchema(db).block(TIMEOUT);
    }

    // ---- the docs match the code ----

    @Test
    void everyJavaBlockOfTheDocsAppearsLineForLineInTheExamplesSources() {
        Map<Path, List<String>> sources = javaSources();
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Path document : documents()) {
            for (Block block : fencedBlocks(document)) {
                if (!block.language().equals("java")) {
                    continue;
                }
                checked++;
                List<String> lines = significantLines(block.lines());
                if (lines.isEmpty()) {
                    missing.add(document + ":" + block.firstLine() + " (empty block)");
                    continue;
                }
                boolean found = sources.values().stream().anyMatch(source -> Collections.indexOfSubList(source, lines) >= 0);
                if (!found) {
                    missing.add(document + ":" + block.firstLine() + " (starts with: " + lines.get(0) + ")");
                }
            }
        }
        assertThat(missing)
                .as("Java blocks in the docs must be copied from compiled code under examples/src/main/java"
                        + " (or, for test code such as WebTestClient tests, examples/src/test/java);"
                        + " these are not (fix the doc, or the snippet in GettingStartedSnippets)")
                .isEmpty();
        assertThat(checked).as("Java blocks checked").isGreaterThanOrEqualTo(15);
    }

    @Test
    void everyFencedBlockNamesItsLanguageSoNoJavaEscapesTheCheck() {
        List<String> unnamed = new ArrayList<>();
        for (Path document : documents()) {
            for (Block block : fencedBlocks(document)) {
                if (block.language().isEmpty()) {
                    unnamed.add(document + ":" + block.firstLine());
                }
            }
        }
        assertThat(unnamed).as("fenced blocks without a language").isEmpty();
        assertThat(fencedBlocks(README)).as("README blocks").extracting(Block::language).contains("bash", "java");
    }

    // ---- the snippets work ----

    @Test
    void tasteOfTheApiInsertsAndQueriesInOneTransaction() {
        GettingStartedSnippets.tasteOfTheApi(db)
                .as(StepVerifier::create)
                .expectNext("The Lathe of Heaven")
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(db.count(Book.class).block(TIMEOUT)).isEqualTo(2L);
    }

    @Test
    void connectingByUrlDetectsTheDialectWithoutOpeningAConnection() {
        assertThat(GettingStartedSnippets.connectToPostgres().dialect().name()).isEqualTo("PostgreSQL");
        assertThat(db.dialect().name()).isEqualTo("H2");
    }

    @Test
    void pooledDatabaseUsesItsRegisteredConverter() {
        String name = "docs_pool_" + UUID.randomUUID().toString().replace('-', '_');
        Database pooled = GettingStartedSnippets.connectWithPool(
                "r2dbc:h2:mem:///" + name + "?options=DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE");
        try {
            pooled.sql("select cast(:year as int) + 1").bind("year", Year.of(1969)).mapTo(Year.class).fetchOne()
                    .as(StepVerifier::create)
                    .expectNext(Year.of(1970))
                    .expectComplete()
                    .verify(TIMEOUT);
        } finally {
            ((ConnectionPool) pooled.connectionFactory()).dispose();
        }
    }

    @Test
    void databaseWithItsOwnPoolCountsThenClosesThePool() {
        String name = "docs_own_pool_" + UUID.randomUUID().toString().replace('-', '_');
        String url = "r2dbc:pool:h2:mem:///" + name + "?options=DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE";
        GettingStartedSnippets.createSchema(GettingStartedSnippets.connectToH2(name)).block(TIMEOUT);

        assertThat(GettingStartedSnippets.countBooksWithOwnPool(url)).isZero();
    }

    @Test
    void tablesCreatedFromTheMappingsPassValidation() {
        io.rowflow.examples.docs.SchemaValidationSnippets.validateMappings(db)
                .as(StepVerifier::create)
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void schemaSnippetsCreateEmptyTablesAndShowTheirDdl() {
        assertThat(GettingStartedSnippets.ddl(db))
                .hasSize(2)
                .satisfiesExactly(
                        author -> assertThat(author).startsWith("CREATE TABLE \"demo_author\""),
                        book -> assertThat(book).startsWith("CREATE TABLE \"demo_book\"")
                                .contains("\"first_edition_publisher\"", "REFERENCES \"demo_author\""));
        assertThat(db.count(Book.class).block(TIMEOUT)).isZero();
        GettingStartedSnippets.createSchema(db).as(StepVerifier::create).expectComplete().verify(TIMEOUT);
    }

    @Test
    void crudSnippetsInsertReadUpdateAndDelete() {
        Book book = GettingStartedSnippets.insertAndUpdate(db).block(TIMEOUT);
        assertThat(book.getId()).isNotNull();
        assertThat(book.getVersion()).isEqualTo(1);
        Book stored = db.findById(Book.class, book.getId()).block(TIMEOUT);
        assertThat(stored.getPrice()).isEqualByComparingTo("11.50");
        assertThat(stored.getFirstEdition()).isEqualTo(new Edition("Harper & Row", 1974));

        List<Author> others = GettingStartedSnippets.insertMany(db).collectList().block(TIMEOUT);
        assertThat(others).extracting(Author::name).containsExactly("Octavia E. Butler", "Iain M. Banks");
        assertThat(others).extracting(Author::id).doesNotContainNull().doesNotHaveDuplicates();

        List<Author> more = db.insertAll(List.of(Author.named("Ann Leckie", 1966), Author.named("Ken Liu", 1976)))
                .collectList().block(TIMEOUT);
        assertThat(GettingStartedSnippets.updateAndDeleteMany(db, more).block(TIMEOUT)).isEqualTo(2L);
        assertThat(db.existsById(Author.class, more.get(0).id()).block(TIMEOUT)).isFalse();

        GettingStartedSnippets.readBack(db, book.getAuthorId())
                .as(StepVerifier::create)
                .expectNext("Ursula K. Le Guin: 1 books, 3 authors, exists true")
                .expectComplete()
                .verify(TIMEOUT);

        GettingStartedSnippets.upsertAndDelete(db, others.get(1))
                .as(StepVerifier::create)
                .expectNext(false)
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(db.existsById(Author.class, others.get(1).id()).block(TIMEOUT)).isFalse();
    }

    @Test
    void rawSqlSnippetsBindNamedParametersAndMapRows() {
        GettingStartedSnippets.tasteOfTheApi(db).blockLast(TIMEOUT);
        Author butler = butlerFrom(GettingStartedSnippets.insertMany(db).collectList().block(TIMEOUT));
        db.insert(new Book("Kindred", butler.id(), new BigDecimal("12.00"), new Edition("Doubleday", 1979))).block(TIMEOUT);

        assertThat(GettingStartedSnippets.booksCheaperThan(db, new BigDecimal("10.00")).collectList().block(TIMEOUT))
                .extracting(Book::getTitle)
                .containsExactly("The Lathe of Heaven", "The Dispossessed");
        assertThat(GettingStartedSnippets.titlesWithAuthors(db, 1940).collectList().block(TIMEOUT))
                .containsExactly("The Dispossessed by Ursula K. Le Guin", "The Lathe of Heaven by Ursula K. Le Guin");
        GettingStartedSnippets.discountOldBooks(db)
                .as(StepVerifier::create)
                .expectNext(3L)
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(db.sql("select price from demo_book where title = 'Kindred'").mapTo(BigDecimal.class).fetchOne()
                .block(TIMEOUT)).isEqualByComparingTo("10.80");
    }

    @Test
    void transactionSnippetsCommitTogetherAndRollBackOnErrorAndCancel() {
        Book book = GettingStartedSnippets.insertAndUpdate(db).block(TIMEOUT);
        Author butler = butlerFrom(GettingStartedSnippets.insertMany(db).collectList().block(TIMEOUT));

        assertThat(GettingStartedSnippets.moveBooks(db, book.getAuthorId(), butler.id()).collectList().block(TIMEOUT))
                .singleElement()
                .satisfies(moved -> assertThat(moved.getAuthorId()).isEqualTo(butler.id()))
                .satisfies(moved -> assertThat(moved.getVersion()).isEqualTo(2));

        List<Author> imported = List.of(Author.named("N. K. Jemisin", 1972), Author.named("Ted Chiang", 1967));
        assertThat(GettingStartedSnippets.importAuthors(db, imported).collectList().block(TIMEOUT)).hasSize(2);
        assertThat(db.count(Author.class).block(TIMEOUT)).isEqualTo(5L);

        Book lathe = new Book("The Lathe of Heaven", butler.id(), BigDecimal.TEN, null);
        GettingStartedSnippets.failAfterInsert(db, lathe)
                .as(StepVerifier::create)
                .expectErrorMessage("payment declined")
                .verify(TIMEOUT);
        assertThat(db.count(Book.class).block(TIMEOUT)).isEqualTo(1L);

        List<Author> batch = List.of(Author.named("A", 1900), Author.named("B", 1901), Author.named("C", 1902));
        GettingStartedSnippets.insertAllButKeepOnlyTheFirst(db, batch)
                .as(StepVerifier::create)
                .assertNext(first -> assertThat(first.name()).isEqualTo("A"))
                .expectComplete()
                .verify(TIMEOUT);
        awaitCount(Author.class, 5L); // the rollback after cancel completes asynchronously

        List<Book> books = List.of(
                new Book("Kindred", butler.id(), BigDecimal.ONE, null),
                new Book("Orphan", 999_999L, BigDecimal.ONE, null),
                new Book("Dawn", butler.id(), BigDecimal.ONE, null));
        assertThat(GettingStartedSnippets.insertSkippingOrphans(db, books).collectList().block(TIMEOUT))
                .extracting(Book::getTitle)
                .containsExactly("Kindred", "Dawn");
        assertThat(db.count(Book.class).block(TIMEOUT)).isEqualTo(3L);

        GettingStartedSnippets.handledFailureStillRollsBack(db,
                        new Book("Wild Seed", butler.id(), BigDecimal.ONE, null),
                        new Book("Orphan", 999_999L, BigDecimal.ONE, null))
                .as(StepVerifier::create)
                .expectError(TransactionRollbackException.class)
                .verify(TIMEOUT);
        assertThat(db.count(Book.class).block(TIMEOUT)).isEqualTo(3L);

        GettingStartedSnippets.countInSerializableTransaction(db)
                .as(StepVerifier::create)
                .expectNext(3L)
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void errorSnippetsRetryTheWholeOperation() {
        Book book = GettingStartedSnippets.insertAndUpdate(db).block(TIMEOUT);

        GettingStartedSnippets.renameWithRetry(db, book.getId(), "The Dispossessed: An Ambiguous Utopia")
                .as(StepVerifier::create)
                .assertNext(renamed -> assertThat(renamed.getVersion()).isEqualTo(2))
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(db.findById(Book.class, book.getId()).block(TIMEOUT).getTitle())
                .isEqualTo("The Dispossessed: An Ambiguous Utopia");

        Author butler = butlerFrom(GettingStartedSnippets.insertMany(db).collectList().block(TIMEOUT));
        assertThat(GettingStartedSnippets.retryTransient(db, book.getAuthorId(), butler.id()).count().block(TIMEOUT))
                .isEqualTo(1L);
    }

    // ---- helpers ----

    /** The first of the authors {@code insertMany} inserted (blockFirst would cancel, and so roll back, insertAll). */
    private static Author butlerFrom(List<Author> inserted) {
        assertThat(inserted.get(0).name()).isEqualTo("Octavia E. Butler");
        return inserted.get(0);
    }

    private void awaitCount(Class<?> entity, long expected) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        long count;
        while ((count = db.count(entity).block(TIMEOUT)) != expected && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(count).as("rows of " + entity.getSimpleName()).isEqualTo(expected);
    }

    /** A fenced block: its language (the word after the opening fence), its lines and where it starts. */
    record Block(String language, List<String> lines, int firstLine) {
    }

    private static List<Path> documents() {
        List<Path> documents = new ArrayList<>();
        documents.add(README);
        try (Stream<Path> files = Files.list(DOCS)) {
            files.filter(file -> file.toString().endsWith(".md")).sorted().forEach(documents::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(documents).as("documents").contains(DOCS.resolve("getting-started.md"));
        return documents;
    }

    static List<Block> fencedBlocks(Path document) {
        List<String> lines = read(document);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String opening = lines.get(i).trim();
            if (!opening.startsWith("```")) {
                continue;
            }
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).trim().equals("```")) {
                end++;
            }
            assertThat(end).as("closing fence of the block at " + document + ":" + (i + 1)).isLessThan(lines.size());
            blocks.add(new Block(opening.substring(3).trim(), lines.subList(i + 1, end), i + 1));
            i = end;
        }
        return blocks;
    }

    private static Map<Path, List<String>> javaSources() {
        Map<Path, List<String>> sources = new LinkedHashMap<>();
        for (Path root : SOURCES) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(file -> file.toString().endsWith(".java"))
                        .forEach(file -> sources.put(file, significantLines(read(file))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sources;
    }

    /** The lines that carry code: trimmed, blank lines dropped. */
    private static List<String> significantLines(List<String> lines) {
        return lines.stream().map(String::trim).filter(line -> !line.isEmpty()).toList();
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
