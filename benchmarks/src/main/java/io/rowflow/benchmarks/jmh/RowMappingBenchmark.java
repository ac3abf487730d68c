package io.rowflow.benchmarks.jmh;

import io.r2dbc.spi.Row;
import io.rowflow.Database;
import io.rowflow.benchmarks.rowflow.Author;
import io.rowflow.benchmarks.rowflow.Book;
import io.rowflow.benchmarks.rowflow.World;
import io.rowflow.internal.execution.EntityRowMapper;
import io.rowflow.internal.mapping.DefaultEntityModel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Mapping one row to an entity: Rowflow's mapper for SQL it rendered itself (columns by position,
 * values through the column codecs, the record's canonical constructor) against the hand-written
 * {@code new World(row.get(0, Integer.class), ...)} of the raw contender. Uses Rowflow's internal
 * mapper directly: it is what every query runs per row.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RowMappingBenchmark {

    private final Row worldRow = new InMemoryRow(42, 4711);
    private final Row bookRow = new InMemoryRow(7, "The book 7", 1960, 3);
    private final Row authorRow = new InMemoryRow(3, "Author 3");
    private EntityRowMapper<World> worldMapper;
    private EntityRowMapper<Book> bookMapper;
    private EntityRowMapper<Author> authorMapper;

    /** Builds the entity models once, as a database does. */
    @Setup
    public void setUp() {
        Database db = OfflineDatabase.create();
        worldMapper = EntityRowMapper.byPosition((DefaultEntityModel<World>) db.model(World.class));
        bookMapper = EntityRowMapper.byPosition((DefaultEntityModel<Book>) db.model(Book.class));
        authorMapper = EntityRowMapper.byPosition((DefaultEntityModel<Author>) db.model(Author.class));
    }

    /** Rowflow: a two-column record. */
    @Benchmark
    public World rowflowWorld() {
        return worldMapper.apply(worldRow, null);
    }

    /** By hand: a two-column record. */
    @Benchmark
    public World handWrittenWorld() {
        return new World(worldRow.get(0, Integer.class), worldRow.get(1, Integer.class));
    }

    /** Rowflow: a record with a many-to-one {@code Ref} and an unloaded relationship. */
    @Benchmark
    public Book rowflowBook() {
        return bookMapper.apply(bookRow, null);
    }

    /** By hand: the same four columns into a record. */
    @Benchmark
    public HandBook handWrittenBook() {
        return new HandBook(bookRow.get(0, Integer.class), bookRow.get(1, String.class), bookRow.get(2, Integer.class),
                bookRow.get(3, Integer.class));
    }

    /** Rowflow: a record with a one-to-many collection left unloaded (W7's parents before stitching). */
    @Benchmark
    public Author rowflowAuthor() {
        return authorMapper.apply(authorRow, null);
    }

    /** The raw contender's book row. */
    public record HandBook(int id, String title, int year, int authorId) {
    }
}
