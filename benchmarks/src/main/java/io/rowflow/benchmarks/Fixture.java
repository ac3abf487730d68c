package io.rowflow.benchmarks;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Creates the benchmark schema and its tables and fills them, once: a table whose row count is
 * already right is left alone, so a second run starts measuring within seconds. Everything lives
 * in one schema of its own ({@code rowflow_bench} by default), in tables named {@code bench_*}.
 */
public final class Fixture {

    /** Rows of the world table (W1, W2, W4). */
    public static final int WORLD_ROWS = 10_000;
    /** Authors of W7, each with {@link #BOOKS_PER_AUTHOR} books. */
    public static final int AUTHORS = 1_000;
    /** Books per author. */
    public static final int BOOKS_PER_AUTHOR = 10;

    private static final List<String> FORTUNES = List.of(
            "fortune: No such file or directory",
            "A computer scientist is someone who fixes things that aren't broken.",
            "After enough decimal places, nobody gives a damn.",
            "A bad random number generator: 1, 1, 1, 1, 1, 4.33e+67, 1, 1, 1",
            "A computer program does what you tell it to do, not what you want it to do.",
            "Emacs is a nice operating system, but I prefer UNIX. — Tom Christaensen",
            "Any program that runs right is obsolete.",
            "A list is only as strong as its weakest link. — Donald Knuth",
            "Feature: A bug with seniority.",
            "Computers make very fast, very accurate mistakes.",
            "<script>alert(\"This should not be displayed in a browser alert box.\");</script>",
            "フレームワークのベンチマーク");

    private Fixture() {
    }

    /** Creates and fills what is missing; {@code eventRows} is the size of W6's streamed table. */
    public static void prepare(String url, String schema, int eventRows) {
        ConnectionFactory plain = ConnectionFactories.get(url);
        run(plain, List.of("CREATE SCHEMA IF NOT EXISTS " + schema));
        ConnectionFactory factory = ConnectionFactories.get(Pools.options(url, schema));
        run(factory, List.of(
                "CREATE TABLE IF NOT EXISTS bench_world (id integer PRIMARY KEY, random_number integer NOT NULL)",
                "CREATE TABLE IF NOT EXISTS bench_fortune (id integer PRIMARY KEY, message varchar(2048) NOT NULL)",
                "CREATE TABLE IF NOT EXISTS bench_item (id bigserial PRIMARY KEY, name text NOT NULL, "
                        + "quantity integer NOT NULL, score integer NOT NULL)",
                "CREATE TABLE IF NOT EXISTS bench_event (id bigint PRIMARY KEY, name text NOT NULL, amount integer NOT NULL)",
                "CREATE TABLE IF NOT EXISTS bench_author (id integer PRIMARY KEY, name text NOT NULL)",
                "CREATE TABLE IF NOT EXISTS bench_book (id integer PRIMARY KEY, title text NOT NULL, year integer NOT NULL, "
                        + "author_id integer NOT NULL REFERENCES bench_author (id))",
                "CREATE INDEX IF NOT EXISTS bench_book_author ON bench_book (author_id)",
                "CREATE INDEX IF NOT EXISTS bench_book_year ON bench_book (year)"));
        if (count(factory, "bench_world") != WORLD_ROWS) {
            run(factory, List.of("TRUNCATE bench_world",
                    "INSERT INTO bench_world SELECT i, 1 + (i * 7919) % 10000 FROM generate_series(1, " + WORLD_ROWS + ") i",
                    "ANALYZE bench_world"));
        }
        if (count(factory, "bench_fortune") != FORTUNES.size()) {
            run(factory, List.of("TRUNCATE bench_fortune"));
            for (int i = 0; i < FORTUNES.size(); i++) {
                int id = i + 1;
                String message = FORTUNES.get(i);
                withConnection(factory, connection -> Mono.from(connection
                        .createStatement("INSERT INTO bench_fortune (id, message) VALUES ($1, $2)")
                        .bind(0, id).bind(1, message).execute()).flatMap(r -> Mono.from(r.getRowsUpdated())).then());
            }
        }
        if (count(factory, "bench_book") != AUTHORS * BOOKS_PER_AUTHOR) {
            run(factory, List.of("TRUNCATE bench_book, bench_author",
                    "INSERT INTO bench_author SELECT i, 'Author ' || i FROM generate_series(1, " + AUTHORS + ") i",
                    "INSERT INTO bench_book SELECT i, (ARRAY['The ', 'A ', 'Some ', 'Our '])[1 + i % 4] || 'book ' || i, "
                            + "1900 + (i * 7919) % 120, 1 + (i - 1) / " + BOOKS_PER_AUTHOR
                            + " FROM generate_series(1, " + AUTHORS * BOOKS_PER_AUTHOR + ") i",
                    "ANALYZE bench_author", "ANALYZE bench_book"));
        }
        if (count(factory, "bench_event") != eventRows) {
            run(factory, List.of("TRUNCATE bench_event",
                    "INSERT INTO bench_event SELECT i, 'event ' || i, (i * 31) % 1000 FROM generate_series(1, " + eventRows + ") i",
                    "ANALYZE bench_event"));
        }
        resetItems(factory);
    }

    /** Empties W5's table and restarts its ids, so every contender inserts into the same empty table. */
    public static void resetItems(ConnectionFactory factory) {
        run(factory, List.of("TRUNCATE bench_item RESTART IDENTITY"));
    }

    /** The PostgreSQL server version, for the report. */
    public static String serverVersion(ConnectionFactory factory) {
        return withConnection(factory, connection -> Flux.from(connection.createStatement("SHOW server_version").execute())
                .flatMap(result -> result.map(row -> row.get(0, String.class))).next());
    }

    private static long count(ConnectionFactory factory, String table) {
        Long rows = withConnection(factory, connection -> Flux.from(connection.createStatement("SELECT count(*) FROM " + table)
                .execute()).flatMap(result -> result.map(row -> row.get(0, Long.class))).next());
        return rows == null ? 0 : rows;
    }

    private static void run(ConnectionFactory factory, List<String> statements) {
        withConnection(factory, connection -> Flux.fromIterable(statements)
                .concatMap(sql -> Flux.from(connection.createStatement(sql).execute()).flatMap(r -> r.getRowsUpdated()))
                .then());
    }

    private static <T> T withConnection(ConnectionFactory factory, java.util.function.Function<Connection, Mono<T>> work) {
        return Mono.usingWhen(factory.create(), work, Connection::close).block(Duration.ofMinutes(5));
    }
}
