package io.rowflow.query.relation;

import static io.rowflow.query.Queries.select;
import static io.rowflow.query.relation.Author_.AUTHOR;
import static io.rowflow.query.relation.Book_.BOOK;
import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.Database;
import io.rowflow.dialect.PostgresDialect;
import io.rowflow.test.TestDatabases;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The relationship suite on the real PostgreSQL server, plus the SQL shapes docs/relationships.md shows. */
class PostgresRelationTest extends RelationContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.postgres(getClass());
    }

    @Test
    void followUpQueriesBindTheKeysOfABatchAsOneArray() {
        library(300, 2, 1);

        db.fetch(select(AUTHOR).orderBy(AUTHOR.name.asc()).with(AUTHOR.books.then(BOOK.reviews), AUTHOR.books))
                .then().block(TIMEOUT);

        assertThat(counting.executedSql()).first().isEqualTo(
                "SELECT t0.\"id\", t0.\"name\" FROM \"rel_author\" t0 ORDER BY t0.\"name\"");
        assertThat(counting.executedSql()).contains(
                "SELECT t0.\"id\", t0.\"title\", t0.\"year\", t0.\"author_id\" FROM \"rel_book\" t0 "
                        + "WHERE t0.\"author_id\" = ANY($1) ORDER BY t0.\"id\"",
                "SELECT t0.\"id\", t0.\"stars\", t0.\"book_id\" FROM \"rel_review\" t0 "
                        + "WHERE t0.\"book_id\" = ANY($1) ORDER BY t0.\"id\"");
        assertThat(counting.statements()).as("1 parent query + 2 batches x (books, reviews, books again)").isEqualTo(7);
    }

    @Test
    void aNestedLevelBindsTheChildKeysOfABatchInArraysOfAtMostTenThousand() {
        library(256, 100, 1);

        List<Author> authors = db.fetch(select(AUTHOR).with(AUTHOR.books.then(BOOK.reviews))).collectList().block(TIMEOUT);

        assertThat(authors).hasSize(256).allSatisfy(author -> assertThat(author.books()).hasSize(100)
                .allSatisfy(book -> assertThat(book.getReviews()).hasSize(1)));
        assertThat(counting.boundArrayLengths()).as("256 author keys, then 25,600 book keys")
                .containsExactly(256, 10_000, 10_000, 5_600);
        assertThat(counting.statements()).as("1 parent query + 1 for books + 3 for reviews").isEqualTo(5);
    }

    @Test
    void arrayChunkSizeIsADialectProperty() {
        library(300, 10, 0);
        Database chunked = Database.builder(counting).dialect(new PostgresDialect().withArrayChunkSize(700)).build();

        List<Author> authors = chunked.fetch(select(AUTHOR).with(AUTHOR.books.then(BOOK.reviews))).collectList()
                .block(TIMEOUT);

        assertThat(authors).hasSize(300).allSatisfy(author -> assertThat(author.books()).hasSize(10));
        assertThat(counting.boundArrayLengths()).containsExactly(256, 700, 700, 700, 460, 44, 440);
        assertThat(counting.statements()).isEqualTo(8);
    }
}
