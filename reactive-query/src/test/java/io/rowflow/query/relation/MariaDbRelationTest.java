package io.rowflow.query.relation;

import static io.rowflow.query.Queries.select;
import static io.rowflow.query.relation.Author_.AUTHOR;
import static io.rowflow.query.relation.Book_.BOOK;
import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.Database;
import io.rowflow.dialect.MariaDbDialect;
import io.rowflow.test.TestDatabases;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The relationship suite on the real MariaDB server, plus how key sets larger than the dialect's
 * {@code IN} list chunk size split into several follow-up statements.
 */
class MariaDbRelationTest extends RelationContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.mariadb(getClass());
    }

    @Test
    void fiveThousandParentsLoadTheirChildrenThroughInListsOfAThousandKeys() {
        library(5_000, 2, 1);

        List<Author> authors = db.fetch(select(AUTHOR).with(AUTHOR.books.then(BOOK.reviews)).batchSize(5_000))
                .collectList().block(TIMEOUT);

        assertThat(authors).hasSize(5_000).allSatisfy(author -> {
            assertThat(author.books()).hasSize(2).allSatisfy(book -> assertThat(book.getReviews()).hasSize(1));
            assertThat(author.books()).allSatisfy(book -> assertThat(book.getAuthor().id()).isEqualTo(author.id()));
        });
        List<String> books = followUps("`rel_book`");
        List<String> reviews = followUps("`rel_review`");
        assertThat(books).as("5,000 author keys in chunks of 1,000").hasSize(5)
                .allSatisfy(sql -> assertThat(markers(sql)).isEqualTo(1_000));
        assertThat(reviews).as("10,000 book keys in chunks of 1,000").hasSize(10)
                .allSatisfy(sql -> assertThat(sql).contains("`book_id` IN (?, ?"));
        assertThat(counting.statements()).as("1 parent query + 5 + 10 follow-ups").isEqualTo(16);
        Set<Object> reviewedBooks = authors.stream().flatMap(a -> a.books().stream())
                .flatMap(b -> b.getReviews().stream()).map(r -> r.book().id()).collect(Collectors.toSet());
        assertThat(reviewedBooks).hasSize(10_000);
    }

    @Test
    void chunkSizeIsADialectPropertyAndTheLastChunkCarriesTheRest() {
        library(5_000, 1, 0);
        Database chunked = Database.builder(counting).dialect(new MariaDbDialect().withInListChunkSize(700)).build();

        List<Author> authors = chunked.fetch(select(AUTHOR).with(AUTHOR.books).batchSize(5_000)).collectList()
                .block(TIMEOUT);

        assertThat(authors).hasSize(5_000).allSatisfy(author -> assertThat(author.books()).hasSize(1));
        assertThat(followUps("`rel_book`")).extracting(MariaDbRelationTest::markers)
                .containsExactly(700, 700, 700, 700, 700, 700, 700, 100);
    }

    private List<String> followUps(String table) {
        return counting.executedSql().stream().filter(sql -> sql.contains("FROM " + table)).toList();
    }

    private static int markers(String sql) {
        return (int) sql.chars().filter(c -> c == '?').count();
    }
}
