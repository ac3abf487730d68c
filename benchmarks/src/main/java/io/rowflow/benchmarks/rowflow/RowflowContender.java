package io.rowflow.benchmarks.rowflow;

import static io.rowflow.benchmarks.rowflow.Author_.AUTHOR;
import static io.rowflow.benchmarks.rowflow.Book_.BOOK;
import static io.rowflow.query.Queries.select;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.Coalescing;
import io.rowflow.Database;
import io.rowflow.DatabaseBuilder;
import io.rowflow.benchmarks.Checksums;
import io.rowflow.benchmarks.Contender;
import io.rowflow.query.SelectQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rowflow used as its documentation shows: entities, {@code findById}, {@code insertAll}, the query
 * DSL, fetch plans. The same class runs as {@code rowflow} (coalescing as configured) and as
 * {@code rowflow-uncoalesced} ({@link Coalescing#disabled()}), so the two differ in nothing else.
 */
public final class RowflowContender implements Contender {

    /** W7 loads all 1,000 authors in one batch, so it sends as many statements as the two-query raw version. */
    public static final int AUTHOR_BATCH = 1_000;

    private static final SelectQuery<Author> AUTHORS_WITH_BOOKS =
            select(AUTHOR).orderBy(AUTHOR.id.asc()).with(AUTHOR.books).batchSize(AUTHOR_BATCH);

    private static final SelectQuery<Author> AUTHORS_WITH_LATEST_BOOKS = select(AUTHOR).orderBy(AUTHOR.id.asc())
            .with(AUTHOR.books.orderBy(BOOK.year.desc()).limit(3)).batchSize(AUTHOR_BATCH);

    private final String name;
    private final Database db;

    /** A contender named {@code name} over a pooled connection factory, coalescing lookups as set. */
    public RowflowContender(ConnectionFactory pool, String name, Coalescing coalescing) {
        this(pool, name, coalescing, null);
    }

    /** As above, reporting every statement to {@code listener} when there is one. */
    public RowflowContender(ConnectionFactory pool, String name, Coalescing coalescing,
                            io.rowflow.observe.@org.jspecify.annotations.Nullable OperationListener listener) {
        this.name = name;
        DatabaseBuilder builder = Database.builder(pool).coalescing(coalescing);
        if (listener != null) {
            builder.listener(listener);
        }
        this.db = builder.build();
    }

    @Override
    public String name() {
        return name;
    }

    /** The database, for tests and microbenchmarks. */
    public Database database() {
        return db;
    }

    @Override
    public Mono<Long> findWorld(int id) {
        return db.findById(World.class, id).map(world -> Checksums.world(world.id(), world.randomNumber()));
    }

    @Override
    public Mono<Long> findWorlds(int[] ids) {
        return Flux.range(0, ids.length)
                .flatMap(i -> db.findById(World.class, ids[i]))
                .reduce(0L, (sum, world) -> sum + Checksums.world(world.id(), world.randomNumber()));
    }

    @Override
    public Mono<Long> fortunes() {
        return db.findAll(Fortune.class).collectList().map(found -> {
            List<Fortune> fortunes = new ArrayList<>(found);
            fortunes.add(new Fortune(0, Checksums.ADDED_FORTUNE));
            fortunes.sort(Comparator.comparing(Fortune::message));
            return Checksums.messages(fortunes.stream().map(Fortune::message).toList());
        });
    }

    @Override
    public Mono<Long> readThenUpdate(int[] ids, int[] numbers) {
        return Flux.range(0, ids.length)
                .flatMap(i -> db.findById(World.class, ids[i]).map(world -> new World(world.id(), numbers[i])))
                .collectSortedList(Comparator.comparingInt(World::id))
                .flatMapMany(db::updateAll)
                .reduce(0L, (sum, world) -> sum + world.id());
    }

    @Override
    public Mono<Long> insertItems(List<ItemData> items) {
        List<Item> entities = new ArrayList<>(items.size());
        for (ItemData item : items) {
            entities.add(new Item(null, item.name(), item.quantity(), item.score()));
        }
        return db.insertAll(entities).filter(item -> item.id() != null).count();
    }

    @Override
    public Mono<Long> insertItemsWithoutIds(List<ItemData> items) {
        List<Item> entities = new ArrayList<>(items.size());
        for (ItemData item : items) {
            entities.add(new Item(null, item.name(), item.quantity(), item.score()));
        }
        return db.insertAll(entities).count();
    }

    @Override
    public Mono<Long> streamEvents() {
        return db.findAll(Event.class).count();
    }

    @Override
    public boolean runs(io.rowflow.benchmarks.Workload workload) {
        return true;
    }

    @Override
    public Mono<Long> streamEventsInTransaction() {
        return db.inTransaction(tx -> db.findAll(Event.class).count()).single();
    }

    /** W10: the DSL's join, built per request as an application writes it, projected into records. */
    @Override
    public Mono<Long> joinedAuthorsAndBooks() {
        return db.fetch(select(AuthorBook.class, AUTHOR.id, AUTHOR.name, BOOK.id, BOOK.title, BOOK.year)
                        .from(AUTHOR).join(BOOK).on(BOOK.author.eq(AUTHOR))
                        .orderBy(AUTHOR.id.asc(), BOOK.id.asc()))
                .reduceWith(Checksums.Joined::new, (checksum, row) -> checksum.add(row.authorId(), row.bookId()))
                .map(Checksums.Joined::value);
    }

    /** A row of W10's join. */
    public record AuthorBook(Integer authorId, String authorName, Integer bookId, String title, int year) {
    }

    @Override
    public Mono<Long> authorsWithBooks() {
        return db.fetch(AUTHORS_WITH_BOOKS).reduce(0L, RowflowContender::fold);
    }

    @Override
    public Mono<Long> authorsWithLatestBooks() {
        return db.fetch(AUTHORS_WITH_LATEST_BOOKS).reduce(0L, RowflowContender::fold);
    }

    @Override
    public Mono<Long> authorWithBooks(int authorId) {
        return db.findById(Author.class, authorId, AUTHOR.books).map(author -> fold(0L, author));
    }

    /** Folds the author's id, then its books' ids, into the checksum. */
    private static long fold(long checksum, Author author) {
        long folded = Checksums.fold(checksum, author.id());
        for (Book book : author.books()) {
            folded = Checksums.fold(folded, book.id());
        }
        return folded;
    }

    @Override
    public Mono<Long> bookPage(BookPage page) {
        return db.fetch(select(BOOK)
                        .where(BOOK.year.between(page.fromYear(), page.toYear())
                                .and(BOOK.title.startsWith(page.titlePrefix())))
                        .orderBy(BOOK.year.desc(), BOOK.id.asc())
                        .limit(page.limit())
                        .offset(page.offset()))
                .reduce(0L, (checksum, book) -> Checksums.fold(checksum, book.id()));
    }
}
