package io.rowflow.benchmarks.spring;

import static org.springframework.data.relational.core.query.Criteria.where;
import static org.springframework.data.relational.core.query.Query.query;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.benchmarks.Checksums;
import io.rowflow.benchmarks.Contender;
import io.rowflow.benchmarks.spring.SpringEntities.Author;
import io.rowflow.benchmarks.spring.SpringEntities.Book;
import io.rowflow.benchmarks.spring.SpringEntities.Event;
import io.rowflow.benchmarks.spring.SpringEntities.Fortune;
import io.rowflow.benchmarks.spring.SpringEntities.Item;
import io.rowflow.benchmarks.spring.SpringEntities.World;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.data.relational.core.query.Query;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Spring Data R2DBC used idiomatically through {@link R2dbcEntityTemplate}: criteria queries,
 * {@code insert}/{@code update} of entities, a {@link TransactionalOperator} around the bulk insert
 * (one row per statement, as {@code saveAll} does). Spring Data has no relationships, so W7 does
 * what its users do: the authors, then the books of each author (N + 1 queries); W9 selects the
 * author by id, then its books.
 */
public final class SpringDataContender implements Contender {

    private static final Sort PAGE_ORDER = Sort.by(Sort.Order.desc("year"), Sort.Order.asc("id"));

    private final R2dbcEntityTemplate template;
    private final TransactionalOperator transactional;

    /** A contender over a pooled connection factory. */
    public SpringDataContender(ConnectionFactory pool) {
        this.template = new R2dbcEntityTemplate(pool);
        this.transactional = TransactionalOperator.create(new R2dbcTransactionManager(pool));
    }

    @Override
    public String name() {
        return "spring-data";
    }

    private Mono<World> world(int id) {
        return template.selectOne(query(where("id").is(id)), World.class);
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
        return template.select(Fortune.class).all().collectList().map(found -> {
            List<Fortune> fortunes = new ArrayList<>(found);
            fortunes.add(new Fortune(0, Checksums.ADDED_FORTUNE));
            fortunes.sort(Comparator.comparing(Fortune::message));
            return Checksums.messages(fortunes.stream().map(Fortune::message).toList());
        });
    }

    @Override
    public Mono<Long> readThenUpdate(int[] ids, int[] numbers) {
        return Flux.range(0, ids.length)
                .flatMap(i -> world(ids[i]).flatMap(world -> template.update(new World(world.id(), numbers[i]))))
                .reduce(0L, (sum, world) -> sum + world.id());
    }

    @Override
    public Mono<Long> insertItems(List<ItemData> items) {
        return Flux.fromIterable(items)
                .concatMap(item -> template.insert(new Item(null, item.name(), item.quantity(), item.score())))
                .as(transactional::transactional)
                .filter(item -> item.id() != null)
                .count();
    }

    @Override
    public Mono<Long> streamEvents() {
        return template.select(Event.class).all().count();
    }

    @Override
    public Mono<Long> authorsWithBooks() {
        return template.select(Author.class).matching(Query.empty().sort(Sort.by("id"))).all()
                .flatMapSequential(author -> booksOf(author)
                        .map(books -> new long[]{checksum(author, books), books.size()}))
                .reduce(0L, (checksum, authorAndBooks) -> fold(checksum, authorAndBooks));
    }

    @Override
    public Mono<Long> authorsWithLatestBooks() {
        return template.select(Author.class).matching(Query.empty().sort(Sort.by("id"))).all()
                .flatMapSequential(author -> template.select(Book.class)
                        .matching(query(where("authorId").is(author.id()))
                                .sort(Sort.by(Sort.Order.desc("year"), Sort.Order.asc("id"))).limit(3))
                        .all().collectList()
                        .map(books -> new long[]{checksum(author, books), books.size()}))
                .reduce(0L, (checksum, authorAndBooks) -> fold(checksum, authorAndBooks));
    }

    @Override
    public Mono<Long> authorWithBooks(int authorId) {
        return template.selectOne(query(where("id").is(authorId)), Author.class)
                .flatMap(author -> booksOf(author).map(books -> checksum(author, books)));
    }

    private Mono<List<Book>> booksOf(Author author) {
        return template.select(Book.class)
                .matching(query(where("authorId").is(author.id())).sort(Sort.by("id")))
                .all()
                .collectList();
    }

    /** The author's id, then its books' ids, folded into a checksum of their own. */
    private static long checksum(Author author, List<Book> books) {
        long checksum = Checksums.fold(0L, author.id());
        for (Book book : books) {
            checksum = Checksums.fold(checksum, book.id());
        }
        return checksum;
    }

    /** Folds an author's partial checksum the way the other contenders fold author id then book ids. */
    private static long fold(long checksum, long[] authorAndBooks) {
        long power = 1;
        for (int i = 0; i <= authorAndBooks[1]; i++) {
            power *= 31;
        }
        return checksum * power + authorAndBooks[0];
    }

    @Override
    public Mono<Long> bookPage(BookPage page) {
        return template.select(query(where("year").between(page.fromYear(), page.toYear())
                        .and("title").like(page.titlePrefix() + "%"))
                        .sort(PAGE_ORDER)
                        .limit(page.limit())
                        .offset(page.offset()), Book.class)
                .reduce(0L, (checksum, book) -> Checksums.fold(checksum, book.id()));
    }

    @Override
    public boolean runs(io.rowflow.benchmarks.Workload workload) {
        return true;
    }

    @Override
    public Mono<Long> streamEventsInTransaction() {
        return template.select(Event.class).all().count().as(transactional::transactional);
    }

    /** W10 through the {@code DatabaseClient} under the template: Spring Data has no joins of entities. */
    @Override
    public Mono<Long> joinedAuthorsAndBooks() {
        return template.getDatabaseClient().sql(RawJoin.SQL)
                .map((row, metadata) -> new SpringEntities.AuthorBook(row.get(0, Integer.class), row.get(1, String.class),
                        row.get(2, Integer.class), row.get(3, String.class), row.get(4, Integer.class)))
                .all()
                .reduceWith(Checksums.Joined::new, (checksum, row) -> checksum.add(row.authorId(), row.bookId()))
                .map(Checksums.Joined::value);
    }

    /** W10's SQL, as raw R2DBC sends it. */
    private static final class RawJoin {
        static final String SQL = "SELECT a.id, a.name, b.id, b.title, b.year FROM bench_author a "
                + "JOIN bench_book b ON b.author_id = a.id ORDER BY a.id, b.id";
    }
}
