package io.rowflow.benchmarks.jmh;

import static io.rowflow.benchmarks.rowflow.Book_.BOOK;
import static io.rowflow.benchmarks.rowflow.World_.WORLD;
import static io.rowflow.query.Queries.select;

import io.rowflow.Database;
import io.rowflow.benchmarks.rowflow.Book;
import io.rowflow.benchmarks.rowflow.World;
import io.rowflow.query.SelectQuery;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The SQL of a query shape that runs again and again (W8's page query, a lookup by id): rendering
 * a query value kept in a constant, and building the query with new values then rendering it, as
 * a request handler does. {@code db.toSql} renders exactly as {@code db.fetch} does before it
 * executes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SqlRenderingBenchmark {

    private Database db;
    private SelectQuery<Book> page;
    private SelectQuery<World> byId;
    private int offset;

    /** Builds the database (no connection) and the query values once. */
    @Setup
    public void setUp() {
        db = OfflineDatabase.create();
        page = pageQuery(20);
        byId = select(WORLD).where(WORLD.id.eq(42));
    }

    private static SelectQuery<Book> pageQuery(int offset) {
        return select(BOOK)
                .where(BOOK.year.between(1950, 1990).and(BOOK.title.startsWith("The")))
                .orderBy(BOOK.year.desc(), BOOK.id.asc())
                .limit(20)
                .offset(offset);
    }

    /** Renders W8's page query, kept as a value. */
    @Benchmark
    public String renderPageQuery() {
        return db.toSql(page);
    }

    /** Builds W8's page query with a new offset and renders it. */
    @Benchmark
    public String buildAndRenderPageQuery() {
        offset = (offset + 20) % 200;
        return db.toSql(pageQuery(offset));
    }

    /** Renders a lookup by primary key, kept as a value. */
    @Benchmark
    public String renderLookupById() {
        return db.toSql(byId);
    }
}
