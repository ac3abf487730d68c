package io.rowflow.benchmarks.jmh;

import static io.rowflow.benchmarks.rowflow.Author_.AUTHOR;
import static io.rowflow.benchmarks.rowflow.Book_.BOOK;
import static io.rowflow.query.Queries.select;

import io.rowflow.benchmarks.rowflow.RowflowContender.AuthorBook;
import io.rowflow.query.SelectQuery;
import io.rowflow.sql.Projection;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * W10's per-request and per-row work outside the driver: building the {@code JOIN} query projected
 * into a record (the record's constructor is resolved once per type, not per build), and creating
 * one record from a row's values through the projection's factory against {@code new AuthorBook(...)}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ProjectionBenchmark {

    private final Object[] values = {3, "Author 3", 31, "The book 31", 1961};
    private Projection.RowValues<AuthorBook> factory;

    /** Builds the projection once, as a query kept in a constant would. */
    @Setup
    public void setUp() {
        factory = ((Projection.Values<AuthorBook>) io.rowflow.internal.model.SelectModel.of(joinQuery().toStatement()).projection()).factory();
    }

    private static SelectQuery<AuthorBook> joinQuery() {
        return select(AuthorBook.class, AUTHOR.id, AUTHOR.name, BOOK.id, BOOK.title, BOOK.year)
                .from(AUTHOR).join(BOOK).on(BOOK.author.eq(AUTHOR))
                .orderBy(AUTHOR.id.asc(), BOOK.id.asc());
    }

    /** Builds W10's query, as its request handler does on every request. */
    @Benchmark
    public SelectQuery<AuthorBook> buildJoinQuery() {
        return joinQuery();
    }

    /** Rowflow: one record from a row's values, through the projection's factory. */
    @Benchmark
    public AuthorBook rowflowRecord() {
        return factory.create(values);
    }

    /** By hand: the same record from the same values. */
    @Benchmark
    public AuthorBook handWrittenRecord() {
        return new AuthorBook((Integer) values[0], (String) values[1], (Integer) values[2], (String) values[3],
                (Integer) values[4]);
    }
}
