package io.rowflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowflow.Database;
import io.rowflow.examples.docs.QuerySnippets;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the samples of docs/queries.md on embedded H2 and checks what they return. */
class QuerySnippetsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static int databases;

    private Database db;
    private Author ursula;
    private Author frank;

    @BeforeEach
    void createData() {
        db = Database.connect("r2dbc:h2:mem:///query-snippets-" + (++databases)
                + "?options=DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE");
        db.schema().create(Author.class, Book.class).block(TIMEOUT);
        ursula = db.insert(Author.named("Ursula K. Le Guin", 1929)).block(TIMEOUT);
        frank = db.insert(Author.named("Frank Herbert", 1920)).block(TIMEOUT);
        db.insert(Author.named("Unpublished", 1990)).block(TIMEOUT);
        db.insertAll(List.of(
                new Book("The Dispossessed", ursula.id(), new BigDecimal("12.00"), new Edition("Harper", 1974)),
                new Book("The Left Hand of Darkness", ursula.id(), new BigDecimal("25.00"), new Edition("Ace", 1969)),
                new Book("Dune", frank.id(), new BigDecimal("40.00"), new Edition("Chilton", 1965)),
                new Book("Old Pamphlet", frank.id(), null, new Edition("Nobody", 1940)))).blockLast(TIMEOUT);
    }

    @Test
    void filterSortPageAndPredicates() {
        assertThat(QuerySnippets.filterSortPage(db).map(Book::getTitle).collectList().block(TIMEOUT))
                .containsExactly("The Dispossessed");
        assertThat(QuerySnippets.predicates(db, List.of(ursula.id())).map(Book::getTitle).collectList().block(TIMEOUT))
                .containsExactlyInAnyOrder("The Dispossessed", "The Left Hand of Darkness", "Dune");
    }

    @Test
    void aStatementBuiltWithoutTheDslRunsWithItsOptions() {
        assertThat(QuerySnippets.statementWithoutTheDsl(db).map(Book::getTitle).collectList().block(TIMEOUT))
                .containsExactly("The Dispossessed", "The Left Hand of Darkness");
    }

    @Test
    void caseInsensitiveSearchFindsEveryCase() {
        assertThat(QuerySnippets.caseInsensitiveSearch(db, "THE D").collectList().block(TIMEOUT))
                .containsExactly("The Dispossessed");
        assertThat(QuerySnippets.caseInsensitiveSearch(db, "dark").collectList().block(TIMEOUT))
                .containsExactly("The Left Hand of Darkness");
    }

    @Test
    void projections() {
        assertThat(QuerySnippets.projectIntoRecord(db).collectList().block(TIMEOUT)).extracting(QuerySnippets.TitleAndPrice::title)
                .containsExactly("Dune", "The Dispossessed", "The Left Hand of Darkness");
        assertThat(QuerySnippets.tuplesAndSingleValues(db).block(TIMEOUT)).isEqualTo("The Dispossessed costs 12.00 (3 authors)");
    }

    @Test
    void joinsGroupsAndSubqueries() {
        assertThat(QuerySnippets.joinGroupHaving(db).collectList().block(TIMEOUT)).containsExactly(
                new QuerySnippets.AuthorStats("Frank Herbert", 2L),
                new QuerySnippets.AuthorStats("Unpublished", 0L),
                new QuerySnippets.AuthorStats("Ursula K. Le Guin", 2L));
        assertThat(QuerySnippets.subqueries(db).collectList().block(TIMEOUT)).containsExactlyInAnyOrder(
                "Ursula K. Le Guin", "Frank Herbert", "Unpublished", "Dune");
    }

    @Test
    void pagingCountingStreaming() {
        Book dune = QuerySnippets.streamLargeResult(db).filter(b -> b.getTitle().equals("Dune")).blockFirst(TIMEOUT);
        assertThat(QuerySnippets.keysetPaging(db, dune).map(Book::getTitle).collectList().block(TIMEOUT))
                .containsExactly("Old Pamphlet", "The Dispossessed", "The Left Hand of Darkness");
        assertThat(QuerySnippets.countAndExists(db).block(TIMEOUT)).isEqualTo("1 expensive, Dune: true");
        assertThat(QuerySnippets.handWrittenPaths(db).map(Author::name).collectList().block(TIMEOUT))
                .containsExactly("Ursula K. Le Guin");
        assertThat(QuerySnippets.printTheSql()).contains("WHERE t0.\"title\" = $1");
    }

    @Test
    void updateAndDelete() {
        assertThat(QuerySnippets.updateAndDelete(db).block(TIMEOUT)).as("the priceless pamphlet goes").isEqualTo(1L);
        assertThat(db.findAll(Book.class).map(Book::getTitle).collectList().block(TIMEOUT))
                .containsExactlyInAnyOrder("The Dispossessed", "The Left Hand of Darkness", "Dune");
        db.sql("update demo_book set price = null where title = 'Dune'").execute().block(TIMEOUT);
        assertThat(QuerySnippets.updateAndDelete(db).block(TIMEOUT)).isEqualTo(1L);
        assertThat(db.count(Book.class).block(TIMEOUT)).isEqualTo(2L);
    }
}
