package io.rowflow.benchmarks.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.rowflow.benchmarks.Checksums;
import io.rowflow.benchmarks.Contender;
import io.rowflow.benchmarks.Endpoint;
import io.rowflow.benchmarks.Pools;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.postgresql.ds.PGSimpleDataSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Blocking JDBC, the reference reactive drivers are usually compared with: a HikariCP pool of the
 * run's size, hand-written SQL in {@code PreparedStatement}s and mapping by hand, as a JDBC DAO is
 * written. Each blocking call runs on a bounded elastic scheduler with one thread per pooled
 * connection ({@code Mono.fromCallable(...).subscribeOn(...)}, the usual way to call JDBC from
 * Reactor code), so no thread waits for a connection and none of the caller's threads blocks.
 *
 * <p>One connection per statement, as the other contenders use them; W7 and W9 run their two
 * queries on one connection, like raw R2DBC. W5 is one JDBC batch of 10,000 inserts with the
 * driver's {@code reWriteBatchedInserts} (multi-row inserts on the wire) and the generated ids read
 * back, in a transaction. W6 streams through a server-side cursor: autocommit off and a fetch size
 * of 1,000, without which the PostgreSQL driver reads the whole result into memory.
 */
public final class JdbcContender implements Contender {

    private static final int STREAM_FETCH_SIZE = 1_000;

    static final String WORLD_BY_ID = "SELECT id, random_number FROM bench_world WHERE id = ?";
    static final String UPDATE_WORLD = "UPDATE bench_world SET random_number = ? WHERE id = ?";
    static final String FORTUNES = "SELECT id, message FROM bench_fortune";
    static final String INSERT_ITEM = "INSERT INTO bench_item (name, quantity, score) VALUES (?, ?, ?)";
    static final String EVENTS = "SELECT id, name, amount FROM bench_event";
    static final String AUTHORS = "SELECT id, name FROM bench_author ORDER BY id";
    static final String BOOKS_OF_AUTHORS = "SELECT id, title, year, author_id FROM bench_book WHERE author_id = ANY(?) ORDER BY id";
    static final String AUTHOR_BY_ID = "SELECT id, name FROM bench_author WHERE id = ?";
    static final String BOOKS_OF_AUTHOR = "SELECT id, title, year, author_id FROM bench_book WHERE author_id = ? ORDER BY id";
    static final String BOOK_PAGE = "SELECT id, title, year, author_id FROM bench_book "
            + "WHERE year BETWEEN ? AND ? AND title LIKE ? ESCAPE '!' ORDER BY year DESC, id LIMIT ? OFFSET ?";

    private final HikariDataSource pool;
    private final CountingDataSource counting;
    private final Scheduler scheduler;

    private JdbcContender(HikariDataSource pool, CountingDataSource counting, int threads) {
        this.pool = pool;
        this.counting = counting;
        this.scheduler = Schedulers.newBoundedElastic(threads, Integer.MAX_VALUE, "jdbc-contender", 60, true);
    }

    /** A contender with a HikariCP pool of {@code poolSize} connections (all opened up front) to the schema. */
    public static JdbcContender create(Endpoint endpoint, String schema, int poolSize) {
        PGSimpleDataSource driver = new PGSimpleDataSource();
        driver.setServerNames(new String[]{endpoint.host()});
        driver.setPortNumbers(new int[]{endpoint.port()});
        driver.setDatabaseName(endpoint.database());
        driver.setUser(endpoint.user());
        if (endpoint.password() != null) {
            driver.setPassword(endpoint.password());
        }
        driver.setCurrentSchema(schema);
        driver.setReWriteBatchedInserts(true);
        CountingDataSource counting = new CountingDataSource(driver);
        HikariConfig config = new HikariConfig();
        config.setPoolName("jdbc-contender");
        config.setDataSource(counting);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(poolSize);
        config.setConnectionTimeout(Pools.ACQUIRE_TIMEOUT.toMillis());
        return new JdbcContender(new HikariDataSource(config), counting, poolSize);
    }

    @Override
    public String name() {
        return "jdbc";
    }

    /** Statements created so far. */
    public long statements() {
        return counting.statements();
    }

    @Override
    public void close() {
        scheduler.dispose();
        pool.close();
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

    /** A blocking call on the contender's scheduler. */
    private <T> Mono<T> blocking(Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(scheduler);
    }

    private WorldRow worldRow(int id) throws SQLException {
        try (Connection connection = pool.getConnection();
             PreparedStatement statement = connection.prepareStatement(WORLD_BY_ID)) {
            statement.setInt(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? new WorldRow(rows.getInt(1), rows.getInt(2)) : null;
            }
        }
    }

    @Override
    public Mono<Long> findWorld(int id) {
        return blocking(() -> worldRow(id)).map(world -> Checksums.world(world.id(), world.randomNumber()));
    }

    @Override
    public Mono<Long> findWorlds(int[] ids) {
        return Flux.range(0, ids.length)
                .flatMap(i -> blocking(() -> worldRow(ids[i])))
                .reduce(0L, (sum, world) -> sum + Checksums.world(world.id(), world.randomNumber()));
    }

    @Override
    public Mono<Long> fortunes() {
        return blocking(this::fortuneRows).map(found -> {
            List<FortuneRow> fortunes = new ArrayList<>(found);
            fortunes.add(new FortuneRow(0, Checksums.ADDED_FORTUNE));
            fortunes.sort(Comparator.comparing(FortuneRow::message));
            return Checksums.messages(fortunes.stream().map(FortuneRow::message).toList());
        });
    }

    private List<FortuneRow> fortuneRows() throws SQLException {
        try (Connection connection = pool.getConnection();
             PreparedStatement statement = connection.prepareStatement(FORTUNES);
             ResultSet rows = statement.executeQuery()) {
            List<FortuneRow> fortunes = new ArrayList<>();
            while (rows.next()) {
                fortunes.add(new FortuneRow(rows.getInt(1), rows.getString(2)));
            }
            return fortunes;
        }
    }

    @Override
    public Mono<Long> readThenUpdate(int[] ids, int[] numbers) {
        return Flux.range(0, ids.length)
                .flatMap(i -> blocking(() -> worldRow(ids[i]))
                        .flatMap(world -> blocking(() -> update(new WorldRow(world.id(), numbers[i])))))
                .reduce(0L, (sum, world) -> sum + world.id());
    }

    private WorldRow update(WorldRow world) throws SQLException {
        try (Connection connection = pool.getConnection();
             PreparedStatement statement = connection.prepareStatement(UPDATE_WORLD)) {
            statement.setInt(1, world.randomNumber());
            statement.setInt(2, world.id());
            statement.executeUpdate();
            return world;
        }
    }

    @Override
    public Mono<Long> insertItems(List<ItemData> items) {
        return blocking(() -> insert(items));
    }

    private long insert(List<ItemData> items) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(INSERT_ITEM, new String[]{"id"})) {
                for (ItemData item : items) {
                    statement.setString(1, item.name());
                    statement.setInt(2, item.quantity());
                    statement.setInt(3, item.score());
                    statement.addBatch();
                }
                statement.executeBatch();
                long ids = 0;
                try (ResultSet keys = statement.getGeneratedKeys()) {
                    while (keys.next()) {
                        keys.getLong(1);
                        ids++;
                    }
                }
                connection.commit();
                return ids;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    @Override
    public Mono<Long> streamEvents() {
        return Flux.using(this::openEvents, EventCursor::rows, EventCursor::close)
                .subscribeOn(scheduler)
                .count();
    }

    private EventCursor openEvents() throws SQLException {
        Connection connection = pool.getConnection();
        try {
            connection.setAutoCommit(false);       // the PostgreSQL driver uses a cursor only inside a transaction
            PreparedStatement statement = connection.prepareStatement(EVENTS);
            statement.setFetchSize(STREAM_FETCH_SIZE);
            return new EventCursor(connection, statement, statement.executeQuery());
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** An open result set of W6, read row by row as the subscriber asks. */
    private record EventCursor(Connection connection, PreparedStatement statement, ResultSet results) {

        Flux<EventRow> rows() {
            return Flux.generate(sink -> {
                try {
                    if (results.next()) {
                        sink.next(new EventRow(results.getLong(1), results.getString(2), results.getInt(3)));
                    } else {
                        sink.complete();
                    }
                } catch (SQLException e) {
                    sink.error(e);
                }
            });
        }

        void close() {
            try (connection; statement; results) {
                connection.commit();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not close W6's cursor", e);
            }
        }
    }

    @Override
    public Mono<Long> authorsWithBooks() {
        return blocking(this::allAuthorsWithBooks);
    }

    private long allAuthorsWithBooks() throws SQLException {
        try (Connection connection = pool.getConnection()) {
            List<AuthorRow> authors = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(AUTHORS);
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    authors.add(new AuthorRow(rows.getInt(1), rows.getString(2)));
                }
            }
            Integer[] ids = new Integer[authors.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = authors.get(i).id();
            }
            Map<Integer, List<BookRow>> books = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(BOOKS_OF_AUTHORS)) {
                statement.setArray(1, connection.createArrayOf("int4", ids));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        BookRow book = book(rows);
                        books.computeIfAbsent(book.authorId(), key -> new ArrayList<>()).add(book);
                    }
                }
            }
            return checksum(authors, books);
        }
    }

    private static BookRow book(ResultSet rows) throws SQLException {
        return new BookRow(rows.getInt(1), rows.getString(2), rows.getInt(3), rows.getInt(4));
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
        return blocking(() -> oneAuthorWithBooks(authorId));
    }

    private Long oneAuthorWithBooks(int authorId) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            AuthorRow author;
            try (PreparedStatement statement = connection.prepareStatement(AUTHOR_BY_ID)) {
                statement.setInt(1, authorId);
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next()) {
                        return null;
                    }
                    author = new AuthorRow(rows.getInt(1), rows.getString(2));
                }
            }
            List<BookRow> books = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(BOOKS_OF_AUTHOR)) {
                statement.setInt(1, author.id());
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        books.add(book(rows));
                    }
                }
            }
            return checksum(List.of(author), Map.of(author.id(), books));
        }
    }

    @Override
    public Mono<Long> bookPage(BookPage page) {
        return blocking(() -> pageOfBooks(page));
    }

    private long pageOfBooks(BookPage page) throws SQLException {
        String pattern = page.titlePrefix().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        try (Connection connection = pool.getConnection();
             PreparedStatement statement = connection.prepareStatement(BOOK_PAGE)) {
            statement.setInt(1, page.fromYear());
            statement.setInt(2, page.toYear());
            statement.setString(3, pattern);
            statement.setLong(4, page.limit());
            statement.setLong(5, page.offset());
            long checksum = 0;
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    checksum = Checksums.fold(checksum, book(rows).id());
                }
            }
            return checksum;
        }
    }
}
