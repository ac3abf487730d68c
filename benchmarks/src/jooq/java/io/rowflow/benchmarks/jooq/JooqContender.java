package io.rowflow.benchmarks.jooq;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.table;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.benchmarks.Checksums;
import io.rowflow.benchmarks.Contender;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Records;
import org.jooq.Row3;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * jOOQ as its manual shows reactive use: a {@code DSLContext} over the pooled R2DBC
 * {@code ConnectionFactory}, queries built with the DSL and subscribed to as publishers
 * ({@code Flux.from(ctx.select(...))}), records mapped into Java records with
 * {@code Records.mapping}. Tables and columns are declared by hand (what jOOQ's code generator would
 * write), as the benchmark schema is created at run time.
 *
 * <p>W5 is one multi-row {@code INSERT ... VALUES ... RETURNING id} of all 10,000 rows. W7 and W9
 * nest each author's books with {@code MULTISET} (one statement; on PostgreSQL jOOQ aggregates the
 * books to JSON in the database and parses them back), the way jOOQ recommends loading nested
 * collections.
 */
public final class JooqContender implements Contender {

    private static final Table<?> WORLD = table(DSL.name("bench_world"));
    private static final Field<Integer> WORLD_ID = field(DSL.name("bench_world", "id"), SQLDataType.INTEGER);
    private static final Field<Integer> RANDOM_NUMBER = field(DSL.name("bench_world", "random_number"), SQLDataType.INTEGER);

    private static final Table<?> FORTUNE = table(DSL.name("bench_fortune"));
    private static final Field<Integer> FORTUNE_ID = field(DSL.name("bench_fortune", "id"), SQLDataType.INTEGER);
    private static final Field<String> MESSAGE = field(DSL.name("bench_fortune", "message"), SQLDataType.VARCHAR);

    private static final Table<?> ITEM = table(DSL.name("bench_item"));
    private static final Field<Long> ITEM_ID = field(DSL.name("bench_item", "id"), SQLDataType.BIGINT);
    private static final Field<String> ITEM_NAME = field(DSL.name("bench_item", "name"), SQLDataType.VARCHAR);
    private static final Field<Integer> QUANTITY = field(DSL.name("bench_item", "quantity"), SQLDataType.INTEGER);
    private static final Field<Integer> SCORE = field(DSL.name("bench_item", "score"), SQLDataType.INTEGER);

    private static final Table<?> EVENT = table(DSL.name("bench_event"));
    private static final Field<Long> EVENT_ID = field(DSL.name("bench_event", "id"), SQLDataType.BIGINT);
    private static final Field<String> EVENT_NAME = field(DSL.name("bench_event", "name"), SQLDataType.VARCHAR);
    private static final Field<Integer> AMOUNT = field(DSL.name("bench_event", "amount"), SQLDataType.INTEGER);

    private static final Table<?> AUTHOR = table(DSL.name("bench_author"));
    private static final Field<Integer> AUTHOR_ID = field(DSL.name("bench_author", "id"), SQLDataType.INTEGER);
    private static final Field<String> AUTHOR_NAME = field(DSL.name("bench_author", "name"), SQLDataType.VARCHAR);

    private static final Table<?> BOOK = table(DSL.name("bench_book"));
    private static final Field<Integer> BOOK_ID = field(DSL.name("bench_book", "id"), SQLDataType.INTEGER);
    private static final Field<String> TITLE = field(DSL.name("bench_book", "title"), SQLDataType.VARCHAR);
    private static final Field<Integer> YEAR = field(DSL.name("bench_book", "year"), SQLDataType.INTEGER);
    private static final Field<Integer> BOOK_AUTHOR_ID = field(DSL.name("bench_book", "author_id"), SQLDataType.INTEGER);

    /** Each author's books, ordered by id, as a nested collection of the author's row. */
    private static final Field<List<BookRow>> BOOKS = multiset(
            select(BOOK_ID, TITLE, YEAR, BOOK_AUTHOR_ID).from(BOOK).where(BOOK_AUTHOR_ID.eq(AUTHOR_ID)).orderBy(BOOK_ID))
            .as("books")
            .convertFrom(books -> books.map(Records.mapping(BookRow::new)));

    private final DSLContext ctx;

    /** A contender over a pooled connection factory. */
    public JooqContender(ConnectionFactory pool) {
        this.ctx = DSL.using(pool, SQLDialect.POSTGRES);
    }

    @Override
    public String name() {
        return "jooq";
    }

    @Override
    public String describe() {
        return "jOOQ " + org.jooq.Constants.FULL_VERSION;
    }

    record WorldRow(int id, int randomNumber) {
    }

    record FortuneRow(int id, String message) {
    }

    record EventRow(long id, String name, int amount) {
    }

    record BookRow(int id, String title, int year, int authorId) {
    }

    record AuthorWithBooks(int id, String name, List<BookRow> books) {
    }

    private Mono<WorldRow> world(int id) {
        return Mono.from(ctx.select(WORLD_ID, RANDOM_NUMBER).from(WORLD).where(WORLD_ID.eq(id)))
                .map(Records.mapping(WorldRow::new));
    }

    @Override
    public Mono<Long> findWorld(int id) {
        return world(id).map(world -> Checksums.world(world.id(), world.randomNumber()));
    }

    @Override
    public Mono<Long> findWorlds(int[] ids) {
        return Flux.range(0, ids.length)
                .flatMap(i -> world(ids[i]))
                .reduce(0L, (sum, world) -> sum + Checksums.world(world.id(), world.randomNumber()));
    }

    @Override
    public Mono<Long> fortunes() {
        return Flux.from(ctx.select(FORTUNE_ID, MESSAGE).from(FORTUNE))
                .map(Records.mapping(FortuneRow::new))
                .collectList()
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
                .flatMap(i -> world(ids[i]).flatMap(world -> Mono.from(ctx.update(WORLD)
                                .set(RANDOM_NUMBER, numbers[i])
                                .where(WORLD_ID.eq(world.id())))
                        .thenReturn(world)))
                .reduce(0L, (sum, world) -> sum + world.id());
    }

    @Override
    public Mono<Long> insertItems(List<ItemData> items) {
        return Flux.defer(() -> {
            List<Row3<String, Integer, Integer>> rows = new ArrayList<>(items.size());
            for (ItemData item : items) {
                rows.add(row(item.name(), item.quantity(), item.score()));
            }
            return Flux.from(ctx.insertInto(ITEM, ITEM_NAME, QUANTITY, SCORE).valuesOfRows(rows).returningResult(ITEM_ID));
        }).count();
    }

    @Override
    public Mono<Long> streamEvents() {
        return Flux.from(ctx.select(EVENT_ID, EVENT_NAME, AMOUNT).from(EVENT))
                .map(Records.mapping(EventRow::new))
                .count();
    }

    @Override
    public Mono<Long> authorsWithBooks() {
        return Flux.from(ctx.select(AUTHOR_ID, AUTHOR_NAME, BOOKS).from(AUTHOR).orderBy(AUTHOR_ID))
                .map(Records.mapping(AuthorWithBooks::new))
                .reduce(0L, JooqContender::fold);
    }

    @Override
    public Mono<Long> authorWithBooks(int authorId) {
        return Mono.from(ctx.select(AUTHOR_ID, AUTHOR_NAME, BOOKS).from(AUTHOR).where(AUTHOR_ID.eq(authorId)))
                .map(Records.mapping(AuthorWithBooks::new))
                .map(author -> fold(0L, author));
    }

    /** Folds the author's id, then its books' ids, into the checksum. */
    private static long fold(long checksum, AuthorWithBooks author) {
        long folded = Checksums.fold(checksum, author.id());
        for (BookRow book : author.books()) {
            folded = Checksums.fold(folded, book.id());
        }
        return folded;
    }

    @Override
    public Mono<Long> bookPage(BookPage page) {
        return Flux.from(ctx.select(BOOK_ID, TITLE, YEAR, BOOK_AUTHOR_ID)
                        .from(BOOK)
                        .where(YEAR.between(page.fromYear(), page.toYear()).and(TITLE.startsWith(page.titlePrefix())))
                        .orderBy(YEAR.desc(), BOOK_ID.asc())
                        .limit(page.limit())
                        .offset(page.offset()))
                .map(Records.mapping(BookRow::new))
                .reduce(0L, (checksum, book) -> Checksums.fold(checksum, book.id()));
    }
}
