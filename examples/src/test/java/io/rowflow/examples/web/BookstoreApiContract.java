package io.rowflow.examples.web;

import static io.rowflow.examples.web.ShopBook_.SHOP_BOOK;
import static io.rowflow.query.Queries.delete;
import static io.rowflow.test.RowflowAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.Database;
import io.rowflow.Ref;
import io.rowflow.examples.SqlLog;
import io.rowflow.test.RecordedStatements;
import io.rowflow.test.StatementRecorder;
import io.rowflow.test.TestTransactions;
import io.rowflow.test.WithoutRollback;
import io.rowflow.test.spring.AutoConfigureRowflowTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * Every endpoint of the bookstore, called over HTTP on a server started on a random port, against
 * a real database: streams (NDJSON, server-sent events, JSON), keyset pages, batched relationship
 * loading, cascading creates, the {@code @Transactional} order and the {@code TransactionalOperator}
 * transfer with their rollbacks, and the 400/404/409 problem bodies.
 *
 * <p>The tables and the sample data are created once per database; every test then runs in a
 * rollback-only test transaction (rowflow-test's {@link AutoConfigureRowflowTest}) that the
 * requests it makes join, the application's own {@code @Transactional} and
 * {@code TransactionalOperator} transactions becoming savepoints of it. So every test starts from
 * the sample data without dropping a table, and ends with no connection held by the pool. The two
 * tests that watch the pool while a stream runs opt out ({@link WithoutRollback}) and delete what
 * they wrote.
 */
@SpringBootTest(classes = BookstoreApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "bookstore.initialize=false")
@AutoConfigureRowflowTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class BookstoreApiContract {

    /** The suites whose database has its tables and sample data. */
    private static final Set<Class<?>> PREPARED = ConcurrentHashMap.newKeySet();

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    @LocalServerPort
    private int port;
    @Autowired
    private Database db;
    @Autowired
    private BookstoreData data;
    @Autowired
    private ConnectionFactory connectionFactory;
    @Autowired
    private StatementRecorder recorder;

    private WebTestClient http;

    @BeforeEach
    void sampleData() {
        if (PREPARED.add(getClass())) {
            data.clear().then(data.sampleData()).contextWrite(TestTransactions.outside()).block(TIMEOUT);
        }
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(TIMEOUT).build();
        awaitNoConnectionHeld();
    }

    // ---- helpers ----

    private ConnectionPool pool() {
        return (ConnectionPool) connectionFactory;
    }

    private int connectionsHeld() {
        return pool().getMetrics().orElseThrow().acquiredSize();
    }

    /** Waits until the pool has no acquired connection: cleanup after a cancel runs asynchronously. */
    private void awaitNoConnectionHeld() {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (connectionsHeld() != 0) {
            assertThat(System.nanoTime()).as("the pool still holds " + connectionsHeld() + " connections").isLessThan(deadline);
            sleep(10);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private ShopAuthor author(String name) {
        return db.findAll(ShopAuthor.class).filter(author -> author.name().equals(name)).single().block(TIMEOUT);
    }

    private ShopBook book(String title) {
        return db.findAll(ShopBook.class).filter(book -> book.title().equals(title)).single().block(TIMEOUT);
    }

    private List<BookView> ndjsonBooks(String uri) {
        return http.get().uri(uri).accept(MediaType.APPLICATION_NDJSON).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_NDJSON)
                .returnResult(BookView.class).getResponseBody().collectList().block(TIMEOUT);
    }

    private void insertBooks(int count) {
        ShopAuthor author = author("Iain M. Banks");
        db.insertAll(IntStream.range(0, count)
                        .mapToObj(i -> new ShopBook(null, String.format("Culture volume %05d", i), 1987, BigDecimal.TEN, 1,
                                Ref.to(author.id())))
                        .toList())
                .then().block(TIMEOUT);
    }

    /** Deletes, outside any test transaction, the books {@link #insertBooks} committed in a test without rollback. */
    private void deleteInsertedBooks() {
        db.execute(delete(SHOP_BOOK).where(SHOP_BOOK.title.startsWith("Culture volume ")))
                .contextWrite(TestTransactions.outside()).block(TIMEOUT);
    }

    // ---- rollback-only tests ----

    @Test
    @Order(1)
    void aThousandBooksInsertedByATestAreServedToItsRequests() {
        insertBooks(1_000);

        assertThat(ndjsonBooks("/books")).as("the request joined the test's transaction").hasSize(6 + 1_000);
        assertThat(ndjsonBooks("/books?q=culture")).hasSize(1_000);
    }

    @Test
    @Order(2)
    void theNextTestFindsTheSampleCatalogAsItWas() {
        assertThat(ndjsonBooks("/books")).hasSize(6);
        assertThat(db.count(ShopBook.class).block(TIMEOUT)).isEqualTo(6L);
        assertThat(db.count(ShopOrder.class).block(TIMEOUT)).isZero();
    }

    // ---- books ----

    @Test
    void booksStreamAsNdjsonInIdOrder() {
        List<BookView> books = ndjsonBooks("/books");

        assertThat(books).extracting(BookView::title).containsExactly("A Wizard of Earthsea", "The Left Hand of Darkness",
                "The Dispossessed", "Kindred", "Parable of the Sower", "The Player of Games");
        assertThat(books.get(3).price()).isEqualByComparingTo("12.00");
        assertThat(books.get(3).authorId()).isEqualTo(author("Octavia E. Butler").id());
    }

    @Test
    void searchMatchesTitlesIgnoringCaseAndLiterally() {
        assertThat(ndjsonBooks("/books?q=THE")).extracting(BookView::title)
                .containsExactly("The Left Hand of Darkness", "The Dispossessed", "Parable of the Sower", "The Player of Games");
        assertThat(ndjsonBooks("/books?q=%25")).as("%% is no wildcard").isEmpty();
    }

    @Test
    void booksAsAJsonArrayForApplicationJson() {
        http.get().uri("/books?q=kindred").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].title").isEqualTo("Kindred")
                .jsonPath("$[0].stock").isEqualTo(9);
    }

    @Test
    void booksStreamAsServerSentEventsAndResumeAfterTheLastEventId() {
        List<ServerSentEvent<BookView>> events = http.get().uri("/books").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<BookView>>() { })
                .getResponseBody().collectList().block(TIMEOUT);
        assertThat(events).hasSize(6).allSatisfy(event -> assertThat(event.id()).isEqualTo(String.valueOf(event.data().id())));

        String fourth = events.get(3).id();
        List<String> resumed = http.get().uri("/books").accept(MediaType.TEXT_EVENT_STREAM).header("Last-Event-ID", fourth)
                .exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<BookView>>() { })
                .getResponseBody().map(event -> event.data().title()).collectList().block(TIMEOUT);
        assertThat(resumed).containsExactly("Parable of the Sower", "The Player of Games");
    }

    @Test
    void aBookByIdOrA404Problem() {
        ShopBook kindred = book("Kindred");
        http.get().uri("/books/{id}", kindred.id()).exchange()
                .expectStatus().isOk()
                .expectBody(BookView.class).isEqualTo(BookView.of(kindred));

        http.get().uri("/books/{id}", 999_999).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(PROBLEM)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.title").isEqualTo("Not Found")
                .jsonPath("$.detail").isEqualTo("No book with id 999999")
                .jsonPath("$.instance").isEqualTo("/books/999999");

        http.get().uri("/books/not-a-number").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(PROBLEM)
                .expectBody().jsonPath("$.status").isEqualTo(400);
    }

    @Test
    void keysetPagesWalkTheCatalogByTitleWithNextCursors() {
        List<String> titles = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            BookPage page = http.get().uri(next == null ? "/books/page?size=4" : "/books/page?size=4&after=" + next)
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody(BookPage.class).returnResult().getResponseBody();
            page.items().forEach(book -> titles.add(book.title()));
            next = page.next();
            pages++;
        } while (next != null);

        assertThat(pages).isEqualTo(2);
        assertThat(titles).containsExactly("A Wizard of Earthsea", "Kindred", "Parable of the Sower", "The Dispossessed",
                "The Left Hand of Darkness", "The Player of Games");
    }

    @Test
    void pagesRejectABadCursorOrSizeWith400Problems() {
        http.get().uri("/books/page?after=not-a-cursor").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(PROBLEM)
                .expectBody()
                .jsonPath("$.errors.after").isEqualTo("is not a cursor returned as 'next' by this API");
        http.get().uri("/books/page?size=0").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors.size").isEqualTo("must be between 1 and 100");
    }

    // ---- streaming 10,000 books ----

    @Test
    @WithoutRollback
    void tenThousandBooksArriveIncrementallyWhileTheQueryStillRuns() {
        insertBooks(10_000);
        try {
            streamTenThousandBooks();
        } finally {
            deleteInsertedBooks();
        }
    }

    private void streamTenThousandBooks() {
        List<Integer> heldAtFirstBook = new ArrayList<>();
        List<String> queriesEndedAtFirstBook = new ArrayList<>();
        try (SqlLog log = SqlLog.record(Level.DEBUG)) {
            Flux<BookView> books = http.get().uri("/books?q=culture").accept(MediaType.APPLICATION_NDJSON).exchange()
                    .expectStatus().isOk()
                    .returnResult(BookView.class).getResponseBody();

            StepVerifier.create(books, 1)
                    .assertNext(first -> {
                        assertThat(first.title()).isEqualTo("Culture volume 00000");
                        heldAtFirstBook.add(connectionsHeld());
                        queriesEndedAtFirstBook.addAll(bookQueries(log));
                    })
                    .thenRequest(Long.MAX_VALUE)
                    .expectNextCount(9_999)
                    .expectComplete()
                    .verify(TIMEOUT);

            assertThat(heldAtFirstBook).as("the query still held its connection when the first book arrived")
                    .containsExactly(1);
            assertThat(queriesEndedAtFirstBook).as("no book query had ended when the first book arrived").isEmpty();
            awaitBookQueryLogged(log);
            assertThat(bookQueries(log)).singleElement().asString().contains("-- 10000 rows, ");
        }
        awaitNoConnectionHeld();
    }

    @Test
    @WithoutRollback
    void aClientThatDisconnectsAfterFiveBooksLeavesNoConnectionHeld() {
        insertBooks(10_000);
        try {
            disconnectAfterFiveBooks();
        } finally {
            deleteInsertedBooks();
        }
    }

    private void disconnectAfterFiveBooks() {
        List<Integer> heldWhileStreaming = new ArrayList<>();
        try (SqlLog log = SqlLog.record(Level.DEBUG)) {
            Flux<BookView> books = http.get().uri("/books").accept(MediaType.APPLICATION_NDJSON).exchange()
                    .expectStatus().isOk()
                    .returnResult(BookView.class).getResponseBody();

            StepVerifier.create(books, 5)
                    .expectNextCount(5)
                    .then(() -> heldWhileStreaming.add(connectionsHeld()))
                    .thenCancel()
                    .verify(TIMEOUT);

            assertThat(heldWhileStreaming).as("the stream held one connection").containsExactly(1);
            awaitNoConnectionHeld();
            awaitBookQueryLogged(log);
            assertThat(bookQueries(log)).as("the query was cancelled, not read to its end").singleElement().asString()
                    .contains("-- cancelled after ");
        }
        assertThat(ndjsonBooks("/books?q=wizard")).as("the service still answers").hasSize(1);
    }

    /** The ended book queries in Rowflow's SQL log. */
    /** Waits for the book query's line: it is written as the statement ends, which may be just after the client saw the last book. */
    private static void awaitBookQueryLogged(SqlLog log) {
        io.rowflow.test.Await.until("the book query's log line", Duration.ofSeconds(20), () -> !bookQueries(log).isEmpty());
    }

    private static List<String> bookQueries(SqlLog log) {
        return log.lines().stream().filter(line -> line.matches("DEBUG SELECT .* FROM [\"`]shop_book[\"`] .*")).toList();
    }

    // ---- authors ----

    @Test
    void authorsComeWithTheirBooksLoadedInBatches() {
        List<ShopAuthor> more = db.insertAll(IntStream.range(0, 600)
                .mapToObj(i -> new ShopAuthor(null, String.format("Writer %03d", i), null, null)).toList())
                .collectList().block(TIMEOUT);
        db.insertAll(more.stream().map(author -> new ShopBook(null, author.name() + "'s novel", 2000, BigDecimal.ONE, 1,
                Ref.to(author.id())))
                .toList()).then().block(TIMEOUT);

        List<AuthorView> authors = http.get().uri("/authors").accept(MediaType.APPLICATION_NDJSON).exchange()
                .expectStatus().isOk()
                .returnResult(AuthorView.class).getResponseBody().collectList().block(TIMEOUT);

        assertThat(authors).hasSize(603);
        RecordedStatements request = recorder.operations().stream().filter(operation -> operation.name().equals("GET /authors"))
                .reduce((first, last) -> last).orElseThrow();
        assertThat(request).as("603 authors with their books: parents in windows, books in batches of 256, no N+1")
                .hasNoShapeRepeatedMoreThan(4);
        assertThat(request.count()).as(request.toString()).isLessThanOrEqualTo(8);
        assertThat(authors.get(0).name()).isEqualTo("Iain M. Banks");
        assertThat(authors.get(0).books()).extracting(BookView::title).containsExactly("The Player of Games");
        assertThat(authors).filteredOn(author -> author.name().startsWith("Writer"))
                .hasSize(600)
                .allSatisfy(author -> assertThat(author.books()).singleElement()
                        .satisfies(book -> assertThat(book.title()).isEqualTo(author.name() + "'s novel")));
    }

    @Test
    void anAuthorByIdWithBooksOrA404Problem() {
        ShopAuthor butler = author("Octavia E. Butler");
        http.get().uri("/authors/{id}", butler.id()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.name").isEqualTo("Octavia E. Butler")
                .jsonPath("$.books[*].title").isEqualTo(List.of("Kindred", "Parable of the Sower"));

        http.get().uri("/authors/{id}", 424_242).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(PROBLEM)
                .expectBody()
                .jsonPath("$.detail").isEqualTo("No author with id 424242");
    }

    @Test
    void creatingAnAuthorStoresTheirBooksInTheSameTransaction() {
        Map<String, Object> jemisin = Map.of("name", "N. K. Jemisin", "born", 1972, "books", List.of(
                Map.of("title", "The Fifth Season", "year", 2015, "price", 11.99, "stock", 6),
                Map.of("title", "The Obelisk Gate", "year", 2016, "price", 12.99)));

        AuthorView created = http.post().uri("/authors").bodyValue(jemisin).exchange()
                .expectStatus().isCreated()
                .expectHeader().value("Location", location -> assertThat(location).matches("/authors/\\d+"))
                .expectBody(AuthorView.class).returnResult().getResponseBody();

        assertThat(created.books()).extracting(BookView::title).containsExactly("The Fifth Season", "The Obelisk Gate");
        assertThat(created.books()).allSatisfy(book -> assertThat(book.authorId()).isEqualTo(created.id()));
        assertThat(created.books().get(1).stock()).isZero();
        http.get().uri("/authors/{id}", created.id()).exchange()
                .expectStatus().isOk()
                .expectBody(AuthorView.class).isEqualTo(created);
    }

    @Test
    void anInvalidAuthorIsA400ProblemNamingEveryInvalidField() {
        Map<String, Object> invalid = Map.of("name", " ", "books", List.of(Map.of("title", "", "year", 2000, "price", -1)));

        http.post().uri("/authors").bodyValue(invalid).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(PROBLEM)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.errors.name").isEqualTo("must not be blank")
                .jsonPath("$.errors['books[0].title']").isEqualTo("must not be blank")
                .jsonPath("$.errors['books[0].price']").isEqualTo("must be zero or more");
        http.post().uri("/authors").contentType(MediaType.APPLICATION_JSON).bodyValue("{not json").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(PROBLEM);

        assertThat(db.count(ShopAuthor.class).block(TIMEOUT)).isEqualTo(3);
    }

    // ---- the Kotlin endpoints: suspend functions and Flows over the same Database ----

    @Test
    void kotlinBooksStreamAsNdjsonAndSingleBooksAre404WhenMissing() {
        assertThat(ndjsonBooks("/kotlin/books")).extracting(BookView::title).containsExactly("A Wizard of Earthsea",
                "The Left Hand of Darkness", "The Dispossessed", "Kindred", "Parable of the Sower", "The Player of Games");
        assertThat(ndjsonBooks("/kotlin/books?q=PARABLE")).extracting(BookView::title).containsExactly("Parable of the Sower");

        ShopBook kindred = book("Kindred");
        http.get().uri("/kotlin/books/{id}", kindred.id()).exchange()
                .expectStatus().isOk()
                .expectBody(BookView.class).isEqualTo(BookView.of(kindred));
        http.get().uri("/kotlin/books/{id}", 999_999).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(PROBLEM)
                .expectBody()
                .jsonPath("$.detail").isEqualTo("No book with id 999999");
    }

    @Test
    void kotlinAuthorsComeWithTheirBooksAndAreCreatedInOneTransaction() {
        http.get().uri("/kotlin/authors/{id}", author("Octavia E. Butler").id()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.books[*].title").isEqualTo(List.of("Kindred", "Parable of the Sower"));

        Map<String, Object> jemisin = Map.of("name", "N. K. Jemisin", "born", 1972, "books", List.of(
                Map.of("title", "The Fifth Season", "year", 2015, "price", 11.99, "stock", 6)));
        AuthorView created = http.post().uri("/kotlin/authors").bodyValue(jemisin).exchange()
                .expectStatus().isCreated()
                .expectHeader().value("Location", location -> assertThat(location).matches("/kotlin/authors/\\d+"))
                .expectBody(AuthorView.class).returnResult().getResponseBody();
        assertThat(created.books()).singleElement().satisfies(book -> assertThat(book.authorId()).isEqualTo(created.id()));

        // a title too long for its column fails the book's insert: the author inserted before it is rolled back
        Map<String, Object> tooLong = Map.of("name", "Nobody", "books", List.of(
                Map.of("title", "x".repeat(201), "year", 2000, "price", 1)));
        http.post().uri("/kotlin/authors").bodyValue(tooLong).exchange()
                .expectStatus().value(status -> assertThat(status).isGreaterThanOrEqualTo(400));
        assertThat(db.count(ShopAuthor.class).block(TIMEOUT)).isEqualTo(4);
    }

    // ---- orders: @Transactional ----

    @Test
    void anOrderTakesStockAndStoresItsLinesTogether() {
        ShopBook wizard = book("A Wizard of Earthsea");
        ShopBook kindred = book("Kindred");

        http.post().uri("/orders").bodyValue(Map.of("customer", "Ann", "lines", List.of(
                        Map.of("bookId", wizard.id(), "quantity", 2), Map.of("bookId", kindred.id(), "quantity", 1))))
                .exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.customer").isEqualTo("Ann")
                .jsonPath("$.total").isEqualTo(29.98)
                .jsonPath("$.lines.length()").isEqualTo(2);

        assertThat(book("A Wizard of Earthsea").stock()).isEqualTo(10);
        assertThat(book("Kindred").stock()).isEqualTo(8);
        assertThat(db.count(ShopOrder.class).block(TIMEOUT)).isEqualTo(1);
        assertThat(db.count(ShopOrderLine.class).block(TIMEOUT)).isEqualTo(2);
    }

    @Test
    void anOrderFailingOnItsSecondLineCommitsNothing() {
        ShopBook wizard = book("A Wizard of Earthsea");
        ShopBook parable = book("Parable of the Sower");

        http.post().uri("/orders").bodyValue(Map.of("customer", "Ann", "lines", List.of(
                        Map.of("bookId", wizard.id(), "quantity", 2), Map.of("bookId", parable.id(), "quantity", 9))))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(PROBLEM)
                .expectBody()
                .jsonPath("$.detail").isEqualTo("Only 3 copies of \"Parable of the Sower\" are in stock, 9 ordered");

        assertThat(book("A Wizard of Earthsea").stock()).as("the first line's stock is back").isEqualTo(12);
        assertThat(db.count(ShopOrder.class).block(TIMEOUT)).as("the order row inserted first is gone").isZero();
        assertThat(db.count(ShopOrderLine.class).block(TIMEOUT)).isZero();
    }

    @Test
    void anOrderForAMissingBookIsA404AndAnInvalidOneA400() {
        ShopBook wizard = book("A Wizard of Earthsea");
        http.post().uri("/orders").bodyValue(Map.of("customer", "Ann", "lines", List.of(
                        Map.of("bookId", wizard.id(), "quantity", 1), Map.of("bookId", 777_777, "quantity", 1))))
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("No book with id 777777");
        assertThat(book("A Wizard of Earthsea").stock()).isEqualTo(12);

        http.post().uri("/orders").bodyValue(Map.of("customer", "", "lines", List.of(Map.of("bookId", wizard.id(),
                        "quantity", 0))))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors.customer").isEqualTo("must not be blank")
                .jsonPath("$.errors['lines[0].quantity']").isEqualTo("must be at least 1");
        assertThat(db.count(ShopOrder.class).block(TIMEOUT)).isZero();
    }

    // ---- transfers: TransactionalOperator with DatabaseClient and Rowflow ----

    @Test
    void aTransferMovesBooksWithDatabaseClientAndReadsThemBackWithRowflowInOneTransaction() {
        ShopAuthor leGuin = author("Ursula K. Le Guin");
        ShopAuthor banks = author("Iain M. Banks");
        ShopBook wizard = book("A Wizard of Earthsea");
        ShopBook dispossessed = book("The Dispossessed");

        http.post().uri("/transfers").bodyValue(Map.of("fromAuthorId", leGuin.id(), "toAuthorId", banks.id(),
                        "bookIds", List.of(wizard.id(), dispossessed.id())))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.moved").isEqualTo(2)
                .jsonPath("$.booksOfRecipient[*].title")
                .isEqualTo(List.of("A Wizard of Earthsea", "The Dispossessed", "The Player of Games"));

        assertThat(book("A Wizard of Earthsea").author().id()).isEqualTo(banks.id());
        assertThat(book("The Left Hand of Darkness").author().id()).isEqualTo(leGuin.id());
    }

    @Test
    void aTransferRollsBackEntirelyWhenOneBookIsNotTheAuthors() {
        ShopAuthor leGuin = author("Ursula K. Le Guin");
        ShopAuthor banks = author("Iain M. Banks");
        ShopBook wizard = book("A Wizard of Earthsea");
        ShopBook kindred = book("Kindred");

        http.post().uri("/transfers").bodyValue(Map.of("fromAuthorId", leGuin.id(), "toAuthorId", banks.id(),
                        "bookIds", List.of(wizard.id(), kindred.id())))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(PROBLEM)
                .expectBody()
                .jsonPath("$.detail").isEqualTo("Book " + kindred.id() + " is not by author " + leGuin.id());

        assertThat(book("A Wizard of Earthsea").author().id()).as("the first move rolled back").isEqualTo(leGuin.id());
        assertThat(book("Kindred").author().id()).isEqualTo(author("Octavia E. Butler").id());
    }

    @Test
    void aTransferFromAMissingAuthorIsA404AndAnInvalidOneA400() {
        ShopAuthor banks = author("Iain M. Banks");
        http.post().uri("/transfers").bodyValue(Map.of("fromAuthorId", 31_337, "toAuthorId", banks.id(),
                        "bookIds", List.of(1)))
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("No author with id 31337");

        http.post().uri("/transfers").bodyValue(Map.of("fromAuthorId", banks.id(), "toAuthorId", banks.id(),
                        "bookIds", List.of()))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors.toAuthorId").isEqualTo("must differ from fromAuthorId")
                .jsonPath("$.errors.bookIds").isEqualTo("must list at least one book id");
    }
}
