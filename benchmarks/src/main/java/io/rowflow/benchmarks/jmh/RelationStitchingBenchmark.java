package io.rowflow.benchmarks.jmh;

import io.rowflow.Database;
import io.rowflow.Ref;
import io.rowflow.benchmarks.rowflow.Author;
import io.rowflow.benchmarks.rowflow.Book;
import io.rowflow.internal.mapping.DefaultEntityModel;
import io.rowflow.internal.mapping.MappedColumn;
import io.rowflow.internal.mapping.MappedRelation;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The per-entity steps of loading a one-to-many (W7): reading a child's foreign key and a parent's
 * id to group children under parents, and setting the loaded collection on a record parent. These
 * are the entity-model calls {@code RelationLoader} makes for every parent and child of a batch.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RelationStitchingBenchmark {

    private final Book book = new Book(7, "The book 7", 1960, Ref.to(3));
    private final Author author = new Author(3, "Author 3", null);
    private final List<Book> books = List.of(book);
    private DefaultEntityModel<Book> bookModel;
    private DefaultEntityModel<Author> authorModel;
    private MappedColumn authorId;
    private MappedRelation booksRelation;

    /** Builds the entity models once, as a database does. */
    @Setup
    public void setUp() {
        Database db = OfflineDatabase.create();
        bookModel = (DefaultEntityModel<Book>) db.model(Book.class);
        authorModel = (DefaultEntityModel<Author>) db.model(Author.class);
        authorId = Objects.requireNonNull(bookModel.column("author"), "author column");
        booksRelation = Objects.requireNonNull(authorModel.relation("books"), "books relation");
    }

    /** Rowflow: a child's foreign key, as {@code RelationLoader.group} reads it. */
    @Benchmark
    public Object rowflowForeignKey() {
        return bookModel.valueOf(book, authorId);
    }

    /** By hand: the same foreign key. */
    @Benchmark
    public Object handWrittenForeignKey() {
        return book.author().id();
    }

    /** Rowflow: a parent's id, as {@code RelationLoader} reads it for keys and grouping. */
    @Benchmark
    public Object rowflowId() {
        return authorModel.idOf(author);
    }

    /** Rowflow: a record parent rebuilt with its loaded books. */
    @Benchmark
    public Author rowflowWithRelation() {
        return authorModel.withRelation(author, booksRelation, books);
    }

    /** By hand: the same record with its books. */
    @Benchmark
    public Author handWrittenWithRelation() {
        return new Author(author.id(), author.name(), books);
    }
}
