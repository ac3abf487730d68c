package io.rowflow.query.contract;

import static io.rowflow.query.Queries.allOf;
import static io.rowflow.query.Queries.anyOf;
import static io.rowflow.query.Queries.avg;
import static io.rowflow.query.Queries.count;
import static io.rowflow.query.Queries.countDistinct;
import static io.rowflow.query.Queries.delete;
import static io.rowflow.query.Queries.exists;
import static io.rowflow.query.Queries.max;
import static io.rowflow.query.Queries.min;
import static io.rowflow.query.Queries.not;
import static io.rowflow.query.Queries.notExists;
import static io.rowflow.query.Queries.select;
import static io.rowflow.query.Queries.selectTuple;
import static io.rowflow.query.Queries.sum;
import static io.rowflow.query.Queries.update;
import static io.rowflow.query.fixtures.Novel_.NOVEL;
import static io.rowflow.query.fixtures.Shop_.SHOP;
import static io.rowflow.query.fixtures.Writer_.WRITER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rowflow.MappingException;
import io.rowflow.NonUniqueResultException;
import io.rowflow.QueryException;
import io.rowflow.DatabaseBuilder;
import io.rowflow.contract.DatabaseTestSupport;
import io.rowflow.test.RollbackOnly;
import io.rowflow.test.TestTransactions;
import io.rowflow.dialect.Feature;
import io.rowflow.query.EntityPath;
import io.rowflow.query.Paths;
import io.rowflow.query.SelectQuery;
import io.rowflow.query.Tuple;
import io.rowflow.query.fixtures.Genre;
import io.rowflow.query.fixtures.Novel;
import io.rowflow.query.fixtures.Novel_;
import io.rowflow.query.fixtures.Place;
import io.rowflow.query.fixtures.Shop;
import io.rowflow.query.fixtures.Writer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * Every feature of the query DSL against known data, on each database: the rows returned are
 * checked, not just the SQL produced.
 */
@RollbackOnly
public abstract class QueryContract extends DatabaseTestSupport {

    /** Each test runs in a rollback-only test transaction: the tables are created once and every test finds them as they were. */
    @Override
    protected boolean recreateTablesForEachTest() {
        return false;
    }

    @Override
    protected DatabaseBuilder configure(DatabaseBuilder builder) {
        return builder.connectionProvider(TestTransactions.connectionProvider());
    }

    protected static final Duration TIMEOUT = Duration.ofSeconds(30);

    protected Writer tolkien;
    protected Writer herbert;
    protected Writer sagan;
    protected Writer nobody;

    @Override
    protected Class<?>[] tables() {
        return new Class<?>[]{Writer.class, Novel.class, Shop.class};
    }

    /** Title and year, for projection tests. */
    public record TitleYear(String title, Integer year) {
    }

    /** A writer's name and how many novels they have. */
    public record WriterCount(String name, Long novels) {
    }

    @BeforeEach
    void insertKnownData() {
        tolkien = db.insert(new Writer(null, "J.R.R. Tolkien", "UK")).block(TIMEOUT);
        herbert = db.insert(new Writer(null, "Frank Herbert", "US")).block(TIMEOUT);
        sagan = db.insert(new Writer(null, "Carl Sagan", "US")).block(TIMEOUT);
        nobody = db.insert(new Writer(null, "Nobody Yet", null)).block(TIMEOUT);
        db.insertAll(List.of(
                novel("The Hobbit", tolkien, 1937, "12.50", Genre.FICTION),
                novel("The Lord of the Rings", tolkien, 1954, "30.00", Genre.FICTION),
                novel("The Silmarillion", tolkien, 1977, "18.00", Genre.FICTION),
                novel("Dune", herbert, 1965, "15.00", Genre.FICTION),
                novel("Dune Messiah", herbert, 1969, null, Genre.FICTION),
                novel("Cosmos", sagan, 1980, "20.00", Genre.SCIENCE),
                novel("50%_off Guide", sagan, null, "5.00", Genre.SCIENCE),
                novel("50 percent off", sagan, 1990, "6.00", Genre.SCIENCE))).blockLast(TIMEOUT);
        counting.reset();
    }

    private static Novel novel(String title, Writer writer, Integer year, String price, Genre genre) {
        return new Novel(null, title, writer.id(), year, price == null ? null : new BigDecimal(price), genre,
                year == null ? null : LocalDate.of(year, 1, 1));
    }

    private List<String> titles(SelectQuery<Novel> query) {
        return db.fetch(query).map(Novel::title).collectList().block(TIMEOUT);
    }

    @Test
    void comparisonsFilterRows() {
        assertThat(titles(select(NOVEL).where(NOVEL.year.eq(1965)))).containsExactly("Dune");
        assertThat(titles(select(NOVEL).where(NOVEL.year.lt(1950)))).containsExactly("The Hobbit");
        assertThat(titles(select(NOVEL).where(NOVEL.year.le(1954)).orderBy(NOVEL.year.asc())))
                .containsExactly("The Hobbit", "The Lord of the Rings");
        assertThat(titles(select(NOVEL).where(NOVEL.year.gt(1977)).orderBy(NOVEL.year.asc())))
                .containsExactly("Cosmos", "50 percent off");
        assertThat(titles(select(NOVEL).where(NOVEL.year.ge(1977)).orderBy(NOVEL.year.asc())))
                .containsExactly("The Silmarillion", "Cosmos", "50 percent off");
        assertThat(titles(select(NOVEL).where(NOVEL.genre.ne(Genre.FICTION)).orderBy(NOVEL.title.asc())))
                .containsExactly("50 percent off", "50%_off Guide", "Cosmos");
        assertThat(titles(select(NOVEL).where(NOVEL.year.between(1960, 1970)).orderBy(NOVEL.year.asc())))
                .containsExactly("Dune", "Dune Messiah");
        assertThat(titles(select(NOVEL).where(NOVEL.published.gt(LocalDate.of(1979, 6, 1))).orderBy(NOVEL.year.asc())))
                .containsExactly("Cosmos", "50 percent off");
    }

    @Test
    void inAndNotInWorkWithAnyNumberOfValues() {
        assertThat(titles(select(NOVEL).where(NOVEL.year.in(1937, 1980, 2020)).orderBy(NOVEL.year.asc())))
                .containsExactly("The Hobbit", "Cosmos");
        assertThat(titles(select(NOVEL).where(NOVEL.title.in(List.of("Dune"))))).containsExactly("Dune");
        assertThat(titles(select(NOVEL).where(NOVEL.year.in(List.of())))).isEmpty();
        assertThat(titles(select(NOVEL).where(NOVEL.writerId.notIn(tolkien.id(), sagan.id())).orderBy(NOVEL.title.asc())))
                .containsExactly("Dune", "Dune Messiah");
        assertThat(titles(select(NOVEL).where(NOVEL.genre.in(Genre.SCIENCE)).orderBy(NOVEL.title.asc())))
                .containsExactly("50 percent off", "50%_off Guide", "Cosmos");
    }

    @Test
    void nullChecksAndBooleanLogic() {
        assertThat(titles(select(NOVEL).where(NOVEL.year.isNull()))).containsExactly("50%_off Guide");
        assertThat(titles(select(NOVEL).where(NOVEL.price.isNull()))).containsExactly("Dune Messiah");
        assertThat(db.count(select(NOVEL).where(NOVEL.year.isNotNull())).block(TIMEOUT)).isEqualTo(7L);
        assertThat(titles(select(NOVEL).where(NOVEL.year.lt(1940).or(NOVEL.year.gt(1985))).orderBy(NOVEL.year.asc())))
                .containsExactly("The Hobbit", "50 percent off");
        assertThat(titles(select(NOVEL).where(allOf(NOVEL.genre.eq(Genre.FICTION), NOVEL.writerId.eq(herbert.id()),
                not(NOVEL.title.eq("Dune")))))).containsExactly("Dune Messiah");
        assertThat(titles(select(NOVEL).where(anyOf(NOVEL.title.eq("Dune"), NOVEL.title.eq("Cosmos"))).orderBy(NOVEL.title.asc())))
                .containsExactly("Cosmos", "Dune");
        assertThat(titles(select(NOVEL).where(NOVEL.year.gt(1950).and(NOVEL.year.lt(1970)).not()).orderBy(NOVEL.year.asc())))
                .containsExactly("The Hobbit", "The Silmarillion", "Cosmos", "50 percent off");
    }

    @Test
    void likeHelpersMatchUserInputLiterally() {
        assertThat(titles(select(NOVEL).where(NOVEL.title.startsWith("50%_off")))).containsExactly("50%_off Guide");
        assertThat(titles(select(NOVEL).where(NOVEL.title.contains("%_")))).containsExactly("50%_off Guide");
        assertThat(titles(select(NOVEL).where(NOVEL.title.endsWith("Messiah")))).containsExactly("Dune Messiah");
        assertThat(titles(select(NOVEL).where(NOVEL.title.startsWith("The")).orderBy(NOVEL.year.asc())))
                .containsExactly("The Hobbit", "The Lord of the Rings", "The Silmarillion");
        assertThat(titles(select(NOVEL).where(NOVEL.title.like("50%off%")).orderBy(NOVEL.title.asc())))
                .as("like() keeps wildcards").containsExactly("50 percent off", "50%_off Guide");
    }

    @Test
    void likeIgnoringCaseMatchesAnyCaseOnEveryDatabase() {
        assertThat(titles(select(NOVEL).where(NOVEL.title.containsIgnoreCase("DUNE")).orderBy(NOVEL.title.asc())))
                .containsExactly("Dune", "Dune Messiah");
        assertThat(titles(select(NOVEL).where(NOVEL.title.startsWithIgnoreCase("the l")))).containsExactly("The Lord of the Rings");
        assertThat(titles(select(NOVEL).where(NOVEL.title.endsWithIgnoreCase("GUIDE")))).containsExactly("50%_off Guide");
        assertThat(titles(select(NOVEL).where(NOVEL.title.startsWithIgnoreCase("50%_OFF"))))
                .as("user input still matches literally").containsExactly("50%_off Guide");
        assertThat(titles(select(NOVEL).where(NOVEL.title.likeIgnoreCase("the %")).orderBy(NOVEL.year.asc())))
                .containsExactly("The Hobbit", "The Lord of the Rings", "The Silmarillion");
    }

    @Test
    void plainLikeAndEqualityFollowTheDeclaredCaseSensitivity() {
        List<String> lowerCasePrefix = titles(select(NOVEL).where(NOVEL.title.startsWith("the")).orderBy(NOVEL.year.asc()));
        List<String> lowerCaseTitle = titles(select(NOVEL).where(NOVEL.title.eq("dune")));

        if (db.dialect().supports(Feature.CASE_SENSITIVE_LIKE)) {
            assertThat(lowerCasePrefix).isEmpty();
            assertThat(lowerCaseTitle).isEmpty();
        } else {
            assertThat(lowerCasePrefix).containsExactly("The Hobbit", "The Lord of the Rings", "The Silmarillion");
            assertThat(lowerCaseTitle).containsExactly("Dune");
        }
    }

    @Test
    void stringFunctions() {
        assertThat(titles(select(NOVEL).where(NOVEL.title.lower().eq("dune")))).containsExactly("Dune");
        assertThat(titles(select(NOVEL).where(NOVEL.title.upper().eq("COSMOS")))).containsExactly("Cosmos");
        assertThat(titles(select(NOVEL).where(NOVEL.title.length().eq(4)))).containsExactly("Dune");
        assertThat(db.fetch(select(NOVEL.title.concat(" (", WRITER.name, ")")).from(NOVEL)
                        .join(WRITER).on(WRITER.id.eq(NOVEL.writerId)).where(NOVEL.year.eq(1980)))
                .collectList().block(TIMEOUT)).containsExactly("Cosmos (Carl Sagan)");
        assertThat(db.fetch(select(WRITER.country.coalesce("unknown")).where(WRITER.id.eq(nobody.id())))
                .collectList().block(TIMEOUT)).containsExactly("unknown");
        assertThat(db.fetch(select(NOVEL.year.plus(1)).where(NOVEL.title.eq("Dune"))).blockFirst(TIMEOUT)).isEqualTo(1966);
    }

    @Test
    void projectionsIntoRecordsTuplesAndSingleValues() {
        List<TitleYear> rows = db.fetch(select(TitleYear.class, NOVEL.title, NOVEL.year)
                .where(NOVEL.writerId.eq(herbert.id())).orderBy(NOVEL.year.asc())).collectList().block(TIMEOUT);
        assertThat(rows).containsExactly(new TitleYear("Dune", 1965), new TitleYear("Dune Messiah", 1969));

        Tuple tuple = db.fetchOne(selectTuple(NOVEL.title, NOVEL.price, NOVEL.genre).where(NOVEL.title.eq("Cosmos")))
                .block(TIMEOUT);
        assertThat(tuple.get(NOVEL.title)).isEqualTo("Cosmos");
        assertThat(tuple.get(NOVEL.price)).isEqualByComparingTo("20.00");
        assertThat(tuple.get(NOVEL.genre)).isEqualTo(Genre.SCIENCE);

        assertThat(db.fetch(select(WRITER.name).orderBy(WRITER.name.asc())).collectList().block(TIMEOUT))
                .containsExactly("Carl Sagan", "Frank Herbert", "J.R.R. Tolkien", "Nobody Yet");
    }

    @Test
    void aggregatesGroupByAndHaving() {
        List<WriterCount> prolific = db.fetch(select(WriterCount.class, WRITER.name, count())
                .from(WRITER).join(NOVEL).on(NOVEL.writerId.eq(WRITER.id))
                .groupBy(WRITER.name).having(count().gt(2L)).orderBy(WRITER.name.asc())).collectList().block(TIMEOUT);
        assertThat(prolific).containsExactly(new WriterCount("Carl Sagan", 3L), new WriterCount("J.R.R. Tolkien", 3L));

        Tuple stats = db.fetchOne(selectTuple(count(NOVEL.price), countDistinct(NOVEL.writerId), sum(NOVEL.price),
                avg(NOVEL.year), min(NOVEL.year), max(NOVEL.title)).from(NOVEL)).block(TIMEOUT);
        assertThat(stats.get(count(NOVEL.price))).isEqualTo(7L);
        assertThat(stats.get(countDistinct(NOVEL.writerId))).isEqualTo(3L);
        assertThat(stats.get(sum(NOVEL.price))).isEqualByComparingTo("106.50");
        assertThat(stats.get(avg(NOVEL.year))).isCloseTo((1937 + 1954 + 1977 + 1965 + 1969 + 1980 + 1990) / 7.0,
                org.assertj.core.data.Offset.offset(0.5));
        assertThat(stats.get(min(NOVEL.year))).isEqualTo(1937);
        assertThat(stats.get(max(NOVEL.title))).isEqualTo("The Silmarillion");
    }

    @Test
    void leftJoinKeepsWritersWithoutNovels() {
        List<WriterCount> counts = db.fetch(select(WriterCount.class, WRITER.name, count(NOVEL.id))
                .from(WRITER).leftJoin(NOVEL).on(NOVEL.writerId.eq(WRITER.id))
                .groupBy(WRITER.name).orderBy(WRITER.name.asc())).collectList().block(TIMEOUT);
        assertThat(counts).containsExactly(new WriterCount("Carl Sagan", 3L), new WriterCount("Frank Herbert", 2L),
                new WriterCount("J.R.R. Tolkien", 3L), new WriterCount("Nobody Yet", 0L));
    }

    @Test
    void distinctRemovesDuplicates() {
        assertThat(db.fetch(select(NOVEL.genre).distinct().orderBy(NOVEL.genre.asc())).collectList().block(TIMEOUT))
                .containsExactly(Genre.FICTION, Genre.SCIENCE);
    }

    @Test
    void orderingWithNullsFirstAndLast() {
        assertThat(titles(select(NOVEL).where(NOVEL.writerId.eq(sagan.id())).orderBy(NOVEL.year.desc().nullsLast())))
                .containsExactly("50 percent off", "Cosmos", "50%_off Guide");
        assertThat(titles(select(NOVEL).where(NOVEL.writerId.eq(sagan.id())).orderBy(NOVEL.year.asc().nullsFirst())))
                .containsExactly("50%_off Guide", "Cosmos", "50 percent off");
    }

    @Test
    void limitAndOffsetPage() {
        SelectQuery<Novel> byTitle = select(NOVEL).orderBy(NOVEL.title.asc());
        assertThat(titles(byTitle.limit(3))).containsExactly("50 percent off", "50%_off Guide", "Cosmos");
        assertThat(titles(byTitle.limit(2).offset(3))).containsExactly("Dune", "Dune Messiah");
        assertThat(titles(byTitle.offset(7))).containsExactly("The Silmarillion");
    }

    @Test
    void subqueriesInExistsInAndScalarComparisons() {
        Novel_ inner = NOVEL.as("inner_novel");
        List<String> withEarlyNovels = db.fetch(select(WRITER.name)
                .where(exists(select(inner).where(inner.writerId.eq(WRITER.id).and(inner.year.lt(1960)))))).collectList()
                .block(TIMEOUT);
        assertThat(withEarlyNovels).containsExactly("J.R.R. Tolkien");

        List<String> withoutNovels = db.fetch(select(WRITER.name).where(notExists(select(NOVEL).where(NOVEL.writerId.eq(WRITER.id)))))
                .collectList().block(TIMEOUT);
        assertThat(withoutNovels).containsExactly("Nobody Yet");

        assertThat(titles(select(NOVEL).where(NOVEL.writerId.in(select(WRITER.id).where(WRITER.country.eq("US"))))
                .orderBy(NOVEL.title.asc()))).containsExactly("50 percent off", "50%_off Guide", "Cosmos", "Dune", "Dune Messiah");

        assertThat(titles(select(NOVEL).where(NOVEL.price.gt(select(avg(inner.price).readAs(BigDecimal.class)).from(inner))).orderBy(NOVEL.title.asc())))
                .containsExactly("Cosmos", "The Lord of the Rings", "The Silmarillion");
    }

    @Test
    void countAndExistsShortcuts() {
        assertThat(db.count(select(NOVEL).where(NOVEL.genre.eq(Genre.FICTION))).block(TIMEOUT)).isEqualTo(5L);
        assertThat(db.count(select(NOVEL.genre).distinct()).block(TIMEOUT)).isEqualTo(2L);
        assertThat(db.count(select(NOVEL).orderBy(NOVEL.title.asc()).limit(3)).block(TIMEOUT)).isEqualTo(3L);
        assertThat(db.exists(select(NOVEL).where(NOVEL.title.eq("Dune"))).block(TIMEOUT)).isTrue();
        assertThat(db.exists(select(NOVEL).where(NOVEL.title.eq("Missing"))).block(TIMEOUT)).isFalse();
    }

    @Test
    void fetchOneAndFetchFirst() {
        assertThat(db.fetchOne(select(NOVEL).where(NOVEL.title.eq("Dune"))).block(TIMEOUT).year()).isEqualTo(1965);
        StepVerifier.create(db.fetchOne(select(NOVEL).where(NOVEL.title.eq("nope")))).verifyComplete();
        StepVerifier.create(db.fetchOne(select(NOVEL).where(NOVEL.writerId.eq(herbert.id()))))
                .expectError(NonUniqueResultException.class).verify(TIMEOUT);
        assertThat(db.fetchFirst(select(NOVEL).orderBy(NOVEL.year.desc().nullsLast())).block(TIMEOUT).title())
                .isEqualTo("50 percent off");
    }

    @Test
    void updateAndDeleteByPredicateReturnCounts() {
        Long raised = db.execute(update(NOVEL).set(NOVEL.price, NOVEL.price.times(2)).where(NOVEL.writerId.eq(tolkien.id())))
                .block(TIMEOUT);
        assertThat(raised).isEqualTo(3L);
        assertThat(db.fetchOne(select(NOVEL.price).where(NOVEL.title.eq("The Hobbit"))).block(TIMEOUT))
                .isEqualByComparingTo("25.00");

        assertThat(db.execute(update(NOVEL).set(NOVEL.genre, Genre.HISTORY).set(NOVEL.year, (Integer) null)
                .where(NOVEL.title.eq("Cosmos"))).block(TIMEOUT)).isEqualTo(1L);
        assertThat(db.fetchOne(select(NOVEL).where(NOVEL.title.eq("Cosmos"))).block(TIMEOUT).genre()).isEqualTo(Genre.HISTORY);

        assertThat(db.execute(delete(NOVEL).where(NOVEL.year.isNull())).block(TIMEOUT)).isEqualTo(2L);
        assertThat(db.execute(update(NOVEL).set(NOVEL.price, BigDecimal.ONE).all()).block(TIMEOUT)).isEqualTo(6L);
        assertThat(db.execute(delete(NOVEL).all()).block(TIMEOUT)).isEqualTo(6L);
    }

    @Test
    void updateOrDeleteWithoutPredicateMustSayAll() {
        StepVerifier.create(db.execute(update(NOVEL).set(NOVEL.price, BigDecimal.ZERO)))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(QueryException.class).hasMessageContaining("all()"))
                .verify(TIMEOUT);
        StepVerifier.create(db.execute(delete(NOVEL))).expectError(QueryException.class).verify(TIMEOUT);
        assertThat(counting.statements()).isZero();
        assertThat(db.count(Novel.class).block(TIMEOUT)).isEqualTo(8L);
    }

    @Test
    void invalidQueriesFailBeforeAnySqlIsSent() {
        StepVerifier.create(db.fetch(select(NOVEL).seekAfter(5L))).expectErrorSatisfies(e ->
                assertThat(e).isInstanceOf(QueryException.class).hasMessageContaining("orderBy")).verify(TIMEOUT);
        StepVerifier.create(db.fetch(select(NOVEL).where(WRITER.name.eq("x")))).expectErrorSatisfies(e ->
                assertThat(e).isInstanceOf(QueryException.class).hasMessageContaining("not in the query")).verify(TIMEOUT);
        StepVerifier.create(db.fetch(select(WriterCount.class, WRITER.name, count()).from(WRITER)))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(QueryException.class)
                        .hasMessageContaining("without grouping")).verify(TIMEOUT);
        assertThatThrownBy(() -> NOVEL.title.eq((String) null)).isInstanceOf(QueryException.class);
        assertThatThrownBy(() -> select(TitleYear.class, NOVEL.title)).isInstanceOf(QueryException.class)
                .hasMessageContaining("2 components");
        assertThat(counting.statements()).isZero();
    }

    @Test
    void nonFiniteFloatingPointValuesAreRefusedBeforeSendingWhereTheDatabaseCannotStoreThem() {
        if (db.dialect().supports(Feature.NON_FINITE_FLOATS)) {
            return;
        }
        StepVerifier.create(db.fetch(select(NOVEL.title).where(NOVEL.year.times(Double.NaN).gt(1))))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(MappingException.class)
                        .hasMessageContaining("NaN").hasMessageContaining(db.dialect().name()))
                .verify(TIMEOUT);
        StepVerifier.create(db.execute(update(NOVEL).set(NOVEL.year, NOVEL.year.plus(Float.NEGATIVE_INFINITY)).all()))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(MappingException.class)
                        .hasMessageContaining("-Infinity").hasMessageContaining(db.dialect().name()))
                .verify(TIMEOUT);
        assertThat(counting.statements()).isZero();
    }

    @Test
    void embeddedPathsAndHandWrittenPaths() {
        db.insertAll(List.of(new Shop("Foyles", new Place("London", "UK"), true),
                new Shop("Powell's", new Place("Portland", "US"), false))).blockLast(TIMEOUT);

        List<String> open = db.fetch(select(SHOP).where(SHOP.location.country.eq("UK").and(SHOP.open.isTrue())))
                .map(Shop::getName).collectList().block(TIMEOUT);
        assertThat(open).containsExactly("Foyles");

        EntityPath<Shop> shop = Paths.of(Shop.class);
        List<String> portland = db.fetch(select(shop.string("name")).where(shop.embedded("location").string("city").eq("Portland")))
                .collectList().block(TIMEOUT);
        assertThat(portland).containsExactly("Powell's");

        StepVerifier.create(db.fetch(select(shop).where(shop.string("nmae").eq("x"))))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(QueryException.class).hasMessageContaining("nmae"))
                .verify(TIMEOUT);
    }

    @Test
    void sameShapeRendersSameSqlText() {
        String first = db.toSql(select(NOVEL).where(NOVEL.title.eq("A").and(NOVEL.year.in(1, 2, 3))).limit(5));
        String second = db.toSql(select(NOVEL).where(NOVEL.title.eq("B").and(NOVEL.year.in(7, 8, 9))).limit(50));
        assertThat(first).isEqualTo(second).doesNotContain("'A'").doesNotContain("'B'");
        assertThat(select(NOVEL).where(NOVEL.title.eq("secret")).toString()).contains("$1").doesNotContain("secret");
    }

    /** Inside a transaction (a rollback-only test's), on H2 and MariaDB pages are read in windows: the seek must survive them. */
    @Test
    void keysetPagingVisitsEveryRowOnceInOrder() {
        db.insertAll(IntStream.range(0, 10_000).mapToObj(i -> new Novel(null, "bulk " + (i % 100), herbert.id(), 2000 + i % 7,
                BigDecimal.ONE, Genre.POETRY, null)).toList()).blockLast(TIMEOUT);
        SelectQuery<Novel> poetry = select(NOVEL).where(NOVEL.genre.eq(Genre.POETRY))
                .orderBy(NOVEL.year.desc(), NOVEL.title.asc(), NOVEL.id.asc()).limit(700);

        List<Novel> seen = new ArrayList<>();
        List<Novel> page = db.fetch(poetry).collectList().block(TIMEOUT);
        int pages = 0;
        while (!page.isEmpty()) {
            seen.addAll(page);
            pages++;
            Novel last = page.get(page.size() - 1);
            page = db.fetch(poetry.seekAfter(last.year(), last.title(), last.id())).collectList().block(TIMEOUT);
        }

        assertThat(pages).isEqualTo(15);
        List<Novel> all = db.fetch(select(NOVEL).where(NOVEL.genre.eq(Genre.POETRY))
                .orderBy(NOVEL.year.desc(), NOVEL.title.asc(), NOVEL.id.asc())).collectList().block(TIMEOUT);
        assertThat(seen).hasSize(10_000).doesNotHaveDuplicates().containsExactlyElementsOf(all);
    }
}
