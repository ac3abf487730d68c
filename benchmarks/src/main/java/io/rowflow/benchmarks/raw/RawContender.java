package io.rowflow.benchmarks.raw;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Readable;
import io.rowflow.benchmarks.Checksums;
import io.rowflow.benchmarks.Contender;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Raw R2DBC: hand-written SQL, hand-written mapping into records, one pooled connection per
 * statement as the ORMs use them (W7 and W9 run their two queries on one connection). W5 uses the fastest
 * bulk insert known on PostgreSQL, one {@code INSERT ... SELECT FROM unnest(arrays)}.
 *
 * <p>Rows are read with {@code concatMap(result -> result.map(...))}, which passes the
 * subscriber's demand straight to the driver. The common {@code flatMap} spelling requests 32 rows
 * at a time from each result and measured about half the streaming rate (W6: 0.75 M rows/s against
 * 1.5 M) on this machine: the floor must not be slowed by that.
 */
public final class RawContender implements Contender {

    static final String WORLD_BY_ID = "SELECT id, random_number FROM bench_world WHERE id = $1";
    static final String UPDATE_WORLDS = "UPDATE bench_world AS w SET random_number = u.random_number "
            + "FROM unnest($1::int4[], $2::int4[]) AS u (id, random_number) WHERE w.id = u.id";
    static final String FORTUNES = "SELECT id, message FROM bench_fortune";
    static final String INSERT_ITEMS = "INSERT INTO bench_item (name, quantity, score) "
            + "SELECT * FROM unnest($1::text[], $2::int4[], $3::int4[]) RETURNING id";
    static final String INSERT_ITEMS_NO_IDS = "INSERT INTO bench_item (name, quantity, score) "
            + "SELECT * FROM unnest($1::text[], $2::int4[], $3::int4[])";
    static final String EVENTS = "SELECT id, name, amount FROM bench_event";
    static final String AUTHORS = "SELECT id, name FROM bench_author ORDER BY id";
    static final String BOOKS_OF_AUTHORS = "SELECT id, title, year, author_id FROM bench_book WHERE author_id = ANY($1) ORDER BY id";
    static final String AUTHORS_JOIN_BOOKS = "SELECT a.id, a.name, b.id, b.title, b.year FROM bench_author a "
            + "JOIN bench_book b ON b.author_id = a.id ORDER BY a.id, b.id";

    /** W11 as an expert writes it on PostgreSQL: a top-3 subquery per author key, joined laterally. */
    static final String LATEST_BOOKS_OF_AUTHORS = "SELECT b.id, b.title, b.year, b.author_id FROM unnest($1::integer[]) AS k(id) "
            + "CROSS JOIN LATERAL (SELECT id, title, year, author_id FROM bench_book WHERE author_id = k.id "
            + "ORDER BY year DESC, id LIMIT 3) b";
    static final String AUTHOR_BY_ID = "SELECT id, name FROM bench_author WHERE id = $1";
    static final String BOOKS_OF_AUTHOR = "SELECT id, title, year, author_id FROM bench_book WHERE author_id = $1 ORDER BY id";
    static final String BOOK_PAGE = "SELECT id, title, year, author_id FROM bench_book "
            + "WHERE year BETWEEN $1 AND $2 AND title LIKE $3 ESCAPE '!' ORDER BY year DESC, id LIMIT $4 OFFSET $5";

    private final ConnectionFactory pool;

    /** A contender over a pooled connection factory. */
    public RawContender(ConnectionFactory pool) {
        this.pool = pool;
    }

    @Override
    public String name() {
        return "raw";
    }

    record WorldRow(int id, int randomNumber) {
    }

    record FortuneRow(int id, String message) {
    }

    record EventRow(long id, String name, int amount) {
    }

    record AuthorRow(int id, String name) {
    }

    record BookRow(int id, String title, int year, int authorId) {
    }

    record AuthorBookRow(int authorId, String authorName, int bookId, String title, int year) {
    }

    private static WorldRow world(Readable row) {
        return new WorldRow(row.get(0, Integer.class), row.get(1, Integer.class));
    }

    private static AuthorRow author(Readable row) {
        return new AuthorRow(row.get(0, Integer.class), row.get(1, String.class));
    }

    private static BookRow book(Readable row) {
        return new BookRow(row.get(0, Integer.class), row.get(1, String.class), row.get(2, Integer.class),
                row.get(3, Integer.class));
    }

    private <T> Mono<T> withConnection(Function<Connection, Mono<T>> work) {
        return Mono.usingWhen(pool.create(), work, Connection::close);
    }

    private <T> Flux<T> withConnectionMany(Function<Connection, Flux<T>> work) {
        return Flux.usingWhen(pool.create(), work, Connection::close);
    }

    private Mono<WorldRow> worldRow(int id) {
        return withConnection(connection -> Flux.from(connection.createStatement(WORLD_BY_ID).bind(0, id).execute())
                .concatMap(result -> result.map(RawContender::world))
                .next());     // like Mono.from(...): done at the row, the pool gets the connection back at once
    }

    @Override
    public Mono<Long> findWorld(int id) {
        return worldRow(id).map(world -> Checksums.world(world.id(), world.randomNumber()));
    }

    @Override
    public Mono<Long> findWorlds(int[] ids) {
        return Flux.range(0, ids.length)
                .flatMap(i -> worldRow(ids[i]))
                .reduce(0L, (sum, world) -> sum + Checksums.world(world.id(), world.randomNumber()));
    }

    @Override
    public Mono<Long> fortunes() {
        return withConnection(connection -> Flux.from(connection.createStatement(FORTUNES).execute())
                .concatMap(result -> result.map(row -> new FortuneRow(row.get(0, Integer.class), row.get(1, String.class))))
                .collectList())
                .map(found -> {
                    List<FortuneRow> fortunes = new ArrayList<>(found);
                    fortunes.add(new FortuneRow(0, Checksums.ADDED_FORTUNE));
                    fortunes.sort(Comparator.comparing(FortuneRow::message));
                    return Checksums.messages(fortunes.stream().map(FortuneRow::message).toList());
                });
    }

    @Override
    public Mono<Long> readThenUpdate(int[] ids, int[] numbers) {
        return Flux.range(0, ids.length)
                .flatMap(i -> worldRow(ids[i]).map(world -> new WorldRow(world.id(), numbers[i])))
                .collectSortedList(java.util.Comparator.comparingInt(WorldRow::id))
                .flatMap(this::updateAll);
    }

    /** The rows written in one {@code UPDATE ... FROM unnest(ids, numbers)}; emits the checksum of their ids. */
    private Mono<Long> updateAll(List<WorldRow> worlds) {
        Integer[] ids = new Integer[worlds.size()];
        Integer[] numbers = new Integer[worlds.size()];
        long checksum = 0;
        for (int i = 0; i < ids.length; i++) {
            ids[i] = worlds.get(i).id();
            numbers[i] = worlds.get(i).randomNumber();
            checksum += ids[i];
        }
        long sum = checksum;
        return withConnection(connection -> Flux.from(connection.createStatement(UPDATE_WORLDS)
                        .bind(0, ids).bind(1, numbers).execute())
                .concatMap(result -> result.getRowsUpdated())
                .reduce(0L, Long::sum))
                .thenReturn(sum);
    }

    @Override
    public Mono<Long> insertItems(List<ItemData> items) {
        String[] names = new String[items.size()];
        Integer[] quantities = new Integer[items.size()];
        Integer[] scores = new Integer[items.size()];
        for (int i = 0; i < items.size(); i++) {
            ItemData item = items.get(i);
            names[i] = item.name();
            quantities[i] = item.quantity();
            scores[i] = item.score();
        }
        return withConnection(connection -> Flux.from(connection.createStatement(INSERT_ITEMS)
                        .bind(0, names).bind(1, quantities).bind(2, scores).execute())
                .concatMap(result -> result.map(row -> row.get(0, Long.class)))
                .count());
    }

    @Override
    public Mono<Long> insertItemsWithoutIds(List<ItemData> items) {
        String[] names = new String[items.size()];
        Integer[] quantities = new Integer[items.size()];
        Integer[] scores = new Integer[items.size()];
        for (int i = 0; i < items.size(); i++) {
            ItemData item = items.get(i);
            names[i] = item.name();
            quantities[i] = item.quantity();
            scores[i] = item.score();
        }
        return withConnection(connection -> Flux.from(connection.createStatement(INSERT_ITEMS_NO_IDS)
                        .bind(0, names).bind(1, quantities).bind(2, scores).execute())
                .concatMap(result -> result.getRowsUpdated())
                .reduce(0L, Long::sum));
    }

    @Override
    public Mono<Long> streamEvents() {
        return withConnectionMany(connection -> Flux.from(connection.createStatement(EVENTS).execute())
                .concatMap(result -> result.map(row -> new EventRow(row.get(0, Long.class), row.get(1, String.class),
                        row.get(2, Integer.class)))))
                .count();
    }

    @Override
    public boolean runs(io.rowflow.benchmarks.Workload workload) {
        return true;
    }

    @Override
    public Mono<Long> streamEventsInTransaction() {
        return withConnection(connection -> Mono.from(connection.beginTransaction())
                .then(Flux.from(connection.createStatement(EVENTS).execute())
                        .concatMap(result -> result.map(row -> new EventRow(row.get(0, Long.class), row.get(1, String.class),
                                row.get(2, Integer.class))))
                        .count())
                .flatMap(count -> Mono.from(connection.commitTransaction()).thenReturn(count)));
    }

    @Override
    public Mono<Long> joinedAuthorsAndBooks() {
        return withConnection(connection -> Flux.from(connection.createStatement(AUTHORS_JOIN_BOOKS).execute())
                .concatMap(result -> result.map(row -> new AuthorBookRow(row.get(0, Integer.class), row.get(1, String.class),
                        row.get(2, Integer.class), row.get(3, String.class), row.get(4, Integer.class))))
                .reduceWith(Checksums.Joined::new, (checksum, row) -> checksum.add(row.authorId(), row.bookId()))
                .map(Checksums.Joined::value));
    }

    @Override
    public Mono<Long> authorsWithBooks() {
        return withConnection(connection -> Flux.from(connection.createStatement(AUTHORS).execute())
                .concatMap(result -> result.map(RawContender::author))
                .collectList()
                .flatMap(authors -> books(connection, authors).map(books -> checksum(authors, books))));
    }

    @Override
    public Mono<Long> authorsWithLatestBooks() {
        return withConnection(connection -> Flux.from(connection.createStatement(AUTHORS).execute())
                .concatMap(result -> result.map(RawContender::author))
                .collectList()
                .flatMap(authors -> books(connection, authors, LATEST_BOOKS_OF_AUTHORS)
                        .map(books -> checksum(authors, books))));
    }

    private static Mono<Map<Integer, List<BookRow>>> books(Connection connection, List<AuthorRow> authors) {
        return books(connection, authors, BOOKS_OF_AUTHORS);
    }

    private static Mono<Map<Integer, List<BookRow>>> books(Connection connection, List<AuthorRow> authors, String sql) {
        Integer[] ids = new Integer[authors.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = authors.get(i).id();
        }
        return Flux.from(connection.createStatement(sql).bind(0, ids).execute())
                .concatMap(result -> result.map(RawContender::book))
                .collect(HashMap::new, (byAuthor, book) -> byAuthor
                        .computeIfAbsent(book.authorId(), key -> new ArrayList<>()).add(book));
    }

    private static long checksum(List<AuthorRow> authors, Map<Integer, List<BookRow>> books) {
        long checksum = 0;
        for (AuthorRow author : authors) {
            checksum = Checksums.fold(checksum, author.id());
            for (BookRow book : books.getOrDefault(author.id(), List.of())) {
                checksum = Checksums.fold(checksum, book.id());
            }
        }
        return checksum;
    }

    @Override
    public Mono<Long> authorWithBooks(int authorId) {
        return withConnection(connection -> Flux.from(connection.createStatement(AUTHOR_BY_ID).bind(0, authorId).execute())
                .concatMap(result -> result.map(RawContender::author))
                .singleOrEmpty()
                .flatMap(author -> booksOf(connection, author)
                        .map(books -> checksum(List.of(author), Map.of(author.id(), books)))));
    }

    private static Mono<List<BookRow>> booksOf(Connection connection, AuthorRow author) {
        return Flux.from(connection.createStatement(BOOKS_OF_AUTHOR).bind(0, author.id()).execute())
                .concatMap(result -> result.map(RawContender::book))
                .collectList();
    }

    @Override
    public Mono<Long> bookPage(BookPage page) {
        String pattern = page.titlePrefix().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return withConnection(connection -> Flux.from(connection.createStatement(BOOK_PAGE)
                        .bind(0, page.fromYear()).bind(1, page.toYear()).bind(2, pattern)
                        .bind(3, (long) page.limit()).bind(4, (long) page.offset()).execute())
                .concatMap(result -> result.map(RawContender::book))
                .reduce(0L, (checksum, book) -> Checksums.fold(checksum, book.id())));
    }
}
