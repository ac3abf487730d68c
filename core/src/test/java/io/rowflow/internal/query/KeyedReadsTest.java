package io.rowflow.internal.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowflow.annotation.Column;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.Table;
import io.rowflow.annotation.Version;
import io.rowflow.dialect.Dialect;
import io.rowflow.dialect.H2Dialect;
import io.rowflow.dialect.MariaDbDialect;
import io.rowflow.dialect.PostgresDialect;
import io.rowflow.fixtures.Book;
import io.rowflow.fixtures.Film;
import io.rowflow.fixtures.Rating;
import io.rowflow.internal.convert.ConverterRegistry;
import io.rowflow.internal.execution.PreparedSql;
import io.rowflow.internal.mapping.DefaultEntityModel;
import io.rowflow.internal.mapping.EntityKey;
import io.rowflow.internal.mapping.EntityModels;
import io.rowflow.mapping.NamingStrategy;
import io.rowflow.sql.Expression;
import io.rowflow.sql.Join;
import io.rowflow.sql.Predicate;
import io.rowflow.internal.model.SelectModel;
import io.rowflow.sql.SelectStatement;
import io.rowflow.sql.TableRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reads by key rendered by the SQL writer, without a database: their exact text per dialect,
 * their bind values, one rendering per shape, and a table condition in every one of them.
 */
class KeyedReadsTest {

    private static final Dialect POSTGRES = new PostgresDialect();
    private static final Dialect H2 = new H2Dialect();
    private static final Dialect MARIADB = new MariaDbDialect();
    private static final String BOOK_COLUMNS = "t0.\"id\", t0.\"title\", t0.\"author_id\", t0.\"price\", t0.\"pages\", t0.\"version\"";

    /** Books only with pages: a condition of the kind global filters will add. */
    private static final TableConditions WITH_PAGES = (table, model) -> model.type() == Book.class
            ? new Predicate.Comparison(new Expression.Column(table, "pages"), Predicate.ComparisonOperator.GT,
            new Expression.Value(0))
            : null;

    @Test
    void lookupsByIdCompareEveryKeyColumnWithOneMarkerEach() {
        Fixture h2 = new Fixture(H2, TableConditions.NONE);
        Fixture mariaDb = new Fixture(MARIADB, TableConditions.NONE);

        PreparedSql book = h2.reads.byId(h2.model(Book.class), 5L);
        PreparedSql stock = mariaDb.reads.byId(mariaDb.model(Stock.class), new StockKey(1, 2));

        assertThat(book.sql()).isEqualTo("SELECT " + BOOK_COLUMNS + " FROM \"book\" t0 WHERE t0.\"id\" = $1");
        assertThat(book.binds()).containsExactly(5L);
        assertThat(stock.sql()).isEqualTo("SELECT t0.`store_id`, t0.`film_id`, t0.`copies`, t0.`version` FROM `stock` t0 "
                + "WHERE t0.`store_id` = ? AND t0.`film_id` = ?");
        assertThat(stock.binds()).containsExactly(1, 2);
    }

    @Test
    void existenceChecksAndCountsAreSelectsOfTheTable() {
        Fixture postgres = new Fixture(POSTGRES, TableConditions.NONE);
        Fixture mariaDb = new Fixture(MARIADB, TableConditions.NONE);

        assertThat(postgres.reads.existsById(postgres.model(Book.class), 7L))
                .isEqualTo(new PreparedSql("SELECT 1 FROM \"book\" t0 WHERE t0.\"id\" = $1 LIMIT $2", new Object[]{7L, 1L}));
        assertThat(mariaDb.reads.existsById(mariaDb.model(Stock.class), new StockKey(3, 4)).sql())
                .isEqualTo("SELECT 1 FROM `stock` t0 WHERE t0.`store_id` = ? AND t0.`film_id` = ? LIMIT ?");
        assertThat(postgres.reads.count(postgres.model(Book.class)))
                .isEqualTo(PreparedSql.of("SELECT COUNT(*) FROM \"book\" t0"));
    }

    @Test
    void eachShapeIsRenderedOnceAndBoundPerExecution() {
        Fixture postgres = new Fixture(POSTGRES, TableConditions.NONE);
        DefaultEntityModel<Book> model = postgres.model(Book.class);

        PreparedSql first = postgres.reads.byId(model, 1L);
        PreparedSql second = postgres.reads.byId(model, 2L);
        PreparedSql firstSet = postgres.reads.byKeys(model, model.key(), List.of(1L, 2L));
        PreparedSql secondSet = postgres.reads.byKeys(model, model.key(), List.of(3L, 4L, 5L));

        assertThat(second.sql()).isSameAs(first.sql());
        assertThat(second.binds()).containsExactly(2L);
        assertThat(first.binds()).as("the template's binds are not shared").containsExactly(1L);
        assertThat(secondSet.sql()).isSameAs(firstSet.sql());
        assertThat(secondSet.binds()[0]).isEqualTo(new Long[]{3L, 4L, 5L});
    }

    @Test
    void keySetsBindOneArrayPerColumnOnPostgresAndListsElsewhere() {
        Fixture postgres = new Fixture(POSTGRES, TableConditions.NONE);
        Fixture mariaDb = new Fixture(MARIADB, TableConditions.NONE);
        DefaultEntityModel<Book> book = postgres.model(Book.class);
        EntityKey author = EntityKey.of(book.column("authorId"));

        assertThat(postgres.reads.byKeys(book, author, List.of(1L, 2L)).sql()).isEqualTo("SELECT " + BOOK_COLUMNS
                + " FROM \"book\" t0 WHERE t0.\"author_id\" = ANY($1) ORDER BY t0.\"id\"");
        PreparedSql stocks = postgres.reads.byKeys(postgres.model(Stock.class), postgres.model(Stock.class).key(),
                List.of(new StockKey(1, 2), new StockKey(3, 4)));
        assertThat(stocks.sql()).isEqualTo("SELECT t0.\"store_id\", t0.\"film_id\", t0.\"copies\", t0.\"version\" "
                + "FROM \"stock\" t0 WHERE (t0.\"store_id\", t0.\"film_id\") IN (SELECT * FROM unnest($1::integer[], "
                + "$2::integer[])) ORDER BY t0.\"store_id\", t0.\"film_id\"");
        assertThat(stocks.binds()).containsExactly(new Integer[]{1, 3}, new Integer[]{2, 4});

        DefaultEntityModel<Stock> stock = mariaDb.model(Stock.class);
        PreparedSql listed = mariaDb.reads.byKeys(stock, stock.key(), List.of(new StockKey(1, 2), new StockKey(3, 4)));
        assertThat(listed.sql()).isEqualTo("SELECT t0.`store_id`, t0.`film_id`, t0.`copies`, t0.`version` FROM `stock` t0 "
                + "WHERE ((t0.`store_id` = ? AND t0.`film_id` = ?) OR (t0.`store_id` = ? AND t0.`film_id` = ?)) "
                + "ORDER BY t0.`store_id`, t0.`film_id`");
        assertThat(listed.binds()).containsExactly(1, 2, 3, 4);
        assertThat(mariaDb.reads.byKeys(stock, stock.key(), List.of(new StockKey(5, 6))).sql())
                .contains("WHERE (t0.`store_id` = ? AND t0.`film_id` = ?) ORDER BY");
        assertThat(mariaDb.reads.byKeys(mariaDb.model(Book.class), EntityKey.of(mariaDb.model(Book.class).column("authorId")),
                List.of(1L, 2L, 3L)).sql()).contains("WHERE t0.`author_id` IN (?, ?, ?) ORDER BY t0.`id`");
    }

    @Test
    void linkedTargetsCarryTheOwnerKeyAndCastItToItsDeclaredType() {
        Fixture postgres = new Fixture(POSTGRES, TableConditions.NONE);
        LinkTable link = new LinkTable("guide_film", "rating", "film_id");

        PreparedSql linked = postgres.reads.linked(postgres.model(Film.class), link, postgres.model(Guide.class).key(),
                List.of(Rating.PG_13, Rating.G));

        assertThat(linked.sql()).isEqualTo("SELECT t0.\"id\", t0.\"title\", t0.\"rating\", t1.\"rating\" FROM \"film\" t0 "
                + "JOIN \"guide_film\" t1 ON t1.\"film_id\" = t0.\"id\" WHERE t1.\"rating\" = ANY($1::mpaa_rating[]) "
                + "ORDER BY t0.\"id\"");
        assertThat(linked.binds()).containsExactly((Object) new String[]{"PG-13", "G"});
        Fixture h2 = new Fixture(H2, TableConditions.NONE);
        assertThat(h2.reads.linked(h2.model(Film.class), link, h2.model(Guide.class).key(), List.of(Rating.R)).sql())
                .contains("WHERE t1.\"rating\" IN (");
    }

    @Test
    void aTableConditionJoinsEveryReadOfItsEntity() {
        Fixture postgres = new Fixture(POSTGRES, WITH_PAGES);
        DefaultEntityModel<Book> book = postgres.model(Book.class);

        assertThat(postgres.reads.byId(book, 1L))
                .isEqualTo(new PreparedSql("SELECT " + BOOK_COLUMNS + " FROM \"book\" t0 WHERE t0.\"id\" = $1 "
                        + "AND t0.\"pages\" > $2", new Object[]{1L, 0}));
        assertThat(postgres.reads.existsById(book, 1L))
                .isEqualTo(new PreparedSql("SELECT 1 FROM \"book\" t0 WHERE t0.\"id\" = $1 AND t0.\"pages\" > $2 "
                        + "LIMIT $3", new Object[]{1L, 0, 1L}));
        assertThat(postgres.reads.count(book).sql()).isEqualTo("SELECT COUNT(*) FROM \"book\" t0 WHERE t0.\"pages\" > $1");
        PreparedSql byAuthors = postgres.reads.byKeys(book, EntityKey.of(book.column("authorId")), List.of(1L, 2L));
        assertThat(byAuthors.sql()).endsWith("WHERE t0.\"author_id\" = ANY($1) AND t0.\"pages\" > $2 ORDER BY t0.\"id\"");
        assertThat(byAuthors.binds()[1]).isEqualTo(0);
        assertThat(postgres.reads.linked(book, new LinkTable("shelf_book", "shelf_id", "book_id"),
                postgres.model(Shelf.class).key(), List.of(1L)).sql())
                .endsWith("WHERE t1.\"shelf_id\" = ANY($1) AND t0.\"pages\" > $2 ORDER BY t0.\"id\"");
        Fixture mariaDb = new Fixture(MARIADB, WITH_PAGES);
        DefaultEntityModel<Book> listed = mariaDb.model(Book.class);
        assertThat(mariaDb.reads.byKeys(listed, listed.key(), List.of(1L, 2L)))
                .isEqualTo(new PreparedSql("SELECT " + BOOK_COLUMNS.replace('"', '`') + " FROM `book` t0 "
                        + "WHERE t0.`id` IN (?, ?) AND t0.`pages` > ? ORDER BY t0.`id`", new Object[]{1L, 2L, 0}));
    }

    @Test
    void aTableConditionJoinsQueriesJoinsAndSubqueries() {
        Fixture postgres = new Fixture(POSTGRES, WITH_PAGES);
        TableRef book = new TableRef(Book.class, "book");
        TableRef other = new TableRef(Book.class, "other");
        TableRef shelf = new TableRef(Shelf.class, "shelf");
        Predicate titled = new Predicate.Comparison(new Expression.Column(book, "title"),
                Predicate.ComparisonOperator.EQ, new Expression.Value("Dune"));
        SelectModel<Shelf> query = SelectModel.of(shelf, Shelf.class)
                .withJoin(new Join(Join.JoinType.LEFT, book, new Predicate.Comparison(new Expression.Column(book, "id"),
                        Predicate.ComparisonOperator.EQ, new Expression.Column(shelf, "id"))))
                .withWhere(new Predicate.Exists(SelectStatement.of(other, Book.class), false));

        assertThat(postgres.renderer.select(SelectModel.of(book, Book.class).withWhere(titled)).statement())
                .isEqualTo(new PreparedSql("SELECT " + BOOK_COLUMNS + " FROM \"book\" t0 WHERE (t0.\"title\" = $1 "
                        + "AND t0.\"pages\" > $2)", new Object[]{"Dune", 0}));
        assertThat(postgres.renderer.select(query).statement().sql()).isEqualTo("SELECT t0.\"id\", t0.\"label\" "
                + "FROM \"shelf\" t0 LEFT JOIN \"book\" t1 ON (t1.\"id\" = t0.\"id\" AND t1.\"pages\" > $1) "
                + "WHERE EXISTS (SELECT 1 FROM \"book\" t2 WHERE t2.\"pages\" > $2 LIMIT $3)");
        assertThat(postgres.renderer.count(SelectModel.of(book, Book.class)).sql())
                .isEqualTo("SELECT COUNT(*) FROM \"book\" t0 WHERE t0.\"pages\" > $1");
        assertThat(new Fixture(POSTGRES, TableConditions.NONE).renderer.select(SelectModel.of(book, Book.class)
                .withWhere(titled)).statement().sql()).as("without conditions, as before")
                .isEqualTo("SELECT " + BOOK_COLUMNS + " FROM \"book\" t0 WHERE t0.\"title\" = $1");
    }

    /** A renderer and its keyed reads over fresh models for one dialect. */
    private static final class Fixture {
        final EntityModels models;
        final QueryRenderer renderer;
        final KeyedReads reads;

        Fixture(Dialect dialect, TableConditions conditions) {
            ConverterRegistry converters = new ConverterRegistry(Map.of(), dialect);
            models = new EntityModels(NamingStrategy.SNAKE_CASE, converters);
            renderer = new QueryRenderer(dialect, models, converters, conditions);
            reads = new KeyedReads(renderer);
        }

        <T> DefaultEntityModel<T> model(Class<T> type) {
            return models.entity(type);
        }
    }

    record StockKey(int storeId, int filmId) {
    }

    @Table
    record Stock(@Id StockKey key, int copies, @Version Integer version) {
    }

    @Table
    record Shelf(@Id Long id, String label) {
    }

    /** An entity keyed by a PostgreSQL enum. */
    @Table
    record Guide(@Id @Column(type = "mpaa_rating") Rating rating, String note) {
    }

}
